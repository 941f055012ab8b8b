import { describe, expect, it } from 'vitest';
import { firstPages, laterPages, LISTING_PAGE_SIZE, pageNav, pageUrl, paginate, resultsShown, pageTitle, pagedCountText } from '../../src/lib/pagination';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('paginate', () => {
  it('cuts a listing into pages of the page size, the last one shorter', () => {
    const pages = paginate(numbers(7), 3);
    expect(pages.map((p) => p.items)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(pages.map((p) => [p.current, p.last, p.start, p.total])).toEqual([
      [1, 3, 0, 7],
      [2, 3, 3, 7],
      [3, 3, 6, 7],
    ]);
  });

  it('keeps every entry exactly once, in order, at the default size', () => {
    const items = numbers(LISTING_PAGE_SIZE * 4 + 1);
    const pages = paginate(items);
    expect(pages).toHaveLength(5);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect(Math.max(...pages.map((p) => p.items.length))).toBe(LISTING_PAGE_SIZE);
  });

  it('gives an empty listing one empty page, and a full page no empty page after it', () => {
    expect(paginate([], 3)).toEqual([{ current: 1, last: 1, start: 0, total: 0, items: [] }]);
    expect(paginate(numbers(6), 3)).toHaveLength(2);
  });

  it('refuses a page size that is not a positive whole number', () => {
    expect(() => paginate([1], 0)).toThrow('pageSize must be a positive integer, not 0');
    expect(() => paginate([1], 2.5)).toThrow(/not 2\.5/);
  });
});

describe('page URLs and navigation', () => {
  it('keeps page 1 at the listing and puts later pages under page/', () => {
    expect(pageUrl('/bits/', 1)).toBe('/bits/');
    expect(pageUrl('/garden/tags/llm/', 3)).toBe('/garden/tags/llm/page/3/');
  });

  it('has no navigation for a listing of one page', () => {
    expect(pageNav('/bits/', { current: 1, last: 1 })).toBeUndefined();
  });

  it('links the first, last and neighbouring pages, with gaps and rel targets', () => {
    const nav = pageNav('/bits/', { current: 5, last: 9 })!;
    expect(nav.label).toBe('Page 5 of 9');
    expect(nav.previous).toBe('/bits/page/4/');
    expect(nav.next).toBe('/bits/page/6/');
    expect(nav.links.map((l) => (l === 'gap' ? '…' : l.current ? `[${l.page}]` : String(l.page)))).toEqual(['1', '…', '4', '[5]', '6', '…', '9']);
    expect(nav.links[0]).toEqual({ page: 1, href: '/bits/', current: false });
  });

  it('shows a lone left-out page as a link rather than a gap, and no previous link on page 1', () => {
    const first = pageNav('/s/', { current: 1, last: 4 })!;
    expect(first.previous).toBeUndefined();
    expect(first.links.map((l) => (l === 'gap' ? '…' : l.page))).toEqual([1, 2, 3, 4]);
    expect(pageNav('/s/', { current: 1, last: 6 })!.links.map((l) => (l === 'gap' ? '…' : l.page))).toEqual([1, 2, '…', 6]);
    const third = pageNav('/s/', { current: 3, last: 5 })!;
    expect(third.links.map((l) => (l === 'gap' ? '…' : l.page))).toEqual([1, 2, 3, 4, 5]);
    expect(pageNav('/s/', { current: 4, last: 4 })!.next).toBeUndefined();
  });
});

describe('route parameters', () => {
  const pages = [1, 2, 3].map((page) => ({ params: { tag: 'llm', page }, props: { page }, cacheKey: `k${page}` }));

  it('gives the first page to the route without a page parameter', () => {
    expect(firstPages(pages)).toEqual([{ params: { tag: 'llm' }, props: { page: 1 }, cacheKey: 'k1' }]);
  });

  it('gives the later pages to page/[page], as strings', () => {
    expect(laterPages(pages).map((p) => p.params)).toEqual([
      { tag: 'llm', page: '2' },
      { tag: 'llm', page: '3' },
    ]);
  });
});

describe('results drawn page by page', () => {
  it('shows a page of results per request and says how many are left', () => {
    const results = numbers(120);
    expect(resultsShown(results, 1, 50)).toEqual({ shown: numbers(50), left: 70 });
    expect(resultsShown(results, 3, 50)).toEqual({ shown: results, left: 0 });
    expect(resultsShown(results, 0, 50).shown).toHaveLength(50);
  });
});

describe('pageTitle', () => {
  it.each([
    ['Bits', 1, 1, 'Bits'],
    ['Bits', 1, 7, 'Bits'],
    ['Shorts', 2, 7, 'Shorts, page 2 of 7'],
    ['Tagged “numerics”', 7, 7, 'Tagged “numerics”, page 7 of 7'],
  ])('titles %s on page %i of %i as %s', (title, current, last, expected) => expect(pageTitle(title, { current, last })).toBe(expected));
});

describe('pagedCountText', () => {
  it.each([
    ['26 bits', 1, 1, '26 bits'],
    ['120 bits', 1, 3, '120 bits, page 1 of 3'],
    ['6,000 bits', 3, 120, '6,000 bits, page 3 of 120'],
  ])('counts %s on page %i of %i as %s', (count, current, last, expected) => expect(pagedCountText(count, { current, last })).toBe(expected));
});
