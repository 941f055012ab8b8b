/**
 * The site-wide sharded index of a garden, built once per garden and shared by
 * the routes that serve its parts (/search/manifest.json, /search/terms/<n>.json,
 * /search/words/<n>.json, /search/entries/<n>.json), with each part's cache key: a digest of the part
 * itself, so a rebuild rewrites only the parts an edit changed.
 */
import type { Garden } from '../load';
import { dataCacheKey } from '../page-cache';
import { collectionDocuments, SEARCH_COLLECTIONS } from './documents';
import { searchSource, type RenderHeadings } from './garden-source';
import type { RenderedHeading } from './text';
import { buildShardedIndex, type ShardedIndex } from './shards';
import type { UrlsForSearch } from './documents';
import type { PartKind } from './site-engine';

const built = new WeakMap<Garden, Promise<ShardedIndex>>();

/** Astro's `render` (passed in by the routes): the headings of a chapter the note cache does not hold. */
type Render = (entry: Parameters<RenderHeadings>[0]) => Promise<{ headings: RenderedHeading[] }>;

export function siteSearchIndex(garden: Garden, urls: UrlsForSearch, render: Render): Promise<ShardedIndex> {
  let index = built.get(garden);
  if (!index) {
    index = (async () => {
      const source = await searchSource(garden, SEARCH_COLLECTIONS, async (entry) => (await render(entry)).headings);
      return buildShardedIndex(SEARCH_COLLECTIONS.flatMap((collection) => collectionDocuments(collection, source, urls)));
    })();
    built.set(garden, index);
  }
  return index;
}

/** The static paths of the term shards, word lists and entry chunks, each with its content as props and a cache key made from it. */
export function indexParts(index: ShardedIndex, codeDigest: string): { params: { kind: PartKind; n: string }; props: { part: unknown }; cacheKey: string }[] {
  const pages = (kind: PartKind, parts: readonly unknown[]) => parts.map((part, n) => ({ params: { kind, n: String(n) }, props: { part }, cacheKey: dataCacheKey(part, codeDigest) }));
  return [...pages('terms', index.shards), ...pages('words', index.words), ...pages('entries', index.chunks)];
}

export const jsonResponse = (value: unknown) => new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
