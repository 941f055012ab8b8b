/**
 * The addresses a build of the garden generates, computed from its entries
 * (no Astro): what an internal link written as `/bits/<slug>/` may point to.
 * Addresses are relative to the site's base path and end with a slash, as
 * `trailingSlash: 'always'` makes them.
 */
import { bits, shorts } from '../collections';
import { LISTING_PAGE_SIZE, pageUrl } from '../pagination';
import { gardenUrls } from '../urls';
import { GRAPH_LIST_PAGE_SIZE } from '../graph/list-pages';

/** Listings cut into pages (`/bits/page/2/` …, src/lib/pagination.ts); tag pages are too. */
const PAGED_LISTINGS: readonly string[] = [bits.listingPath, shorts.listingPath];
export interface SiteEntry {
  draft?: boolean | undefined;
  tags?: readonly string[] | undefined;
}

export interface SiteEntries {
  /** Every note, with its page's address (its collection's `path`, without the base path). */
  notes: readonly (SiteEntry & { path: string })[];
  parts: readonly { id: string }[];
}

/** Pages every garden has, whatever its content; used when the routes folder is not read. */
export const FIXED_PAGES: readonly string[] = ['/', '/bits/', '/shorts/', '/cheatsheets/', '/tags/', '/graph/', '/rss.xml', '/404.html'];

/** Files written by integrations rather than routes. */
const INTEGRATION_FILES: readonly string[] = ['/sitemap-index.xml', '/sitemap-0.xml'];

export interface SiteUrls {
  /** Addresses a production build writes. */
  published: ReadonlySet<string>;
  /** Addresses only `astro dev` serves, because only drafts carry them. */
  draftOnly: ReadonlySet<string>;
}

export function siteUrls(entries: SiteEntries, staticPages: readonly string[] = FIXED_PAGES): SiteUrls {
  const published = new Set<string>([...staticPages, ...INTEGRATION_FILES]);
  const all = new Set<string>(published);
  const add = (url: string, draft: boolean | undefined) => {
    all.add(url);
    if (!draft) published.add(url);
  };
  const tags = (entry: SiteEntry) => {
    for (const tag of entry.tags ?? []) add(`/tags/${tag}/`, entry.draft);
  };
  for (const note of entries.notes) {
    add(note.path, note.draft);
    tags(note);
  }
  for (const part of entries.parts) add(`/cheatsheets/${part.id}/`, false);
  // A listing's later pages: as many as its published entries need, and in `astro dev` as many as all of them do.
  const listings = new Map<string, { published: number; all: number }>();
  const count = (listing: string, draft: boolean | undefined) => {
    const counted = listings.get(listing) ?? { published: 0, all: 0 };
    counted.all += 1;
    if (!draft) counted.published += 1;
    listings.set(listing, counted);
  };
  for (const note of entries.notes) {
    const listing = PAGED_LISTINGS.find((path) => note.path.startsWith(path));
    if (listing) count(listing, note.draft);
    for (const tag of note.tags ?? []) count(`/tags/${tag}/`, note.draft);
  }
  for (const [listing, counted] of listings) {
    for (let page = 2; page <= Math.ceil(counted.all / LISTING_PAGE_SIZE); page++) add(pageUrl(listing, page), page > Math.ceil(counted.published / LISTING_PAGE_SIZE));
  }
  // The map's list has pages of its own once every note does not fit in one (src/lib/graph/list-pages.ts).
  const graphListPages = (notes: number) => (notes > GRAPH_LIST_PAGE_SIZE ? Math.ceil(notes / GRAPH_LIST_PAGE_SIZE) : 0);
  const publishedListPages = graphListPages(entries.notes.filter((note) => !note.draft).length);
  for (let page = 1; page <= graphListPages(entries.notes.length); page++) add(pageUrl(gardenUrls('/').graphList(), page), page > publishedListPages);
  return { published, draftOnly: new Set([...all].filter((url) => !published.has(url))) };
}

/**
 * The address of a static route file under src/pages, or undefined for a
 * dynamic one (`[slug].astro`), whose addresses come from the entries:
 * `index.astro` → `/`, `bits/index.astro` → `/bits/`, `rss.xml.ts` → `/rss.xml`,
 * `404.astro` → `/404.html`, `about.astro` → `/about/`.
 */
export function routeUrl(file: string): string | undefined {
  const path = file.split('\\').join('/');
  if (path.includes('[') || path.split('/').some((part) => part.startsWith('_'))) return undefined;
  if (/\.(astro|md|mdx|html)$/.test(path)) {
    const bare = path.replace(/\.(astro|md|mdx|html)$/, '');
    if (bare === '404' || bare === '500') return `/${bare}.html`;
    if (bare === 'index') return '/';
    return `/${bare.replace(/\/index$/, '')}/`;
  }
  // An endpoint names its output file: `rss.xml.ts`, `search-index.json.ts`.
  const endpoint = /^(.+\.[a-z0-9]+)\.(ts|js|mts|mjs)$/.exec(path);
  return endpoint ? `/${endpoint[1]}` : undefined;
}

export type RootLinkResult = { ok: true } | { ok: false; message: string };

/**
 * Checks a link written from the site root (`/bits/kv-cache/#intro`) against
 * the generated addresses. `base` is the configured base path: a link that
 * already carries it is accepted as well.
 */
export function checkRootLink(url: string, site: SiteUrls, options: { allowDrafts: boolean; base?: string }): RootLinkResult {
  const path = pathOf(url, options.base ?? '/');
  const found = (candidate: string) => site.published.has(candidate) || (options.allowDrafts && site.draftOnly.has(candidate));
  if (found(path)) return { ok: true };
  const withIndex = path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : undefined;
  if (withIndex && found(withIndex)) return { ok: true };
  if (!options.allowDrafts && site.draftOnly.has(path)) {
    return { ok: false, message: `"${url}" is a draft, left out of the built site (expected a published page, got a draft)` };
  }
  const slashed = `${path}/`;
  if (!path.endsWith('/') && found(slashed)) {
    return { ok: false, message: `expected "${slashed}${suffixOf(url)}" (page addresses end with a slash), got "${url}"` };
  }
  const near = nearest(path, site.published);
  return {
    ok: false,
    message: `no page of the garden has this address (expected the address of a generated page${near ? `, such as "${near}"` : ''}, got "${url}")`,
  };
}

function pathOf(url: string, base: string): string {
  let path = url.replace(/[?#].*$/, '');
  try {
    path = decodeURI(path);
  } catch {
    // A malformed escape is compared as written.
  }
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (prefix !== '/' && (path === prefix.slice(0, -1) || path.startsWith(prefix))) path = `/${path.slice(prefix.length)}`;
  return path;
}

function suffixOf(url: string): string {
  const at = url.search(/[?#]/);
  return at === -1 ? '' : url.slice(at);
}

/** The closest generated address, when one is close enough to be a likely typo. */
function nearest(path: string, urls: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const url of urls) {
    const distance = editDistance(path, url, bestDistance);
    if (distance < bestDistance) {
      best = url;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(path.length / 6)) ? best : undefined;
}

/** Levenshtein distance, or `limit` as soon as it is certain to be at least that. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  if (a === b) return 0;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= limit) return limit;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, limit);
}
