/**
 * Reads back a note's HTML for a page: the note pipeline keeps it in the note
 * cache and leaves its path in the content store (`rendered.metadata.gardenHtml`,
 * see note-renderer.ts). Undefined for an entry Astro renders itself (.mdx).
 */
import { readFileSync } from 'node:fs';
import type { NoteSearchText } from './note-search';
import type { SplitText } from '../search/text';

interface RenderedLike {
  rendered?: { metadata?: Record<string, unknown> | undefined } | undefined;
  body?: string | undefined;
}

export function noteHtml(entry: RenderedLike): string | undefined {
  const path = entry.rendered?.metadata?.gardenHtml;
  return typeof path === 'string' ? readFileSync(path, 'utf8') : undefined;
}

/** Whether the note shows typeset math, so its page needs KaTeX's stylesheet. For .mdx, whether its source has a formula. */
export function noteHasMath(entry: RenderedLike): boolean {
  const known = entry.rendered?.metadata?.gardenMath;
  if (typeof known === 'boolean') return known;
  return /\$|```math/.test(entry.body ?? '');
}

/** The searchable text the note renderer kept for the note (see note-search.ts); undefined for .mdx or an older cache entry. */
export function cachedSearchText(entry: RenderedLike): NoteSearchText | undefined {
  const path = entry.rendered?.metadata?.gardenSearch;
  if (typeof path !== 'string') return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as NoteSearchText;
  } catch {
    return undefined;
  }
}

/** A bit's or a short's kept plain text. */
export function cachedPlainText(entry: RenderedLike): string | undefined {
  const known = cachedSearchText(entry);
  return known && 'text' in known ? known.text : undefined;
}

/** A chapter's kept text, split at its headings. */
export function cachedSections(entry: RenderedLike): SplitText | undefined {
  const known = cachedSearchText(entry);
  return known && 'split' in known ? known.split : undefined;
}
