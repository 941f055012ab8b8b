/**
 * The slim listing index of /bits/ and /shorts/ (/listing/bits.json, shorts):
 * what a compact card shows, for every entry, in the listing's order. A
 * listing of more than one page fetches it when a reader filters, so a filter
 * covers every entry, not just the page at hand. See src/lib/listing-pages.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadGarden } from '../../lib/load';
import { bitsListingIndex, shortsListingIndex } from '../../lib/listing-pages';
import { pageCacheKey } from '../../lib/page-cache';
import { excerptOf } from '../../lib/links/targets';
import { noteBody } from '../../lib/markdown/note-html';
import { urls } from '../../lib/site-urls';

const LISTED = ['bits', 'shorts'] as const;

export const getStaticPaths = (async () => {
  const garden = await loadGarden();
  return LISTED.map((collection) => ({ params: { collection }, cacheKey: pageCacheKey({ collection, source: garden[collection] }, import.meta.env.GARDEN_CODE_DIGEST) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const garden = await loadGarden();
  const index =
    params.collection === 'bits'
      ? bitsListingIndex(garden.bits.map(({ item, entry }) => ({ item, excerpt: excerptOf(noteBody(entry)) })), urls)
      : shortsListingIndex(garden.shorts.map((s) => s.item), urls);
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
