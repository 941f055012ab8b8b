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
  const outcome = await search.search(query);
  const picked = outcome.groups.map((group) => ({ group, ids: group.hits.slice(0, shown(group.collection)).map((hit) => hit.entry) }));
  const entries = await search.entries(picked.flatMap(({ ids }) => ids));
  const groups = picked.map(({ group, ids }) => ({ collection: group.collection, total: group.hits.length, entries: ids.map((id) => entries.get(id)!) }));
  const total = groups.reduce((sum, group) => sum + group.total, 0);
  return { groups, terms: outcome.terms, found: { total, partial: outcome.partial, matched: outcome.matched, words: outcome.words.length } };
}
