/**
 * The slim listing index of /bits/ and /shorts/ (/listing/bits.json, shorts):
 * what a compact card shows, for every entry, in the listing's order. A
 * listing of more than one page fetches it when a reader filters by keyword
 * alone (a tag or a track fetches its slice, [collection]/[facet]/[key].json.ts),
 * so a filter covers every entry, not just the page at hand. See src/lib/listing-pages.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadGarden } from '../../lib/load';
import { gardenListingIndex, LISTED_COLLECTIONS, type ListedCollection } from '../../lib/listing-pages';
import { pageCacheKey } from '../../lib/page-cache';
import { urls } from '../../lib/site-urls';

export const getStaticPaths = (async () => {
  const garden = await loadGarden();
  return LISTED_COLLECTIONS.map((collection) => ({ params: { collection }, cacheKey: pageCacheKey({ collection, source: garden[collection] }, import.meta.env.GARDEN_CODE_DIGEST) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const index = gardenListingIndex(await loadGarden(), params.collection as ListedCollection, urls);
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
