/**
 * Fetches a collection's search index once per page and keeps it: the first
 * caller starts the download (and the import of Fuse and the engine, which no
 * page loads before search is used), later callers share the same promise.
 */
import type { SearchEngine } from '../../lib/search/engine';
import type { SearchIndexJson } from '../../lib/search/build-index';

const engines = new Map<string, Promise<SearchEngine>>();

export function loadSearchIndex(url: string): Promise<SearchEngine> {
  let engine = engines.get(url);
  if (!engine) {
    engine = (async () => {
      const [{ default: Fuse }, { SearchEngine }, response] = await Promise.all([import('fuse.js/basic'), import('../../lib/search/engine'), fetch(url)]);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return new SearchEngine((await response.json()) as SearchIndexJson, Fuse);
    })();
    engines.set(url, engine);
    // A failed download may be retried on the next use.
    engine.catch(() => engines.delete(url));
  }
  return engine;
}

/** Where a collection's index is: what the page hands its search elements in `data-indexes`. */
export interface IndexRef {
  collection: string;
  url: string;
}

/** Every index of the site, fetched once per page (the dialog and the /search/ page share them). */
export function loadSearchIndexes(refs: readonly IndexRef[]): Promise<SearchEngine[]> {
  return Promise.all(refs.map((ref) => loadSearchIndex(ref.url)));
}
