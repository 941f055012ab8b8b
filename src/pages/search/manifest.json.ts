/** /search/manifest.json: where the site-wide index's parts are (src/lib/search/shards.ts). */
import type { APIRoute } from 'astro';
import { render } from 'astro:content';
import { loadGarden } from '../../lib/load';
import { urls } from '../../lib/site-urls';
import { jsonResponse, siteSearchIndex } from '../../lib/search/site-index';

export const GET: APIRoute = async () => jsonResponse((await siteSearchIndex(await loadGarden(), urls, render)).manifest);
