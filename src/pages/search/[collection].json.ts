/**
 * The search index of one listing's collection (/search/bits.json,
 * /search/shorts.json), which its keyword filter searches. The site-wide
 * search reads the sharded index instead (manifest.json, [kind]/[n].json).
 * See src/lib/search/.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { render } from 'astro:content';
import Fuse from 'fuse.js/basic';
import { loadGarden } from '../../lib/load';
import { urls } from '../../lib/site-urls';
import { searchIndexPages } from '../../lib/pages';
import { collectionDocuments, FILTER_INDEX_COLLECTIONS, type SearchCollection } from '../../lib/search/documents';
import { searchSource } from '../../lib/search/garden-source';
import { buildSearchIndex } from '../../lib/search/build-index';
import { jsonResponse } from '../../lib/search/site-index';

export const getStaticPaths = (async () =>
  searchIndexPages(await loadGarden(), import.meta.env.GARDEN_CODE_DIGEST).filter((page) => FILTER_INDEX_COLLECTIONS.includes(page.params.collection))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const collection = params.collection as SearchCollection;
  const source = await searchSource(await loadGarden(), [collection], async (entry) => (await render(entry)).headings);
  return jsonResponse(buildSearchIndex(collection, collectionDocuments(collection, source, urls), Fuse.createIndex));
};
