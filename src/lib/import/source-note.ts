/**
 * One note of a folder being imported (an Obsidian vault or any notes folder)
 * as the garden needs it: its title (frontmatter, else its first `# heading`,
 * else its file name), its tags (frontmatter and inline `#tags`), its date
 * (frontmatter, else what the caller knows: the last commit, the file's
 * modification time), a one-line summary, and its body. Pure.
 */
import yaml from 'js-yaml';
import { GARDEN_YAML, splitFrontmatter } from '../frontmatter';
import { parseIsoDate, type IsoDate } from '../dates';
import { normaliseTags, type TagSlug } from '../tags';
import { parseMarkdown, MarkdownNestingError } from '../markdown/parse';
import { walk } from '../markdown/walk';

export interface SourceNote {
  title: string;
  tags: TagSlug[];
  date?: IsoDate | undefined;
  /** From the frontmatter's summary or description, else the first sentence of the body. */
  summary: string;
  /** The frontmatter's summary or description alone. */
  writtenSummary?: string | undefined;
  body: string;
  /** Frontmatter fields the garden has no place for (`aliases`, `cssclass`). */
  droppedFields: string[];
  /** Why the frontmatter could not be read, if it could not. */
  frontmatterError?: string | undefined;
}

/** Fields the import reads; any other is reported as left out. */
const READ_FIELDS = new Set(['title', 'tags', 'tag', 'date', 'created', 'summary', 'description']);

/** `#tag`, `#nested/tag`, not `#123` or a heading: what Obsidian takes as a tag. */
const INLINE_TAG = /(?:^|[\s(])#([\p{L}\p{N}_\-/]*[\p{L}_\-/][\p{L}\p{N}_\-/]*)/gu;

export function readSourceNote(fileName: string, text: string, dates: { git?: IsoDate | undefined; modified?: IsoDate | undefined } = {}): SourceNote {
  const { lines, close } = splitFrontmatter(text.replace(/^\uFEFF/, ''));
  let data: Record<string, unknown> = {};
  let frontmatterError: string | undefined;
  if (close > 0) {
    try {
      const parsed: unknown = yaml.load(lines.slice(1, close).join('\n'), GARDEN_YAML);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
    } catch (error) {
      frontmatterError = (error as { reason?: string }).reason ?? String(error);
    }
  }
  let bodyLines = close > 0 ? lines.slice(close + 1) : lines;
  let title = typeof data.title === 'string' && data.title.trim() ? data.title.trim() : undefined;
  if (title === undefined) {
    const heading = bodyLines.findIndex((line) => /^#\s+\S/.test(line));
    const before = heading === -1 ? [] : bodyLines.slice(0, heading);
    if (heading !== -1 && before.every((line) => line.trim() === '')) {
      title = bodyLines[heading]!.replace(/^#\s+/, '').replace(/\s+#*\s*$/, '').trim();
      // The page shows the title as its heading: the body does not repeat it.
      bodyLines = bodyLines.slice(heading + 1);
    }
  }
  const body = bodyLines.join('\n').trim();
  return {
    title: title ?? fileName.replace(/\.mdx?$/i, ''),
    tags: normaliseTags([...listOf(data.tags ?? data.tag), ...inlineTags(body)]),
    date: dateOf(data.date) ?? dateOf(data.created) ?? dates.git ?? dates.modified,
    summary: textOf(data.summary) ?? textOf(data.description) ?? firstSentence(body),
    writtenSummary: textOf(data.summary) ?? textOf(data.description),
    body,
    droppedFields: Object.keys(data).filter((key) => !READ_FIELDS.has(key)),
    frontmatterError,
  };
}

/** `[a, b]`, `"a, b"`, `"#a #b"` → `['a', 'b']` */
function listOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : [];
  return items.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number').map((item) => String(item).replace(/^#/, ''));
}

/** A date written `2024-03-05`, `2024-03-05T10:00` or `2024-03-05 10:00`. */
function dateOf(value: unknown): IsoDate | undefined {
  if (value instanceof Date) return parseIsoDate(value);
  return typeof value === 'string' ? parseIsoDate(value.trim().slice(0, 10)) : undefined;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().replace(/\s+/g, ' ') : undefined;
}

/** The text of the body, outside code, where `#tags` are written. */
function proseOf(body: string): string[] {
  try {
    const texts: string[] = [];
    walk(parseMarkdown(body), 'text', (node) => void texts.push(node.value));
    return texts;
  } catch (error) {
    if (error instanceof MarkdownNestingError) return [];
    throw error;
  }
}

function inlineTags(body: string): string[] {
  if (!body.includes('#')) return [];
  return proseOf(body).flatMap((text) => [...text.matchAll(INLINE_TAG)].map((match) => match[1]!.replace(/\//g, '-')));
}

/** The first sentence of the first paragraph, as plain text, at most 160 characters. */
function firstSentence(body: string): string {
  const paragraph = body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .find((block) => block && !/^(#|```|~~~|\||>|-\s|\*\s|\d+\.\s|!\[|<)/.test(block));
  const plain = (paragraph ?? '')
    .replace(/!?\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]+))?\]\]/g, (_m, target: string, label?: string) => label ?? target)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(plain)?.[1] ?? plain;
  return sentence.length <= 160 ? sentence : `${sentence.slice(0, 157).replace(/\s+\S*$/, '')}…`;
}
