/**
 * /search/terms/<n>.json (a term shard: terms and their postings),
 * /search/words/<n>.json (the terms of one first letter, for typos) and
 * /search/entries/<n>.json (a chunk of what results show): the parts of the
 * site-wide index (src/lib/search/shards.ts), each with a cache key of its own.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { render } from 'astro:content';
import { loadGarden } from '../../../lib/load';
import { urls } from '../../../lib/site-urls';
import { indexParts, jsonResponse, siteSearchIndex } from '../../../lib/search/site-index';

export const getStaticPaths = (async () => indexParts(await siteSearchIndex(await loadGarden(), urls, render), import.meta.env.GARDEN_CODE_DIGEST)) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => jsonResponse((props as { part: unknown }).part);
