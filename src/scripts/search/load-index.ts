/**
 * Search data, fetched once per page and kept: the first caller starts the
 * download (and the import of Fuse and the engine, which no page loads
 * before search is used), later callers share the same promise.
 *
 * - loadSearchIndex: one collection's whole index, for a listing's filter;
 * - loadSiteSearch: the site-wide sharded index, whose manifest comes first
 *   and whose parts each query fetches as it needs them.
 */
import type { SearchEngine } from '../../lib/search/engine';
import type { SiteSearch } from '../../lib/search/site-engine';
import type { SearchIndexJson } from '../../lib/search/build-index';
import type { SearchManifest } from '../../lib/search/shard-map';

/** A promise kept per key; a failed one is forgotten, so the next use may retry. */
function once<T>(cache: Map<string, Promise<T>>, key: string, start: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = start();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
  }
  return value;
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

const engines = new Map<string, Promise<SearchEngine>>();

export function loadSearchIndex(url: string): Promise<SearchEngine> {
  return once(engines, url, async () => {
    const [{ default: Fuse }, { SearchEngine }, data] = await Promise.all([import('fuse.js/basic'), import('../../lib/search/engine'), fetchJson(url)]);
    return new SearchEngine(data as SearchIndexJson, Fuse);
  });
}

const sites = new Map<string, Promise<SiteSearch>>();

/** The site-wide search whose files live under `base` (`/search/` under the site's base path, from the page's `data-search-index`). */
export function loadSiteSearch(base: string): Promise<SiteSearch> {
  return once(sites, base, async () => {
    const [{ default: Fuse }, { SiteSearch }, manifest] = await Promise.all([import('fuse.js/basic'), import('../../lib/search/site-engine'), fetchJson(`${base}manifest.json`)]);
    return new SiteSearch(manifest as SearchManifest, Fuse, (kind, n) => fetchJson(`${base}${kind}/${n}.json`));
  });
}
