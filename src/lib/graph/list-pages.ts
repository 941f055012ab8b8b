/**
 * The map's text alternative at any garden size: every note with the notes it
 * links to (`linkListing`), cut into static pages of GRAPH_LIST_PAGE_SIZE
 * notes. A garden whose list fits in one page shows it on /graph/ itself, in
 * a `<details>`; a larger one gets plain pages at /graph/links/,
 * /graph/links/page/2/ … (pagination.ts's URLs), linked from /graph/, so
 * /graph/ stays small and every note and link is reachable without
 * JavaScript. Pure; the client's map never imports it.
 */
import type { NoteCollectionId } from '../collections';
import { paginate, pagedCountText, pageUrl, type PageInfo } from '../pagination';
import { pageCacheKey } from '../page-cache';
import { plural } from '../plural';
import { linkListing, type GardenGraph } from './model';

/**
 * Notes per page of the list. An entry is about 2 + its links elements (an
 * `<li>`, the note's link, one link per note it links to), so 50 of them plus
 * the page's header and navigation stay under 1,500 DOM elements while notes
 * link to fewer than about 25 notes on average; the bench gardens average 1.1
 * (bench/RESULTS.md, "The map's list at size"). 100 would halve the pages but
 * pass 1,500 at about 12 links a note, which a densely linked garden reaches.
 */
export const GRAPH_LIST_PAGE_SIZE = 50;

/** The environment variable that sets another page size, for tests and measurements. */
export const GRAPH_LIST_PAGE_SIZE_ENV = 'GARDEN_GRAPH_LIST_PAGE_SIZE';

/** The page size the build uses: GRAPH_LIST_PAGE_SIZE, or a whole number from the environment. */
export function graphListPageSize(env: Readonly<Record<string, string | undefined>>): number {
  const value = env[GRAPH_LIST_PAGE_SIZE_ENV];
  if (value === undefined || value === '') return GRAPH_LIST_PAGE_SIZE;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`${GRAPH_LIST_PAGE_SIZE_ENV}="${value}": the map's list needs a whole number of notes per page, 1 or more; unset it for the default, ${GRAPH_LIST_PAGE_SIZE}.`);
  }
  return size;
}

export interface GraphListLink {
  title: string;
  url: string;
}

export interface GraphListEntry extends GraphListLink {
  /** The notes it links to, by title. */
  linksTo: GraphListLink[];
}

/** A collection's notes on one page. */
export interface GraphListGroup {
  id: NoteCollectionId;
  label: string;
  notes: GraphListEntry[];
}

/** Where a collection's notes are in the whole list, for the links that jump to them. */
export interface GraphListSection {
  id: NoteCollectionId;
  label: string;
  count: number;
  /** The pages its notes are on, 1-based. */
  first: number;
  last: number;
  /** Its first page, at its heading. */
  href: string;
  /** "6000 notes, pages 1–120". */
  place: string;
}

export interface GraphListPage {
  page: PageInfo;
  /** The collections with notes on this page, in registry order. */
  groups: GraphListGroup[];
  /** Every collection with notes, where it starts; the same on every page. */
  sections: GraphListSection[];
}

/** The id of a collection's heading on a page of the list. */
export const graphListHeadingId = (collection: NoteCollectionId) => `graph-list-${collection}`;

const link = ({ title, url }: GraphListLink): GraphListLink => ({ title, url });

/**
 * The pages of the list: the notes in `linkListing`'s order (by collection,
 * then title), `pageSize` a page; an empty garden still has its one page.
 * `listUrl` is the address of the list's first page, for the sections' links.
 */
export function graphListPages(graph: GardenGraph, listUrl: string, pageSize: number = GRAPH_LIST_PAGE_SIZE): GraphListPage[] {
  const listing = linkListing(graph).filter((group) => group.notes.length > 0);
  const entries = listing.flatMap(({ id, notes }) => notes.map(({ node, linksTo }) => ({ collection: id, entry: { ...link(node), linksTo: linksTo.map(link) } })));
  const sections: GraphListSection[] = [];
  let start = 0;
  for (const { id, label, notes } of listing) {
    const first = Math.floor(start / pageSize) + 1;
    const last = Math.floor((start + notes.length - 1) / pageSize) + 1;
    const place = `${plural(notes.length, 'note')}, ${first === last ? `page ${first}` : `pages ${first}–${last}`}`;
    sections.push({ id, label, count: notes.length, first, last, href: `${pageUrl(listUrl, first)}#${graphListHeadingId(id)}`, place });
    start += notes.length;
  }
  return paginate(entries, pageSize).map(({ items, ...page }) => ({
    page,
    groups: listing
      .map(({ id, label }) => ({ id, label, notes: items.filter((item) => item.collection === id).map((item) => item.entry) }))
      .filter((group) => group.notes.length > 0),
    sections,
  }));
}

/** The count line of a page of the list: "10,000 notes, page 2 of 200". */
export function graphListCountText(page: Pick<PageInfo, 'current' | 'last' | 'total'>): string {
  return pagedCountText(plural(page.total, 'note'), page);
}

/**
 * The routes of /graph/links/[...page]: nothing when the list fits on
 * /graph/, else page 1 at /graph/links/ (`page` undefined) and the others at
 * `page/<n>/`, each keyed by what it shows.
 */
export function graphListStaticPages(pages: readonly GraphListPage[], codeDigest: string): { params: { page: string | undefined }; props: GraphListPage; cacheKey: string }[] {
  if (pages.length <= 1) return [];
  return pages.map((props) => ({ params: { page: props.page.current > 1 ? `page/${props.page.current}` : undefined }, props, cacheKey: pageCacheKey(props, codeDigest) }));
}
