/**
 * One site-wide query as the dialog and the /search/ page show it: the hits of
 * each kind, the display data of those on screen only (fetched by chunk), the
 * matched terms for highlighting, and what the status line says.
 */
import type { SearchEntry } from '../../lib/search/build-index';
import type { SearchCollection } from '../../lib/search/documents';
import type { Found } from '../../lib/search/results';
import { loadSiteSearch } from './load-index';

export interface ShownGroup {
  collection: SearchCollection;
  /** Hits of this kind in all. */
  total: number;
  /** The entries shown, best first. */
  entries: SearchEntry[];
}

export interface SiteResults {
  groups: ShownGroup[];
  terms: Set<string>;
  found: Found;
}

/** `shown(collection)`: how many of a kind's hits are on screen (Infinity: all). */
export async function siteResults(indexBase: string, query: string, shown: (collection: SearchCollection) => number): Promise<SiteResults> {
  const search = await loadSiteSearch(indexBase);
  const outcome = await search.search(query, shown);
  const entries = await search.entries(outcome.groups.flatMap((group) => group.hits.map((hit) => hit.entry)));
  const groups = outcome.groups.map((group) => ({ collection: group.collection, total: group.total, entries: group.hits.map((hit) => entries.get(hit.entry)!) }));
  const total = groups.reduce((sum, group) => sum + group.total, 0);
  return { groups, terms: outcome.terms, found: { total, partial: outcome.partial, matched: outcome.matched, words: outcome.words.length } };
}
