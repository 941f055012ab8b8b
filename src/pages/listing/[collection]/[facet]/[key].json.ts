/**
 * A slice of a listing index: the entries carrying one tag
 * (/listing/bits/tag/llm.json) or on one track (/listing/shorts/track/rag.json),
 * what a filter by that tag or track fetches instead of the whole index.
 * See listingSlices and listingSource in src/lib/listing-pages.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadGarden } from '../../../../lib/load';
import { gardenListingIndex, LISTED_COLLECTIONS } from '../../../../lib/listing-pages';
import { listingSlices } from '../../../../lib/listing-slices';
import { dataCacheKey } from '../../../../lib/page-cache';
import { urls } from '../../../../lib/site-urls';

export const getStaticPaths = (async () => {
  const garden = await loadGarden();
  return LISTED_COLLECTIONS.flatMap((collection) =>
    listingSlices(gardenListingIndex(garden, collection, urls)).map(({ facet, key, index }) => ({
      params: { collection, facet, key },
      props: { index },
      cacheKey: dataCacheKey(index, import.meta.env.GARDEN_CODE_DIGEST),
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
