/**
 * Listings that stay small at any garden size: /bits/, /shorts/ and every tag
 * page are cut into static pages of LISTING_PAGE_SIZE entries, the first at
 * the listing's own URL and the others at `<listing>page/<n>/`. Pure.
 *
 * Why not Astro's `paginate()`: it names page 1 `/bits/1/` or needs a rest
 * parameter that shares `/bits/<x>/` with the notes' own pages; here page 1
 * stays `/bits/` (every existing link keeps working) and later pages live
 * under `page/`, where no note slug can collide with them.
 */

/**
 * Entries per static page. A compact card is 15–25 elements, so 50 of them
 * plus the header, the filter and the chips stay under 1,500 DOM elements and
 * about 40 KB of gzipped HTML (bench/RESULTS.md, "Listings").
 */
export const LISTING_PAGE_SIZE = 50;

/** Where a page sits in its listing; what a page's template needs besides its entries. */
export interface PageInfo {
  /** 1-based. */
  current: number;
  last: number;
  /** Index of the page's first entry in the whole listing, 0-based. */
  start: number;
  /** Entries in the whole listing. */
  total: number;
}

export interface ListingPage<T> extends PageInfo {
  items: T[];
}

/** A listing page's title: the listing's own on its first page, with "page 2 of 7" after it on the others. */
export function pageTitle(title: string, page: Pick<PageInfo, 'current' | 'last'>): string {
  return page.current > 1 ? `${title}, page ${page.current} of ${page.last}` : title;
}

/** A paged list's count line: "26 bits", or "120 bits, page 2 of 3" when it runs to several pages. */
export function pagedCountText(count: string, page: Pick<PageInfo, 'current' | 'last'>): string {
  return page.last > 1 ? `${count}, page ${page.current} of ${page.last}` : count;
}

/** The pages of a listing, in order; an empty listing still has its first page. */
export function paginate<T>(items: readonly T[], pageSize: number = LISTING_PAGE_SIZE): ListingPage<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageSize must be a positive integer, not ${pageSize}`);
  const last = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: last }, (_, i) => ({
    current: i + 1,
    last,
    start: i * pageSize,
    total: items.length,
    items: items.slice(i * pageSize, (i + 1) * pageSize),
  }));
}

/** The URL of page `page` of the listing at `listing` (which ends in `/`). */
export function pageUrl(listing: string, page: number): string {
  return page <= 1 ? listing : `${listing}page/${page}/`;
}

/** The `[page]` parameter of a later page's route, or an error naming the bad value. */
export function pageParam(page: number): { page: string } {
  if (!Number.isInteger(page) || page < 2) throw new Error(`a listing's later pages start at 2, not ${page}`);
  return { page: String(page) };
}

export interface PageLink {
  page: number;
  href: string;
  current: boolean;
}

export interface PageNav {
  /** "Page 2 of 7". */
  label: string;
  previous?: string | undefined;
  next?: string | undefined;
  /** The first and last pages, and `around` pages either side of the current one; `gap` where pages are left out. */
  links: (PageLink | 'gap')[];
}

/** The "Page 2 of 7" navigation of a page, or undefined for a listing of one page. */
export function pageNav(listing: string, info: Pick<PageInfo, 'current' | 'last'>, around = 1): PageNav | undefined {
  const { current, last } = info;
  if (last <= 1) return undefined;
  const shown = [...new Set([1, last, ...Array.from({ length: 2 * around + 1 }, (_, i) => current - around + i)])]
    .filter((page) => page >= 1 && page <= last)
    .sort((a, b) => a - b);
  const links: (PageLink | 'gap')[] = [];
  shown.forEach((page, i) => {
    const before = shown[i - 1];
    if (before !== undefined && page - before > 1) links.push(page - before === 2 ? link(before + 1) : 'gap');
    links.push(link(page));
  });
  function link(page: number): PageLink {
    return { page, href: pageUrl(listing, page), current: page === current };
  }
  return {
    label: `Page ${current} of ${last}`,
    previous: current > 1 ? pageUrl(listing, current - 1) : undefined,
    next: current < last ? pageUrl(listing, current + 1) : undefined,
    links,
  };
}

/** Which entries of a filtered result the reader sees after asking for `pages` pages of it. */
export function resultsShown<T>(results: readonly T[], pages: number, pageSize: number = LISTING_PAGE_SIZE): { shown: T[]; left: number } {
  const shown = results.slice(0, Math.max(1, pages) * pageSize);
  return { shown, left: results.length - shown.length };
}

type Paged<P> = { params: P & { page: number } };

/** A route's first pages (`/bits/`, `/tags/<tag>/`): the `page` parameter dropped, since the route has none. */
export function firstPages<P extends object, X extends Paged<P>>(pages: readonly X[]): (Omit<X, 'params'> & { params: Omit<X['params'], 'page'> })[] {
  return pages.filter((p) => p.params.page === 1).map(({ params: { page: _page, ...params }, ...rest }) => ({ ...rest, params }));
}

/** The `page/[page]` route's pages (2 onwards), with `page` as the route's string parameter. */
export function laterPages<P extends object, X extends Paged<P>>(pages: readonly X[]): (Omit<X, 'params'> & { params: Omit<X['params'], 'page'> & { page: string } })[] {
  return pages.filter((p) => p.params.page > 1).map(({ params: { page, ...params }, ...rest }) => ({ ...rest, params: { ...params, ...pageParam(page) } }));
}
