/**
 * What each note, tag and part page shows, prepared once per build from the
 * garden: the pages' `getStaticPaths()` return these as props, and the
 * templates render nothing else. Because a page is a function of its props
 * and the project's code, a digest of the two is its `cacheKey`, and Astro's
 * incremental build reuses the page from the previous build while both stay
 * the same (see page-cache.ts).
 */
import type { Garden } from './load';
import { neighbours, readingMinutes, factsByChapter, type BitItem, type ChapterItem, type PartOverview, type ShortItem, type TagGroup } from './garden';
import type { NoteRef } from './links/graph';
import { noteBody, noteHasMath } from './markdown/note-html';
import { studyGroups, type StudyGroup } from './study/facts';
import { pageCacheKey } from './page-cache';
import { urls } from './site-urls';
import { SEARCH_COLLECTIONS, type SearchCollection } from './search/documents';

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
}

export interface BitPage extends NoteSurroundings {
  item: BitItem;
  entry: Garden['bits'][number]['entry'];
  previous?: NeighbourLink | undefined;
  next?: NeighbourLink | undefined;
}

export interface ShortPage extends NoteSurroundings {
  item: ShortItem;
  entry: Garden['shorts'][number]['entry'];
  minutes: number;
  trackLabel?: string | undefined;
  /** The feed runs newest first. */
  newer?: NeighbourLink | undefined;
  older?: NeighbourLink | undefined;
}

export interface ChapterPage extends NoteSurroundings {
  item: ChapterItem;
  entry: Garden['chapters'][number]['entry'];
  part: { id: string; number: number; title: string };
  studied: StudyGroup[];
  previous?: NeighbourLink | undefined;
  next?: NeighbourLink | undefined;
}

export interface PartPage {
  part: PartOverview;
  groups: StudyGroup[];
}

export interface TagPage {
  group: TagGroup;
}

/** One entry of a `getStaticPaths()` result. */
export interface StaticPage<Params extends Record<string, string>, Props> {
  params: Params;
  props: Props;
  cacheKey: string;
}

function surroundings(garden: Garden, key: string, entry: Parameters<typeof noteHasMath>[0]): NoteSurroundings {
  return {
    hasMath: noteHasMath(entry),
    backlinks: garden.links.backlinks.get(key) ?? [],
    related: garden.links.related.get(key) ?? [],
    linksOut: garden.links.linksOut.has(key),
  };
}

const keyed = <Params extends Record<string, string>, Props>(params: Params, props: Props, codeDigest: string): StaticPage<Params, Props> => ({
  params,
  props,
  cacheKey: pageCacheKey(props, codeDigest),
});

export function bitPages(garden: Garden, codeDigest: string): StaticPage<{ slug: string }, BitPage>[] {
  const link = (bit: Garden['bits'][number] | undefined) => (bit ? { href: urls.bit(bit.item.slug), title: bit.item.title } : undefined);
  return garden.bits.map(({ item, entry }, index) => {
    const props: BitPage = {
      item,
      entry,
      previous: link(garden.bits[index - 1]),
      next: link(garden.bits[index + 1]),
      ...surroundings(garden, `bits/${item.slug}`, entry),
    };
    return keyed({ slug: item.slug }, props, codeDigest);
  });
}

export function shortPages(garden: Garden, codeDigest: string, tracks: Readonly<Record<string, string>>): StaticPage<{ slug: string }, ShortPage>[] {
  const link = (short: Garden['shorts'][number] | undefined) => (short ? { href: urls.short(short.item.slug), title: short.item.title } : undefined);
  return garden.shorts.map(({ item, entry }, index) => {
    const props: ShortPage = {
      item,
      entry,
      minutes: readingMinutes(noteBody(entry)),
      trackLabel: item.track ? (tracks[item.track] ?? item.track) : undefined,
      newer: link(garden.shorts[index - 1]),
      older: link(garden.shorts[index + 1]),
      ...surroundings(garden, `shorts/${item.slug}`, entry),
    };
    return keyed({ slug: item.slug }, props, codeDigest);
  });
}

export function chapterPages(garden: Garden, codeDigest: string): StaticPage<{ part: string; chapter: string }, ChapterPage>[] {
  const pages: StaticPage<{ part: string; chapter: string }, ChapterPage>[] = [];
  for (const { item, entry } of garden.chapters) {
    const part = garden.parts.find((p) => p.id === item.part);
    // The checker stops a build whose chapter names a missing part; a page cannot be drawn without one.
    if (!part) continue;
    const { previous, next } = neighbours(part.chapters, (c) => c.id === item.id);
    const link = (c: ChapterItem | undefined) => (c ? { href: urls.chapter(c.id), title: `Ch ${c.chapter}: ${c.title}` } : undefined);
    const props: ChapterPage = {
      item,
      entry,
      part: { id: part.id, number: part.number, title: part.title },
      studied: studyGroups(factsByChapter([item], garden.quizzes)),
      previous: link(previous),
      next: link(next),
      ...surroundings(garden, `chapters/${item.id}`, entry),
    };
    pages.push(keyed({ part: item.part, chapter: item.fileSlug }, props, codeDigest));
  }
  return pages;
}

export function partPages(garden: Garden, codeDigest: string): StaticPage<{ part: string }, PartPage>[] {
  return garden.parts.map((part) => keyed({ part: part.id }, { part, groups: studyGroups(factsByChapter(part.chapters, garden.quizzes)) }, codeDigest));
}

export function tagPages(garden: Garden, codeDigest: string): StaticPage<{ tag: string }, TagPage>[] {
  return garden.tags.map((group) => keyed({ tag: group.tag }, { group }, codeDigest));
}

/**
 * The search index routes (/search/bits.json, …) carry no props, but a key:
 * what their documents are made from, so an index is rebuilt only when its
 * collection changed.
 */
export function searchIndexPages(garden: Garden, codeDigest: string): { params: { collection: SearchCollection }; cacheKey: string }[] {
  const sources: Record<SearchCollection, unknown> = {
    bits: garden.bits,
    shorts: garden.shorts,
    chapters: [garden.chapters, garden.parts],
    facts: [garden.chapters.map((c) => c.item), garden.quizzes, garden.parts],
  };
  return SEARCH_COLLECTIONS.map((collection) => ({ params: { collection }, cacheKey: pageCacheKey({ collection, source: sources[collection] }, codeDigest) }));
}
