/**
 * The static pages of /bits/ and /shorts/ (page 1 at the listing's URL, the
 * others at `page/<n>/`, see pagination.ts) and the slim listing index
 * (/listing/bits.json, /listing/shorts.json) from which a filtered view of a
 * listing of more than one page is drawn in the reader's browser. Pure.
 */
import type { Garden, GardenNote } from './load';
import { noteCollection, type BitItem, type ShortItem } from './collections';
import { plural } from './plural';
import { countTags, type TagCount } from './tags';
import { paginate, pagedCountText, type PageInfo } from './pagination';
import { keyed, type StaticPage } from './pages';
import { listingShowsSnippets } from './listing';
import type { GardenUrls } from './urls';
import { excerptOf } from './links/targets';
import { noteBody } from './markdown/note-html';

/** What a listing page shows around its cards: every tag of the collection (the chips), and where the page sits. */
interface ListingPageBase {
  page: PageInfo;
  tags: TagCount[];
}

export interface BitsListingPage extends ListingPageBase {
  bits: GardenNote<'bits'>[];
  /** Whether the cards carry their rendered snippets (a garden of few bits, src/lib/listing.ts). */
  snippets: boolean;
}

export interface Track {
  id: string;
  label: string;
}

export interface ShortsListingPage extends ListingPageBase {
  shorts: ShortItem[];
  tracks: Track[];
}

type ListingStaticPage<Props> = StaticPage<{ page: number }, Props>;

export function bitsListingPages(garden: Garden, codeDigest: string): ListingStaticPage<BitsListingPage>[] {
  const tags = countTags(garden.bits.map((b) => b.item));
  const snippets = listingShowsSnippets(garden.bits.length);
  return paginate(garden.bits).map(({ items, ...page }) => keyed({ page: page.current }, { page, tags, bits: items, snippets }, codeDigest));
}

/** The tracks the shorts use, labelled from the site's config, alphabetically. */
export function shortTracks(shorts: readonly ShortItem[], labels: Readonly<Record<string, string>>): Track[] {
  const ids = [...new Set(shorts.map((s) => s.track).filter((t): t is string => Boolean(t)))];
  return ids.map((id) => ({ id, label: labels[id] ?? id })).sort((a, b) => a.label.localeCompare(b.label));
}

export function shortsListingPages(garden: Garden, codeDigest: string, trackLabels: Readonly<Record<string, string>>): ListingStaticPage<ShortsListingPage>[] {
  const items = garden.shorts.map((s) => s.item);
  const tags = countTags(items);
  const tracks = shortTracks(items, trackLabels);
  return paginate(items).map(({ items: shorts, ...page }) => keyed({ page: page.current }, { page, tags, shorts, tracks }, codeDigest));
}

/** One entry of the slim listing index: what a compact card shows, and what the filter needs. */
export type BitListingEntry = Pick<BitItem, 'id' | 'title' | 'tags' | 'date' | 'why'> & {
  url: string;
  /** The first lines as plain text, for a bit with no "why it matters". */
  excerpt?: string | undefined;
};
export type ShortListingEntry = Pick<ShortItem, 'id' | 'title' | 'tags' | 'date' | 'track' | 'summary'> & { url: string };

export interface ListingIndex<Entry> {
  /** Tag pages live at `${tagBase}<tag>/`. */
  tagBase: string;
  /** In the listing's order. */
  entries: Entry[];
}

export function bitsListingIndex(bits: readonly { item: BitItem; excerpt: string }[], urls: GardenUrls): ListingIndex<BitListingEntry> {
  return {
    tagBase: urls.tags(),
    entries: bits.map(({ item, excerpt }) => ({
      id: item.id,
      title: item.title,
      tags: item.tags,
      url: urls.bit(item.id),
      ...(item.date ? { date: item.date } : {}),
      ...(item.why ? { why: item.why } : { excerpt }),
    })),
  };
}

export function shortsListingIndex(shorts: readonly ShortItem[], urls: GardenUrls): ListingIndex<ShortListingEntry> {
  return {
    tagBase: urls.tags(),
    entries: shorts.map((item) => ({
      id: item.id,
      title: item.title,
      tags: item.tags,
      url: urls.short(item.id),
      date: item.date,
      summary: item.summary,
      ...(item.track ? { track: item.track } : {}),
    })),
  };
}

export type ListedCollection = 'bits' | 'shorts';
export const LISTED_COLLECTIONS: readonly ListedCollection[] = ['bits', 'shorts'];

/** The listing index of a collection of the garden. */
export function gardenListingIndex(garden: Garden, collection: ListedCollection, urls: GardenUrls): ListingIndex<BitListingEntry | ShortListingEntry> {
  return collection === 'bits'
    ? bitsListingIndex(garden.bits.map(({ item, entry }) => ({ item, excerpt: excerptOf(noteBody(entry)) })), urls)
    : shortsListingIndex(garden.shorts.map((s) => s.item), urls);
}

/** What a listing calls one entry and several, from the collection registry: `bit` and `bits`. */
export function listingNouns(collection: string): { noun: string; nounPlural: string } {
  const { noun, label } = noteCollection(collection);
  return { noun, nounPlural: label.toLowerCase() };
}

/** A listing's count line: "26 bits", or "120 bits, page 2 of 3" when it runs to several pages. */
export function listingCountText(collection: string, page: PageInfo): string {
  const { noun, nounPlural } = listingNouns(collection);
  return pagedCountText(plural(page.total, noun, nounPlural), page);
}
