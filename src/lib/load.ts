/**
 * The only module that reads Astro's content layer: it loads every collection
 * of the registry once per build, drops drafts outside `astro dev`, and gives
 * each note as its item (its validated frontmatter and id, typed by its
 * schema) beside its entry, for src/lib/garden.ts and the pages.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { compareNotes, isVisible, partsOverview, tagGroups, type NotesByCollection, type PartOverview, type QuizItem, type TagGroup } from './garden';
import { NOTE_COLLECTIONS, summaryOf, type NoteCollectionId, type NoteItem } from './collections';
import { buildLinkTargets, targetKey, type LinkTargetSource } from './links/targets';
import { backlinks, outgoingLinks, relatedNotesForAll, type LinkingNote, type NoteRef } from './links/graph';
import { urls } from './site-urls';
import { noteBody } from './markdown/note-html';
import { buildGraph, type GardenGraph } from './graph/model';
import { readFileSync } from 'node:fs';
import type { IsoDate } from './dates';

/** A note of a collection: its item, and Astro's entry (for its rendered body). */
export interface GardenNote<K extends NoteCollectionId> {
  item: NoteItem<K>;
  entry: CollectionEntry<K>;
}

export type GardenNotes = { [K in NoteCollectionId]: GardenNote<K>[] };

export type Garden = GardenNotes & {
  parts: PartOverview[];
  quizzes: QuizItem[];
  tags: TagGroup[];
  links: GardenLinks;
  /** The last commit date of each note's file, by `entry.filePath`, when the garden is in git (src/build/last-updated.ts). */
  commitDates?: ReadonlyMap<string, IsoDate>;
};

/** Per note key (`bits/<slug>`, `shorts/<slug>`, `chapters/<id>`): its backlinks, related notes and whether it links out. */
export interface GardenLinks {
  backlinks: Map<string, NoteRef[]>;
  related: Map<string, NoteRef[]>;
  linksOut: Set<string>;
  /** Every note and link, not yet laid out: the map's data (src/lib/graph/). */
  graph: GardenGraph;
}

let cached: Promise<Garden> | undefined;

/** The garden for this build; `isDev` (set by `astro dev` only) decides whether drafts are shown. */
export function loadGarden(isDev: boolean = import.meta.env.GARDEN_SHOW_DRAFTS === true): Promise<Garden> {
  // Dev reloads content on every request, so only a production build may reuse the first load.
  if (isDev) return buildGarden(true);
  cached ??= buildGarden(false);
  return cached;
}

async function loadNotes<K extends NoteCollectionId>(id: K, isDev: boolean): Promise<GardenNote<K>[]> {
  const collection = NOTE_COLLECTIONS.find((c) => c.id === id)!;
  const entries = (await getCollection(id, ({ data }: { data: { draft?: boolean } }) => isVisible(data, isDev))) as CollectionEntry<K>[];
  // The item is the schema's output as it is: a field added to a schema reaches the pages with nothing else to change.
  const notes = entries.map((entry) => ({ item: { ...(entry.data as object), id: entry.id } as NoteItem<K>, entry }));
  const compare = compareNotes(collection);
  return notes.sort((a, b) => compare(a.item, b.item));
}

async function buildGarden(isDev: boolean): Promise<Garden> {
  const [loaded, partEntries, quizEntries] = await Promise.all([
    Promise.all(NOTE_COLLECTIONS.map(async ({ id }) => [id, await loadNotes(id, isDev)] as const)),
    getCollection('parts'),
    getCollection('quiz'),
  ]);
  const notes = Object.fromEntries(loaded) as GardenNotes;
  const items = Object.fromEntries(loaded.map(([id, list]) => [id, list.map((note) => note.item)])) as NotesByCollection;
  const visibleChapterIds = new Set(items.chapters.map((c) => c.id));
  const quizzes = quizEntries
    .map(({ data }) => ({ chapter: data.chapter, facts: data.facts }))
    .filter((quiz) => visibleChapterIds.has(quiz.chapter));
  const parts = partsOverview(
    partEntries.map(({ data }) => data),
    items.chapters,
    quizzes,
  );
  return { ...notes, parts, quizzes, tags: tagGroups(items), links: linkGraph(notes), commitDates: commitDates(import.meta.env.GARDEN_COMMIT_DATES) };
}

/** The commit dates the build wrote as it started (none under `astro dev`, or when it could not). */
function commitDates(file: string | undefined): Map<string, IsoDate> {
  if (!file) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, IsoDate>));
  } catch {
    return new Map();
  }
}

function linkGraph(notes: GardenNotes): GardenLinks {
  const sources: LinkTargetSource[] = NOTE_COLLECTIONS.flatMap((collection) =>
    (notes[collection.id] as GardenNote<NoteCollectionId>[]).map(({ item, entry }) => ({
      collection: collection.id,
      id: item.id,
      title: item.title,
      body: noteBody(entry),
      tags: item.tags,
      date: 'date' in item ? item.date : undefined,
      blurb: summaryOf(collection, item),
    })),
  );
  // Backlinks and related notes show titles, never a preview: no excerpts to work out.
  const targets = buildLinkTargets(sources, urls, { excerpt: false });
  const linking: LinkingNote[] = sources.map((source) => ({
    target: targets.get(targetKey(source.collection, source.id))!,
    path: `${source.collection}/${source.id}`,
    body: source.body,
  }));
  const related = relatedNotesForAll(targets);
  const outgoing = new Map(linking.map((note) => [note.target.key, outgoingLinks(note, targets)]));
  const linksOut = new Set([...outgoing].filter(([, keys]) => keys.length > 0).map(([key]) => key));
  const graph = buildGraph([...targets.values()], outgoing, NOTE_COLLECTIONS);
  return { backlinks: backlinks(outgoing, targets), related, linksOut, graph };
}
