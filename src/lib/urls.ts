import { bits, chapters, shorts, type NoteCollection } from './collections';

/**
 * Every internal URL the site links to, in one place, so that a deploy under
 * a sub-path (`base`) changes them all at once.
 */
export function joinBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base.slice(0, -1) : base;
  const tail = path.startsWith('/') ? path : `/${path}`;
  return `${head}${tail}`;
}

/** Which facts /review/ and /exam/ take: a part or chapter, and a level. */
export type StudyScope = { part?: string; chapter?: string; level?: string };

export function gardenUrls(base: string) {
  const at = (path: string) => joinBase(base, path);
  return {
    home: () => at('/'),
    /** A note's page, as its collection places it (src/lib/collections.ts). */
    note: (collection: Pick<NoteCollection, 'path'>, id: string) => at(collection.path(id)),
    bits: () => at(bits.listingPath),
    bit: (slug: string) => at(bits.path(slug)),
    shorts: () => at(shorts.listingPath),
    short: (slug: string) => at(shorts.path(slug)),
    cheatsheets: () => at(chapters.listingPath),
    part: (partId: string) => at(`/cheatsheets/${partId}/`),
    chapter: (chapterId: string) => at(chapters.path(chapterId)),
    /** The review page, for everything or one part or chapter (`?part=…`, `?chapter=…`), maybe at one level (`?level=2`). */
    review: (scope?: StudyScope) => at(`/review/${scope ? `?${new URLSearchParams(scope)}` : ''}`),
    /** An exam over a part or chapter, as review takes them. */
    exam: (scope?: StudyScope) => at(`/exam/${scope ? `?${new URLSearchParams(scope)}` : ''}`),
    /** Every quiz fact as JSON, for the review page and the due counts. */
    reviewDeck: () => at('/review/facts.json'),
    tags: () => at('/tags/'),
    tag: (tag: string) => at(`/tags/${tag}/`),
    rss: () => at('/rss.xml'),
    /** The map of the whole garden, and the laid-out graph its maps draw (src/lib/graph/). */
    graph: () => at('/graph/'),
    graphData: () => at('/graph/garden.json'),
    /** The map's text alternative when it runs to several pages (src/lib/graph/list-pages.ts); later pages at `page/<n>/`. */
    graphList: () => at('/graph/links/'),
    asset: (path: string) => at(path),
  };
}

export type GardenUrls = ReturnType<typeof gardenUrls>;
