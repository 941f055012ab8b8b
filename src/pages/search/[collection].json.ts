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
import { urls } from '../../lib/site-urls';
import { searchIndexPages } from '../../lib/pages';
import { collectionDocuments, type SearchCollection, type SearchSource } from '../../lib/search/documents';
import { buildSearchIndex } from '../../lib/search/build-index';
import { cachedSearchBody, cachedSections, noteBody } from '../../lib/markdown/note-html';

export const getStaticPaths = (async () => searchIndexPages(await loadGarden(), import.meta.env.GARDEN_CODE_DIGEST)) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const collection = params.collection as SearchCollection;
  const garden = await loadGarden();
  const source: SearchSource = {
    bits: collection === 'bits' ? garden.bits.map(({ item, entry }) => ({ item, body: noteBody(entry), filePath: entry.filePath, kept: cachedSearchBody(entry) })) : [],
    shorts: collection === 'shorts' ? garden.shorts.map(({ item, entry }) => ({ item, body: noteBody(entry), filePath: entry.filePath, kept: cachedSearchBody(entry) })) : [],
    chapters:
      collection === 'chapters' || collection === 'facts'
        ? await Promise.all(
            garden.chapters.map(async ({ item, entry }) => {
              const split = collection === 'chapters' ? cachedSections(entry) : undefined;
              return {
                item,
                body: noteBody(entry),
                filePath: entry.filePath,
                split,
                headings: collection === 'chapters' && !split ? (await render(entry)).headings : undefined,
              };
            }),
          )
        : [],
    parts: garden.parts,
    // Each fact links to its own anchor on the chapter page.
    quizzes:
      collection === 'facts'
        ? studyGroups(factsByChapter(garden.chapters.map((c) => c.item), garden.quizzes)).map((group) => ({ chapter: group.chapter.id, facts: group.facts }))
        : [],
  };
  const index = buildSearchIndex(collection, collectionDocuments(collection, source, urls), Fuse.createIndex);
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
