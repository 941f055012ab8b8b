/**
 * What the site-wide search dialog shows for a hit: its title and one line of
 * detail, split into runs with the matched words marked. The dialog renders
 * runs as text nodes (never as HTML). Pure.
 */
import type { SearchEntry } from './build-index';
import type { SearchCollection } from './documents';
import { highlight } from './highlight';
import { plural } from '../plural';

export const COLLECTION_LABELS: Record<SearchCollection, { one: string; many: string }> = {
  bits: { one: 'Bit', many: 'Bits' },
  shorts: { one: 'Short', many: 'Shorts' },
  chapters: { one: 'Chapter', many: 'Chapters' },
  facts: { one: 'Quiz fact', many: 'Quiz facts' },
};

export interface Run {
  text: string;
  match: boolean;
}

export interface ResultView {
  url: string;
  label: string;
  title: Run[];
  detail: Run[];
}

/** At most `max` characters of `text`, cut at word boundaries, around the first matched word if it lies further in. */
export function snippet(text: string, terms: ReadonlySet<string>, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const runs = highlight(flat, terms);
  const first = runs.findIndex((run) => run.match);
  let start = 0;
  if (first > 0) {
    const offset = runs
      .slice(0, first)
      .reduce((sum, run) => sum + run.text.length, 0);
    if (offset > max * 0.6) start = flat.lastIndexOf(' ', offset - Math.floor(max / 3)) + 1;
  }
  let end = start + max;
  if (end < flat.length) end = Math.max(start + 1, flat.lastIndexOf(' ', end));
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}

function detailText(collection: SearchCollection, entry: SearchEntry, terms: ReadonlySet<string>): string {
  const parts: string[] = [];
  if (collection === 'facts') {
    if (entry.summary) parts.push(`Answer: ${entry.summary}`);
    if (entry.context) parts.push(entry.context);
  } else if (collection === 'chapters') {
    if (entry.context) parts.push(entry.context);
    if (entry.summary) parts.push(entry.summary);
  } else if (entry.summary) {
    parts.push(entry.summary);
  }
  // Say so when a tag is what matched; show the tags when there is nothing else to show.
  const tagMatched = entry.tags.some((tag) => highlight(tag, terms).some((run) => run.match));
  if (entry.tags.length > 0 && (tagMatched || parts.length === 0)) parts.push(`Tags: ${entry.tags.join(', ')}`);
  return parts.join(' · ');
}

export function resultView(collection: SearchCollection, entry: SearchEntry, terms: ReadonlySet<string>): ResultView {
  return {
    url: entry.url,
    label: COLLECTION_LABELS[collection].one,
    title: highlight(entry.title, terms),
    detail: highlight(snippet(detailText(collection, entry, terms), terms), terms),
  };
}

/** How many entries a query found, and whether they hold only some of its words (the engine's `partial`). */
export interface Found {
  total: number;
  partial: boolean;
  /** Words the hits hold, of `words`. */
  matched: number;
  words: number;
}

/** The line above the results: how many, and, when no entry holds every word, that these hold only some. */
export function statusLine(query: string, found: Found, noneHint = ''): string {
  const { total } = found;
  if (total === 0) return `No results for “${query}”.${noneHint}`;
  const results = plural(total, 'result');
  if (found.partial) return `No entry holds every word of “${query}”; showing ${results} with ${found.matched} of its ${found.words} words.`;
  return `${results} for “${query}”.`;
}
