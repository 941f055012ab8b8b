/**
 * One site-wide query as the dialog and the /search/ page show it: the hits of
 * each kind, the display data of those on screen only (fetched by chunk), the
 * matched terms for highlighting, and what the status line says. Each result
 * is made (`make`: its view, its element) as soon as its chunk arrives, while
 * the other chunks are still on the way, so that little is left to do once
 * the last one is in.
 */
import type { SearchEntry } from '../../lib/search/build-index';
import type { SearchCollection } from '../../lib/search/documents';
import type { Found } from '../../lib/search/results';
import { loadSiteSearch } from './load-index';

export interface ShownGroup<T> {
  collection: SearchCollection;
  /** Hits of this kind in all. */
  total: number;
  /** The results shown, best first, as `make` made them. */
  items: T[];
}

export interface SiteResults<T> {
  groups: ShownGroup<T>[];
  terms: Set<string>;
  found: Found;
}

/** Makes what a page shows of one result, from its entry and the terms to mark. */
export type MakeResult<T> = (collection: SearchCollection, entry: SearchEntry, terms: ReadonlySet<string>) => T;

/** `shown(collection)`: how many of a kind's hits are on screen (Infinity: all). */
export async function siteResults<T>(indexBase: string, query: string, shown: (collection: SearchCollection) => number, make: MakeResult<T>): Promise<SiteResults<T>> {
  const search = await loadSiteSearch(indexBase);
  const outcome = await search.search(query, shown);
  const groups = await Promise.all(
    outcome.groups.map(async (group) => ({
      collection: group.collection,
      total: group.total,
      items: await Promise.all(group.hits.map(async (hit) => make(group.collection, await search.entry(hit.entry), outcome.terms))),
    })),
  );
  const total = groups.reduce((sum, group) => sum + group.total, 0);
  return { groups, terms: outcome.terms, found: { total, partial: outcome.partial, matched: outcome.matched, words: outcome.words.length } };
}
