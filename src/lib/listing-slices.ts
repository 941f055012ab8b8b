/**
 * The slices of a listing index a filter fetches (src/scripts/listing-filter.ts,
 * src/pages/listing/): pure, and free of server modules, since the browser
 * runs it too.
 */
import type { ListingIndex } from './listing-pages';

/**
 * Where a filter finds its entries, smallest first: with tags, the slice of
 * the entries carrying the rarest chosen tag (every match carries it); with a
 * track alone, that track's slice; with only a keyword, the whole index. The
 * slices (`<collection>/tag/<tag>.json`, `<collection>/track/<id>.json`) keep
 * a tag filter's download to the entries it can show: at 10,000 notes the
 * whole bits index is several hundred KB gzipped, a tag's slice a fraction.
 */
export function listingSource(state: { tags: readonly string[]; track: string }, tagCount: (tag: string) => number): { facet: 'tag' | 'track'; key: string } | undefined {
  const rarest = [...state.tags].sort((a, b) => tagCount(a) - tagCount(b))[0];
  if (rarest !== undefined) return { facet: 'tag', key: rarest };
  return state.track !== '' ? { facet: 'track', key: state.track } : undefined;
}

/** The URL of a listing's index (`base` is e.g. /listing/bits), or of one of its slices. */
export function listingUrl(base: string, source?: { facet: 'tag' | 'track'; key: string }): string {
  return source ? `${base}/${source.facet}/${source.key}.json` : `${base}.json`;
}

/** Every slice of a listing index: one per tag its entries carry, and one per track. */
export function listingSlices<Entry extends { tags: readonly string[]; track?: string | undefined }>(index: ListingIndex<Entry>): { facet: 'tag' | 'track'; key: string; index: ListingIndex<Entry> }[] {
  const slice = (facet: 'tag' | 'track', key: string, keep: (entry: Entry) => boolean) => ({ facet, key, index: { ...index, entries: index.entries.filter(keep) } });
  const tags = [...new Set(index.entries.flatMap((e) => e.tags))].sort();
  const tracks = [...new Set(index.entries.map((e) => e.track).filter((t): t is string => Boolean(t)))].sort();
  return [...tags.map((tag) => slice('tag', tag, (e) => e.tags.includes(tag))), ...tracks.map((track) => slice('track', track, (e) => e.track === track))];
}
