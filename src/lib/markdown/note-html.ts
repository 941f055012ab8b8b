/**
 * Reads back a note's HTML for a page: the note pipeline keeps it in the note
 * cache and leaves its path in the content store (`rendered.metadata.gardenHtml`,
 * see note-renderer.ts). Undefined for an entry Astro renders itself (.mdx).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bodyOf } from '../frontmatter';
import type { NoteSearchText } from './note-search';
import type { SplitText } from '../search/text';
import type { KeptBody } from '../search/documents';

interface RenderedLike {
  rendered?: { metadata?: Record<string, unknown> | undefined } | undefined;
  body?: string | undefined;
  filePath?: string | undefined;
  digest?: string | number | undefined;
}

const bodies = new Map<string, string>();

/**
 * A note's Markdown body. The content store keeps none (`retainBody: false`
 * in content.config.ts), because Astro bundles the whole store into the build
 * and the bodies were most of it; so it is read from the note's file, once per
 * version of the file (`digest`).
 */
export function noteBody(entry: RenderedLike): string {
  if (entry.body !== undefined) return entry.body;
  if (!entry.filePath) return '';
  const key = `${entry.filePath}\0${entry.digest ?? ''}`;
  let body = bodies.get(key);
  if (body === undefined) {
    body = bodyOf(readFileSync(resolve(entry.filePath), 'utf8'));
    bodies.set(key, body);
  }
  return body;
}

export function noteHtml(entry: RenderedLike): string | undefined {
  const path = entry.rendered?.metadata?.gardenHtml;
  return typeof path === 'string' ? readFileSync(path, 'utf8') : undefined;
}

/** Whether the note shows typeset math, so its page needs KaTeX's stylesheet. For .mdx, whether its source has a formula. */
export function noteHasMath(entry: RenderedLike): boolean {
  const known = entry.rendered?.metadata?.gardenMath;
  if (typeof known === 'boolean') return known;
  return /\$|```math/.test(noteBody(entry));
}

/** The searchable text the note renderer kept for the note (see note-search.ts); undefined for .mdx. */
export function cachedSearchText(entry: RenderedLike): NoteSearchText | undefined {
  const path = entry.rendered?.metadata?.gardenSearch;
  if (typeof path !== 'string') return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as NoteSearchText;
  } catch {
    return undefined;
  }
}

/** A bit's or a short's kept body: its compacted plain text and terms. */
export function cachedSearchBody(entry: RenderedLike): KeptBody {
  const known = cachedSearchText(entry);
  return known && 'text' in known ? known : undefined;
}

/** A chapter's kept text, split at its headings. */
export function cachedSections(entry: RenderedLike): SplitText | undefined {
  const known = cachedSearchText(entry);
  return known && 'split' in known ? known.split : undefined;
}
