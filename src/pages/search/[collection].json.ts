/**
 * The search index of one collection (/search/bits.json, shorts, chapters,
 * facts), built from the same garden the pages show. See src/lib/search/.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { render } from 'astro:content';
import Fuse from 'fuse.js/basic';
import { loadGarden } from '../../lib/load';
import { factsByChapter } from '../../lib/garden';
import { studyGroups } from '../../lib/study/facts';
import { renderFactText } from '../../lib/site-markdown';
import { urls } from '../../lib/site-urls';
import { searchIndexPages } from '../../lib/pages';
import { collectionDocuments, type SearchCollection, type SearchSource } from '../../lib/search/documents';
import { buildSearchIndex } from '../../lib/search/build-index';
import { cachedSearchBody, cachedSections, noteBody } from '../../lib/markdown/note-html';
import { chapters, NOTE_COLLECTIONS, type NoteCollection, type NoteCollectionId } from '../../lib/collections';
import type { GardenNote } from '../../lib/load';

type Entry = GardenNote<NoteCollectionId>['entry'];

/** A note with what the note cache kept of its searchable text; `indexed`: its own collection's index is being built, not the facts'. */
async function noteSource(collection: NoteCollection, item: GardenNote<NoteCollectionId>['item'], entry: Entry, indexed: boolean) {
  const body = noteBody(entry);
  if (!indexed) return { item, body, filePath: entry.filePath };
  if (collection.searchBody === 'whole') return { item, body, filePath: entry.filePath, kept: cachedSearchBody(entry) };
  const split = cachedSections(entry);
  return { item, body, filePath: entry.filePath, split, headings: split ? undefined : (await render(entry)).headings };
}

export const getStaticPaths = (async () => searchIndexPages(await loadGarden(), import.meta.env.GARDEN_CODE_DIGEST)) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const collection = params.collection as SearchCollection;
  const garden = await loadGarden();
  const notes = NOTE_COLLECTIONS.find((c) => c.id === collection);
  // Fact documents need the chapters they belong to; the note indexes need only their own collection.
  const wanted = collection === 'facts' ? chapters : notes;
  const source: SearchSource = {
    notes: wanted ? { [wanted.id]: await Promise.all((garden[wanted.id] as GardenNote<NoteCollectionId>[]).map(({ item, entry }) => noteSource(wanted, item, entry, collection === wanted.id))) } : {},
    parts: garden.parts,
    // Each fact links to its own anchor on the chapter page.
    quizzes:
      collection === 'facts'
        ? studyGroups(factsByChapter(garden.chapters.map((c) => c.item), garden.quizzes), renderFactText).map((group) => ({ chapter: group.chapter.id, facts: group.facts }))
        : [],
  };
  const index = buildSearchIndex(collection, collectionDocuments(collection, source, urls), Fuse.createIndex);
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
