/**
 * The state of a filtered listing (/bits/, /shorts/) and its place in the URL:
 * `?q=causal+mask&tag=pytorch&tag=llm&track=llm`. A shared link opens the same
 * view, and history entries carry it for back/forward. Pure.
 */
import { formatCount } from '../plural';

export interface FilterState {
  q: string;
  tags: string[];
  track: string;
}

export const EMPTY_FILTER: FilterState = { q: '', tags: [], track: '' };

export function isFiltering(state: FilterState): boolean {
  return state.q.trim() !== '' || state.tags.length > 0 || state.track !== '';
}

/** Reads the state from a query string; unknown tags and tracks are dropped when `known` is given. */
export function readFilterState(search: string, known?: { tags?: ReadonlySet<string>; tracks?: ReadonlySet<string> }): FilterState {
  const params = new URLSearchParams(search);
  const tags = [...new Set(params.getAll('tag').map((t) => t.trim()).filter((t) => t !== '' && (!known?.tags || known.tags.has(t))))];
  const track = params.get('track')?.trim() ?? '';
  return {
    q: params.get('q') ?? '',
    tags,
    track: track !== '' && (!known?.tracks || known.tracks.has(track)) ? track : '',
  };
}

/** The query string for a state, `''` when nothing is filtered; other parameters in `base` are kept. */
export function writeFilterState(state: FilterState, base = ''): string {
  const params = new URLSearchParams(base);
  for (const key of ['q', 'tag', 'track']) params.delete(key);
  if (state.q.trim() !== '') params.set('q', state.q);
  for (const tag of state.tags) params.append('tag', tag);
  if (state.track !== '') params.set('track', state.track);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function sameFilter(a: FilterState, b: FilterState): boolean {
  return a.q === b.q && a.track === b.track && a.tags.length === b.tags.length && a.tags.every((t, i) => t === b.tags[i]);
}

export function toggleTag(state: FilterState, tag: string): FilterState {
  return { ...state, tags: state.tags.includes(tag) ? state.tags.filter((t) => t !== tag) : [...state.tags, tag] };
}

export interface FilterItem {
  id: string;
  tags: readonly string[];
  track?: string | undefined;
}

/**
 * Which items a state shows, in which order: items carrying every chosen tag
 * (and the chosen track); with a keyword, only those `rank` returns, in its
 * order (relevance), otherwise in the listing's own order.
 */
export function applyFilter<T extends FilterItem>(items: readonly T[], state: FilterState, rank?: (allowed: ReadonlySet<string>) => readonly string[]): T[] {
  const allowed = items.filter((item) => state.tags.every((tag) => item.tags.includes(tag)) && (state.track === '' || item.track === state.track));
  if (state.q.trim() === '' || !rank) return allowed;
  const byId = new Map(allowed.map((item) => [item.id, item]));
  return rank(new Set(byId.keys()))
    .map((id) => byId.get(id))
    .filter((item): item is T => item !== undefined);
}

/** "3 of 26 bits", "120 of 6,000 bits". */
export function countLine(shown: number, total: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(shown)} of ${formatCount(total)} ${total === 1 ? noun : plural}`;
}

/** The tags and track a query string asks for that the listing does not have (a typo, or a link older than the garden). */
export function unknownFilters(search: string, known: { tags: ReadonlySet<string>; tracks: ReadonlySet<string> }): { tags: string[]; track?: string | undefined } {
  const params = new URLSearchParams(search);
  const tags = [...new Set(params.getAll('tag').map((t) => t.trim()).filter((t) => t !== '' && !known.tags.has(t)))];
  const track = params.get('track')?.trim() ?? '';
  return { tags, track: track !== '' && !known.tracks.has(track) ? track : undefined };
}

/** What the reader is told about unknown filters in a shared link, or nothing. */
export function unknownFiltersNote(unknown: { tags: readonly string[]; track?: string | undefined }, nounPlural: string): string {
  const parts: string[] = [];
  if (unknown.tags.length > 0) parts.push(`${unknown.tags.length === 1 ? 'tag' : 'tags'} ${unknown.tags.map((t) => `“${t}”`).join(', ')}`);
  if (unknown.track) parts.push(`track “${unknown.track}”`);
  return parts.length === 0 ? '' : `No ${nounPlural} have the ${parts.join(' or the ')}: left out of the filter.`;
}

/** How many of the shown items carry each tag: a chip's count follows the filter. */
export function tagCounts(items: readonly FilterItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const tag of item.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return counts;
}
