/**
 * Finds the links an author wrote in a Markdown body, outside code, with their
 * 1-based lines: wikilinks and relative links to other content files.
 */
import { fenceTracker } from '../markdown/fences';

export interface FoundLink {
  kind: 'wiki' | 'file';
  /** What to resolve: `kv-cache#intro` for `[[kv-cache#intro|the cache]]`, or the href. */
  target: string;
  label?: string | undefined;
  line: number;
  /** `![[…]]`: the target is put in place (links/embeds.ts), not linked to. */
  embed?: boolean;
}

export const WIKI_LINK = /\[\[([^[\]|\n]+?)(?:\|([^[\]\n]+?))?\]\]/g;
const FILE_LINK = /(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+\.mdx?(?:#[^)\s>]*)?)>?(?:\s+"[^"]*")?\s*\)/g;

export function findLinks(body: string): FoundLink[] {
  const found: FoundLink[] = [];
  const inCode = fenceTracker();
  body.split('\n').forEach((line, index) => {
    // Most lines hold no fence and no link: two substring tests skip them before any pattern runs.
    const mayLink = line.includes('[[') || line.includes('](');
    if (!mayLink && !line.includes('``') && !line.includes('~~')) return;
    if (inCode(line) || !mayLink) return;
    const prose = line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
    for (const match of prose.matchAll(WIKI_LINK)) {
      const embed = prose[(match.index ?? 0) - 1] === '!';
      found.push({ kind: 'wiki', target: (match[1] ?? '').trim(), label: match[2]?.trim(), line: index + 1, ...(embed ? { embed } : {}) });
    }
    for (const match of prose.matchAll(FILE_LINK)) {
      if (/^[a-z]+:/i.test(match[1] ?? '')) continue;
      found.push({ kind: 'file', target: match[1] ?? '', line: index + 1 });
    }
  });
  return found;
}
