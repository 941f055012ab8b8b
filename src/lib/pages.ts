/**
 * What each note, tag and part page shows, prepared once per build from the
 * garden: the pages' `getStaticPaths()` return these as props, and the
 * templates render nothing else. Because a page is a function of its props
 * and the project's code, a digest of the two is its `cacheKey`, and Astro's
 * incremental build reuses the page from the previous build while both stay
 * the same (see page-cache.ts).
 */
import type { Garden, GardenNote } from './load';
import { neighbours, readingMinutes, factsByChapter, chapterSlug, type NotesByCollection, type PartOverview, type TagGroup } from './garden';
import { paginate, type PageInfo } from './pagination';
import { bits, chapters, NOTE_COLLECTIONS, shorts, type NoteCollection, type NoteCollectionId, type NoteItem } from './collections';
import type { NoteRef } from './links/graph';
import { noteBody, noteHasMath } from './markdown/note-html';
import { studyGroups, studyHasMath, type StudyGroup } from './study/facts';
import { renderFactText } from './site-markdown';
import { pageCacheKey } from './page-cache';
import { urls } from './site-urls';
import { SEARCH_COLLECTIONS, type SearchCollection } from './search/documents';
import { lastUpdated } from './last-updated';
import type { IsoDate } from './dates';

/** A link to a neighbouring note, for the previous/next bar. */
export interface NeighbourLink {
  href: string;
  title: string;
}

/** What every note page shows around its body. */
interface NoteSurroundings {
  hasMath: boolean;
  backlinks: NoteRef[];
  related: NoteRef[];
  /** Whether the body links to other notes, so the page needs the hover preview. */
  linksOut: boolean;
  /** The note's key when it links or is linked, so the page shows its map; undefined for a note on its own. */
  mapKey: string | undefined;
  /** When the note last changed (last-updated.ts), if known. */
  updated?: IsoDate | undefined;
}

/** The page of one note of any collection: the note, its neighbours in its collection's order, and what links it. */
export interface NotePage<K extends NoteCollectionId> extends NoteSurroundings {
  item: NoteItem<K>;
  entry: GardenNote<K>['entry'];
  previous?: NeighbourLink | undefined;
  next?: NeighbourLink | undefined;
}

export type BitPage = NotePage<typeof bits.id>;

export interface ShortPage extends NotePage<typeof shorts.id> {
  minutes: number;
  trackLabel?: string | undefined;
}

/** A chapter of the same part, for the chapter page's list of its part. */
export interface PartChapterLink extends NeighbourLink {
  number: number;
  current: boolean;
}

export interface ChapterPage extends NotePage<typeof chapters.id> {
  part: { id: string; number: number; title: string };
  /** Every chapter of the part, in order, the page's own marked. */
  partChapters: PartChapterLink[];
  studied: StudyGroup[];
}

export interface PartPage {
  part: PartOverview;
  groups: StudyGroup[];
  /** Whether a fact shows a formula (the sheet then needs KaTeX's stylesheet). */
  hasMath: boolean;
}

/** One page of a tag's entries (bits, then shorts, then chapters), cut into pages like the other listings. */
export interface TagPage {
  tag: TagGroup['tag'];
  /** Entries carrying the tag, over all pages. */
  count: number;
  /** Entries carrying the tag per collection, over all pages. */
  counts: Record<NoteCollectionId, number>;
  /** The entries on this page. */
  notes: NotesByCollection;
  /** Where each chapter on this page sits, by chapter id: `Part 1: ML foundations · Chapter 3`. */
  chapterPlaces: Record<string, string>;
  page: PageInfo;
}

/** One entry of a `getStaticPaths()` result. */
export interface StaticPage<Params extends Record<string, string | number>, Props> {
  params: Params;
  props: Props;
  cacheKey: string;
}

function surroundings(garden: Garden, key: string, note: { item: { updated?: IsoDate | undefined }; entry: Parameters<typeof noteHasMath>[0] & { filePath?: string | undefined } }): NoteSurroundings {
  const updated = lastUpdated(note.item.updated, note.entry.filePath ? garden.commitDates?.get(note.entry.filePath) : undefined);
  return {
    hasMath: noteHasMath(note.entry),
    backlinks: garden.links.backlinks.get(key) ?? [],
    related: garden.links.related.get(key) ?? [],
    linksOut: garden.links.linksOut.has(key),
    mapKey: garden.links.linksOut.has(key) || garden.links.backlinks.has(key) ? key : undefined,
    ...(updated ? { updated } : {}),
  };
}

export const keyed = <Params extends Record<string, string | number>, Props>(params: Params, props: Props, codeDigest: string): StaticPage<Params, Props> => ({
  params,
  props,
  cacheKey: pageCacheKey(props, codeDigest),
});

/** How a neighbour is named in the previous/next bar: a chapter by its number too. */
const neighbourTitle = (collection: NoteCollection, item: { title: string; chapter?: number }) =>
  collection.order === 'by-part' ? `Ch ${item.chapter}: ${item.title}` : item.title;

/**
 * Every note page of one collection, with its neighbours in the collection's
 * order (within its part, for chapters). `params` holds the note's id.
 */
export function notePages<K extends NoteCollectionId>(garden: Garden, collection: NoteCollection<K>, codeDigest: string): StaticPage<{ id: string }, NotePage<K>>[] {
  return noteProps(garden, collection).map(({ id, props }) => keyed({ id }, props, codeDigest));
}

/** What `notePages` keys, unkeyed: the collections' own page lists add to the props first, then key each page once. */
function noteProps<K extends NoteCollectionId>(garden: Garden, collection: NoteCollection<K>): { id: string; props: NotePage<K> }[] {
  const notes = garden[collection.id] as unknown as GardenNote<K>[];
  const link = (note: GardenNote<K> | undefined) => (note ? { href: urls.note(collection, note.item.id), title: neighbourTitle(collection, note.item) } : undefined);
  const samePart = (a: GardenNote<K>, b: GardenNote<K> | undefined) => collection.order !== 'by-part' || (b !== undefined && (a.item as { part?: string }).part === (b.item as { part?: string }).part);
  return notes.map((note, index) => {
    const before = notes[index - 1];
    const after = notes[index + 1];
    const props: NotePage<K> = {
      item: note.item,
      entry: note.entry,
      previous: samePart(note, before) ? link(before) : undefined,
      next: samePart(note, after) ? link(after) : undefined,
      ...surroundings(garden, `${collection.id}/${note.item.id}`, note),
    };
    return { id: note.item.id, props };
  });
}

export function bitPages(garden: Garden, codeDigest: string): StaticPage<{ slug: string }, BitPage>[] {
  return noteProps(garden, bits).map(({ id, props }) => keyed({ slug: id }, props, codeDigest));
}

export function shortPages(garden: Garden, codeDigest: string, tracks: Readonly<Record<string, string>>): StaticPage<{ slug: string }, ShortPage>[] {
  return noteProps(garden, shorts).map(({ id, props }) => {
    const page: ShortPage = {
      ...props,
      minutes: readingMinutes(noteBody(props.entry)),
      trackLabel: props.item.track ? (tracks[props.item.track] ?? props.item.track) : undefined,
    };
    return keyed({ slug: id }, page, codeDigest);
  });
}

export function chapterPages(garden: Garden, codeDigest: string): StaticPage<{ part: string; chapter: string }, ChapterPage>[] {
  return noteProps(garden, chapters).flatMap(({ props }) => {
    const { item } = props;
    const part = garden.parts.find((p) => p.id === item.part);
    // The checker stops a build whose chapter names a missing part; a page cannot be drawn without one.
    if (!part) return [];
    const partChapters = part.chapters.map((c) => ({ href: urls.chapter(c.id), title: c.title, number: c.chapter, current: c.id === item.id }));
    const studied = studyGroups(factsByChapter([item], garden.quizzes), renderFactText);
    const page: ChapterPage = { ...props, hasMath: props.hasMath || studyHasMath(studied), part: { id: part.id, number: part.number, title: part.title }, partChapters, studied };
    return [keyed({ part: item.part, chapter: chapterSlug(item.id) }, page, codeDigest)];
  });
}

export function partPages(garden: Garden, codeDigest: string): StaticPage<{ part: string }, PartPage>[] {
  return garden.parts.map((part) => {
    const groups = studyGroups(factsByChapter(part.chapters, garden.quizzes), renderFactText);
    return keyed({ part: part.id }, { part, groups, hasMath: studyHasMath(groups) }, codeDigest);
  });
}

/** Every page of every tag; `page` is 1 for a tag's first page (`/tags/<tag>/`), which has its own route. */
export function tagPages(garden: Garden, codeDigest: string): StaticPage<{ tag: string; page: number }, TagPage>[] {
  const parts = new Map(garden.parts.map((part) => [part.id, part]));
  const placeOf = (chapter: { part: string; chapter: number }) => {
    const part = parts.get(chapter.part);
    return `${part ? `Part ${part.number}: ${part.title}` : chapter.part} · Chapter ${chapter.chapter}`;
  };
  return garden.tags.flatMap((group) => {
    const counts = Object.fromEntries(NOTE_COLLECTIONS.map(({ id }) => [id, group.notes[id].length])) as Record<NoteCollectionId, number>;
    const entries = NOTE_COLLECTIONS.flatMap(({ id }) => (group.notes[id] as NoteItem<NoteCollectionId>[]).map((item) => ({ collection: id, item })));
    return paginate(entries).map(({ items, ...page }) => {
      const notes = Object.fromEntries(NOTE_COLLECTIONS.map(({ id }) => [id, items.filter((e) => e.collection === id).map((e) => e.item)])) as NotesByCollection;
      const chapterPlaces = Object.fromEntries(notes.chapters.map((c) => [c.id, placeOf(c)]));
      return keyed({ tag: group.tag, page: page.current }, { tag: group.tag, count: group.count, counts, notes, chapterPlaces, page }, codeDigest);
    });
  });
}

/**
 * The search index routes (/search/bits.json, …) carry no props, but a key:
 * what their documents are made from, so an index is rebuilt only when its
 * collection changed.
 */
export function searchIndexPages(garden: Garden, codeDigest: string): { params: { collection: SearchCollection }; cacheKey: string }[] {
  // Chapter documents name their part; fact documents, their chapter and part.
  const sources = Object.fromEntries<unknown>([
    ...NOTE_COLLECTIONS.map((collection): [string, unknown] => [collection.id, collection.searchBody === 'sections' ? [garden[collection.id], garden.parts] : garden[collection.id]]),
    ['facts', [garden.chapters.map((c) => c.item), garden.quizzes, garden.parts]],
  ]) as Record<SearchCollection, unknown>;
  return SEARCH_COLLECTIONS.map((collection) => ({ params: { collection }, cacheKey: pageCacheKey({ collection, source: sources[collection] }, codeDigest) }));
}

/** The map's data (/graph/garden.json), keyed by the graph before layout: an edit that changes no title, tag or link lays nothing out again. */
export function graphDataPages(garden: Garden, codeDigest: string): { params: { name: 'garden' }; cacheKey: string }[] {
  return [{ params: { name: 'garden' }, cacheKey: pageCacheKey({ graph: garden.links.graph }, codeDigest) }];
}
