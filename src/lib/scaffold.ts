/**
 * `npm run new`: the pure half. Turns the command line into a file path under
 * the garden and the text to write there, valid against the schemas from the
 * first save. scripts/new.ts does the reading and writing.
 */
import yaml from 'js-yaml';
import { normaliseTags } from './tags';
import { parseIsoDate, type IsoDate } from './dates';
import { collectionOfNoun, DATA_FILES, NOTE_COLLECTIONS, type NoteNoun } from './collections';

/** What `npm run new` writes: a note of any collection (by its noun), or a quiz file. */
export type NewKind = NoteNoun | typeof DATA_FILES.quiz.noun;
export const NEW_KINDS: readonly NewKind[] = [...NOTE_COLLECTIONS.map((collection) => collection.noun), DATA_FILES.quiz.noun];

export interface NewRequest {
  kind: NewKind;
  title: string;
  tags: string[];
  part?: string | undefined;
  track?: string | undefined;
  /** YYYY-MM-DD instead of today (bits and shorts). */
  date?: string | undefined;
  draft: boolean;
}

export const NEW_USAGE = `Usage: npm run new -- <bit|short|chapter|quiz> "Title" [--tags a,b] [--part id] [--track t] [--date YYYY-MM-DD] [--draft]

  bit      bits/<slug>.md
  short    shorts/<slug>.md, dated today
  chapter  chapters/<part>/<NN>-<slug>.md, numbered after the part's last chapter (--part, or the only part)
  quiz     quiz/<part>-<NN>.yaml for a chapter: "Title" is the chapter's title or id`;

/** Reads `<kind> "Title" [--tags a,b] [--part id] [--track t] [--date d] [--draft]`; throws with the usage on a mistake. */
export function parseNewArgs(argv: readonly string[]): NewRequest {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  let draft = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--draft') {
      draft = true;
      continue;
    }
    const flag = /^--(tags|part|track|date)(?:=(.*))?$/.exec(arg);
    if (flag) {
      const value = flag[2] ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new Error(`--${flag[1]} needs a value\n\n${NEW_USAGE}`);
      flags[flag[1]!] = value;
      continue;
    }
    if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n\n${NEW_USAGE}`);
    positional.push(arg);
  }
  const [kind, ...titleWords] = positional;
  if (!kind || !NEW_KINDS.includes(kind as NewKind)) {
    throw new Error(`expected one of ${NEW_KINDS.join(', ')} first, got ${kind === undefined ? 'nothing' : `"${kind}"`}\n\n${NEW_USAGE}`);
  }
  const title = titleWords.join(' ').trim();
  if (!title) throw new Error(`expected a title after "${kind}", got nothing\n\n${NEW_USAGE}`);
  const tags = (flags.tags ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  if (flags.tags !== undefined && normaliseTags(tags).length === 0) throw new Error(`--tags: expected tags with letters or digits, got "${flags.tags}"`);
  if (flags.track !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(flags.track)) {
    throw new Error(`--track: expected lowercase letters, digits and hyphens (e.g. "llm"), got "${flags.track}"`);
  }
  if (flags.date !== undefined && !parseIsoDate(flags.date)) throw new Error(`--date: expected YYYY-MM-DD, got "${flags.date}"`);
  return { kind: kind as NewKind, title, tags, part: flags.part, track: flags.track, date: flags.date, draft };
}

/** `Binary search: a safe midpoint!` → `binary-search-a-safe-midpoint`; at most 60 characters, cut at a word. */
export function slugify(title: string, maxLength = 60): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : slug.slice(0, maxLength)).replace(/-+$/, '');
}

/** Today as YYYY-MM-DD in the author's own time zone (a short written at 23:30 belongs to that day). */
export function localIsoDate(now: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` as IsoDate;
}

/** One more than the highest chapter number in the part; 1 for an empty part. */
export function nextChapterNumber(existing: readonly number[]): number {
  return existing.reduce((max, n) => Math.max(max, n), 0) + 1;
}

/** `chapter: 7` from a chapter's frontmatter, else the number its file name starts with (`07-…`). */
export function chapterNumberOf(fileName: string, text: string): number | undefined {
  const frontmatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  if (frontmatter !== undefined) {
    try {
      const data = yaml.load(frontmatter) as { chapter?: unknown } | null;
      if (data && typeof data.chapter === 'number' && Number.isInteger(data.chapter)) return data.chapter;
    } catch {
      // A broken chapter is the checker's business; fall back to its file name.
    }
  }
  const prefix = /^(\d+)/.exec(fileName)?.[1];
  return prefix === undefined ? undefined : Number(prefix);
}

/** A YAML scalar that reads back as the same text: quoted only when it must be. */
export function yamlText(value: string): string {
  return yaml.dump(value, { lineWidth: -1 }).trimEnd();
}

function yamlList(values: readonly string[]): string {
  return `[${values.map(yamlText).join(', ')}]`;
}

export interface ChapterRef {
  id: string;
  title: string;
  part: string;
  chapter: number;
}

export interface ScaffoldContext {
  now: Date;
  /** Part ids from parts.yaml, in order. */
  parts: readonly string[];
  /** Chapter numbers already used, per part id. */
  chapterNumbers: ReadonlyMap<string, readonly number[]>;
  /** Existing chapters, for `quiz`. */
  chapters: readonly ChapterRef[];
}

export interface Scaffold {
  /** Path under the garden folder. */
  path: string;
  /** Other paths that would give the same slug (`x.mdx` next to `x.md`). */
  clashes: string[];
  text: string;
}

/** The file `npm run new` writes; throws with an author-facing message when the request cannot be met. */
export function scaffold(request: NewRequest, context: ScaffoldContext): Scaffold {
  const slug = slugify(request.title);
  if (!slug && request.kind !== 'quiz') throw new Error(`the title "${request.title}" has no letters or digits to make a file name from`);
  const tags = normaliseTags(request.tags);
  if (request.kind === DATA_FILES.quiz.noun) return quizScaffold(request, context);
  const collection = collectionOfNoun(request.kind);
  if (!collection) throw new Error(`expected one of ${NEW_KINDS.join(', ')}, got "${request.kind}"`);
  const date = request.date ?? localIsoDate(context.now);
  // A nested collection (chapters) files its notes by part, numbered after the part's last one.
  const part = collection.depth > 0 ? choosePart(request.part, context.parts) : undefined;
  const number = part === undefined ? undefined : nextChapterNumber(context.chapterNumbers.get(part) ?? []);
  const folder = part === undefined ? collection.folder : `${collection.folder}/${part}`;
  const name = number === undefined ? slug : `${String(number).padStart(2, '0')}-${slug}`;
  const values: Record<string, string | undefined> = {
    '{title}': `title: ${yamlText(request.title)}`,
    '{tags}': `tags: ${yamlList(tags.length ? tags : ['notes'])}`,
    '{optional tags}': tags.length ? `tags: ${yamlList(tags)}` : undefined,
    '{date}': `date: ${date}`,
    '{track}': request.track ? `track: ${request.track}` : undefined,
    '{draft}': request.draft ? 'draft: true' : undefined,
    '{part}': `part: ${part}`,
    '{chapter}': `chapter: ${number}`,
  };
  const frontmatter = collection.template.frontmatter.flatMap((line) => fill(line, values));
  const [path, ...clashes] = collection.extensions.map((extension) => `${folder}/${name}.${extension}`);
  return { path: path!, clashes, text: page(frontmatter, collection.template.body) };
}

/** A template line: a `{field}` placeholder becomes the field's line, or nothing when it is left out; any other line stays. */
function fill(line: string, values: Readonly<Record<string, string | undefined>>): string[] {
  if (!(line in values)) return [line];
  const value = values[line];
  return value === undefined ? [] : [value];
}

function quizScaffold(request: NewRequest, context: ScaffoldContext): Scaffold {
  const chapter = findChapter(request.title, request.part, context.chapters);
  const name = `${chapter.part}-${String(chapter.chapter).padStart(2, '0')}`;
  const text = [
    `chapter: ${chapter.id}`,
    'facts:',
    `  - question: ${yamlText(`A question about ${chapter.title}?`)}`,
    '    answer: The answer.',
    '    explanation: Why the answer is right, in one sentence.',
    '',
  ].join('\n');
  const [extension, ...others] = DATA_FILES.quiz.extensions;
  return { path: `${DATA_FILES.quiz.folder}/${name}.${extension}`, clashes: others.map((other) => `${DATA_FILES.quiz.folder}/${name}.${other}`), text };
}

function page(frontmatter: readonly string[], body: readonly string[]): string {
  return ['---', ...frontmatter, '---', ...body, ''].join('\n');
}

function choosePart(requested: string | undefined, parts: readonly string[]): string {
  const known = parts.map((p) => `"${p}"`).join(', ');
  if (requested !== undefined) {
    if (parts.includes(requested)) return requested;
    throw new Error(`--part: expected one of the parts in parts.yaml (${known || 'none yet'}), got "${requested}"`);
  }
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 0) throw new Error('a chapter belongs to a part, but parts.yaml lists none (expected a parts.yaml with at least one part)');
  throw new Error(`--part: expected one of the parts in parts.yaml (${known}), got nothing`);
}

/** A chapter named by its id (`ml-foundations/01-tensors`), its file name, or its title (case and punctuation ignored). */
export function findChapter(name: string, part: string | undefined, chapters: readonly ChapterRef[]): ChapterRef {
  const pool = part ? chapters.filter((c) => c.part === part) : chapters;
  const wanted = slugify(name, Infinity);
  const matches = pool.filter((c) => c.id === name.trim() || c.id.split('/').at(-1) === name.trim() || slugify(c.title, Infinity) === wanted);
  if (matches.length === 1) return matches[0]!;
  const listed = pool.slice(0, 6).map((c) => `"${c.id}" (${c.title})`).join(', ');
  if (matches.length > 1) throw new Error(`"${name}" names ${matches.length} chapters (${matches.map((c) => c.id).join(', ')}); give its id or --part`);
  throw new Error(`expected a chapter's title or id (${listed || 'the garden has no chapters yet'}${pool.length > 6 ? ', …' : ''}), got "${name}"`);
}
