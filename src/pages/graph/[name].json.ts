/**
 * The map's data, /graph/garden.json: every note with its place, laid out
 * once here (src/lib/graph/layout.ts; in a build on a thread of its own, see
 * src/build/graph-layout.ts) and drawn by src/scripts/graph/. A
 * route with a key (graphDataPages) so that a build whose notes and links did
 * not change copies the file instead of laying the garden out again.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadGarden } from '../../lib/load';
import { graphDataPages } from '../../lib/pages';
import { laidOutGraphJson } from 'virtual:garden/graph-layout';

export const getStaticPaths = (async () => graphDataPages(await loadGarden(), import.meta.env.GARDEN_CODE_DIGEST)) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const { links } = await loadGarden();
  return new Response(await laidOutGraphJson(links.graph), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
