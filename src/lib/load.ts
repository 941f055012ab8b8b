/**
 * The only module that reads Astro's content layer: it loads every collection
 * once per build, drops drafts outside `astro dev`, and maps entries to the
 * plain items that src/lib/garden.ts works with.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import {
  chapterSlug,
  isVisible,
  partsOverview,
  sortBits,
  sortShorts,
  tagGroups,
  type BitItem,
  type ChapterItem,
  type PartOverview,
  type QuizItem,
  type ShortItem,
  type TagGroup,
} from './garden';
import { buildLinkTargets, targetKey, type LinkTargetSource } from './links/targets';
import { backlinks, outgoingLinks, relatedNotesForAll, type LinkingNote, type NoteRef } from './links/graph';
import { urls } from './site-urls';
import { noteBody } from './markdown/note-html';

export interface Garden {
  bits: { item: BitItem; entry: CollectionEntry<'bits'> }[];
  shorts: { item: ShortItem; entry: CollectionEntry<'shorts'> }[];
  chapters: { item: ChapterItem; entry: CollectionEntry<'chapters'> }[];
  parts: PartOverview[];
  quizzes: QuizItem[];
  tags: TagGroup[];
  links: GardenLinks;
}

/** Per note key (`bits/<slug>`, `shorts/<slug>`, `chapters/<id>`): its backlinks, related notes and whether it links out. */
export interface GardenLinks {
  backlinks: Map<string, NoteRef[]>;
  related: Map<string, NoteRef[]>;
  linksOut: Set<string>;
}

let cached: Promise<Garden> | undefined;

/** The garden for this build; `isDev` (set by `astro dev` only) decides whether drafts are shown. */
export function loadGarden(isDev: boolean = import.meta.env.GARDEN_SHOW_DRAFTS === true): Promise<Garden> {
  // Dev reloads content on every request, so only a production build may reuse the first load.
  if (isDev) return buildGarden(true);
  cached ??= buildGarden(false);
  return cached;
}

async function buildGarden(isDev: boolean): Promise<Garden> {
  const [bitEntries, shortEntries, chapterEntries, partEntries, quizEntries] = await Promise.all([
    getCollection('bits', ({ data }) => isVisible(data, isDev)),
    getCollection('shorts', ({ data }) => isVisible(data, isDev)),
    getCollection('chapters', ({ data }) => isVisible(data, isDev)),
    getCollection('parts'),
    getCollection('quiz'),
  ]);

  const bits = sortBits(bitEntries.map((entry) => ({ ...toBit(entry), entry }))).map(({ entry, ...item }) => ({ item, entry }));
  const shorts = sortShorts(shortEntries.map((entry) => ({ ...toShort(entry), entry }))).map(({ entry, ...item }) => ({ item, entry }));
  const chapters = chapterEntries
    .map((entry) => ({ item: toChapter(entry), entry }))
    .sort((a, b) => a.item.part.localeCompare(b.item.part) || a.item.chapter - b.item.chapter);
  const visibleChapterIds = new Set(chapters.map((c) => c.item.id));
  const quizzes = quizEntries
    .map(({ data }) => ({ chapter: data.chapter, facts: data.facts }))
    .filter((quiz) => visibleChapterIds.has(quiz.chapter));
  const parts = partsOverview(
    partEntries.map(({ data }) => data),
    chapters.map((c) => c.item),
    quizzes,
  );
  const tags = tagGroups(
    bits.map((b) => b.item),
    shorts.map((s) => s.item),
    chapters.map((c) => c.item),
  );
  const links = linkGraph([
    ...bits.map(({ item, entry }) => ({ collection: 'bits' as const, id: item.slug, title: item.title, body: noteBody(entry), tags: item.tags, date: item.date, blurb: item.why })),
    ...shorts.map(({ item, entry }) => ({ collection: 'shorts' as const, id: item.slug, title: item.title, body: noteBody(entry), tags: item.tags, date: item.date, blurb: item.summary })),
    ...chapters.map(({ item, entry }) => ({ collection: 'chapters' as const, id: item.id, title: item.title, body: noteBody(entry), tags: item.tags, blurb: item.summary })),
  ]);
  return { bits, shorts, chapters, parts, quizzes, tags, links };
}

function linkGraph(sources: LinkTargetSource[]): GardenLinks {
  // Backlinks and related notes show titles, never a preview: no excerpts to work out.
  const targets = buildLinkTargets(sources, urls, { excerpt: false });
  const notes: LinkingNote[] = sources.map((source) => ({
    target: targets.get(targetKey(source.collection, source.id))!,
    path: `${source.collection}/${source.id}`,
    body: source.body,
  }));
  const related = relatedNotesForAll(targets);
  const outgoing = new Map(notes.map((note) => [note.target.key, outgoingLinks(note, targets)]));
  const linksOut = new Set([...outgoing].filter(([, keys]) => keys.length > 0).map(([key]) => key));
  return { backlinks: backlinks(outgoing, targets), related, linksOut };
}

function toBit({ id, data }: CollectionEntry<'bits'>): BitItem {
  return { slug: id, title: data.title, tags: data.tags, why: data.why, date: data.date, draft: data.draft };
}

function toShort({ id, data }: CollectionEntry<'shorts'>): ShortItem {
  return { slug: id, title: data.title, summary: data.summary, date: data.date, tags: data.tags, track: data.track, draft: data.draft };
}

function toChapter({ id, data }: CollectionEntry<'chapters'>): ChapterItem {
  return { id, part: data.part, fileSlug: chapterSlug(id), chapter: data.chapter, title: data.title, summary: data.summary, tags: data.tags, draft: data.draft };
}
