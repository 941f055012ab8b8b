import { describe, expect, it } from 'vitest';
import { checkRootLink, editDistance, FIXED_PAGES, routeUrl, siteUrls, type SiteEntries } from '../../src/lib/check/site-pages';
import { LISTING_PAGE_SIZE } from '../../src/lib/pagination';
import { GRAPH_LIST_PAGE_SIZE } from '../../src/lib/graph/list-pages';

const entries: SiteEntries = {
  notes: [
    { path: '/bits/stable-softmax/', tags: ['numerics', 'python'] },
    { path: '/bits/secret/', tags: ['drafts-only'], draft: true },
    { path: '/shorts/kv-cache/', tags: ['llm'] },
    { path: '/cheatsheets/basics/01-shapes/', tags: ['tensors'] },
    { path: '/cheatsheets/basics/02-hidden/', tags: [], draft: true },
  ],
  parts: [{ id: 'basics' }, { id: 'empty-part' }],
};

describe('siteUrls', () => {
  const site = siteUrls(entries);

  it('lists every page a production build writes', () => {
    expect([...site.published].sort()).toEqual(
      [
        ...FIXED_PAGES,
        '/sitemap-index.xml',
        '/sitemap-0.xml',
        '/bits/stable-softmax/',
        '/shorts/kv-cache/',
        '/cheatsheets/basics/01-shapes/',
        '/cheatsheets/basics/',
        '/cheatsheets/empty-part/',
        '/tags/numerics/',
        '/tags/python/',
        '/tags/llm/',
        '/tags/tensors/',
      ].sort(),
    );
  });

  it('keeps pages only drafts give apart', () => {
    expect([...site.draftOnly].sort()).toEqual(['/bits/secret/', '/cheatsheets/basics/02-hidden/', '/tags/drafts-only/']);
  });

  it('lists the later pages of listings and tags that need them, drafts counted only in astro dev', () => {
    const many = (prefix: string, n: number, extra: { draft?: boolean; tags?: string[] } = {}) => Array.from({ length: n }, (_, i) => ({ path: `${prefix}n${i}/`, tags: ['llm'], ...extra }));
    const big = siteUrls({ notes: [...many('/bits/', LISTING_PAGE_SIZE * 2 + 1), ...many('/shorts/', LISTING_PAGE_SIZE), ...many('/shorts/d', 1, { draft: true })], parts: [] });
    const later = (set: ReadonlySet<string>) => [...set].filter((url) => url.includes('/page/') && !url.startsWith('/graph/')).sort();
    expect(later(big.published)).toEqual(['/bits/page/2/', '/bits/page/3/', '/tags/llm/page/2/', '/tags/llm/page/3/', '/tags/llm/page/4/']);
    // The one draft short makes a second page of shorts only in astro dev; the tag's fourth page is published already.
    expect(later(big.draftOnly)).toEqual(['/shorts/page/2/']);
    expect(later(site.published)).toEqual([]);
  });

  it("lists the pages of the map's list once the notes do not fit on /graph/, drafts counted only in astro dev", () => {
    const notes = (n: number, draft = false) => Array.from({ length: n }, (_, i) => ({ path: `/shorts/${draft ? 'd' : 'n'}${i}/`, draft }));
    const listPages = (set: ReadonlySet<string>) => [...set].filter((url) => url.startsWith('/graph/links/')).sort();
    expect(listPages(siteUrls({ notes: notes(GRAPH_LIST_PAGE_SIZE), parts: [] }).published)).toEqual([]);
    const big = siteUrls({ notes: [...notes(GRAPH_LIST_PAGE_SIZE * 2), ...notes(1, true)], parts: [] });
    expect(listPages(big.published)).toEqual(['/graph/links/', '/graph/links/page/2/']);
    expect(listPages(big.draftOnly)).toEqual(['/graph/links/page/3/']);
    expect(checkRootLink('/graph/links/', big, { allowDrafts: false })).toEqual({ ok: true });
  });

  it('takes the static pages it is given', () => {
    expect(siteUrls(entries, ['/', '/search/']).published.has('/search/')).toBe(true);
    expect(siteUrls(entries, ['/', '/search/']).published.has('/bits/')).toBe(false);
  });
});

describe('routeUrl', () => {
  it.each<[string, string | undefined]>([
    ['index.astro', '/'],
    ['bits/index.astro', '/bits/'],
    ['about.astro', '/about/'],
    ['notes/about.md', '/notes/about/'],
    ['404.astro', '/404.html'],
    ['rss.xml.ts', '/rss.xml'],
    ['search-index.json.ts', '/search-index.json'],
    ['bits/[slug].astro', undefined],
    ['cheatsheets/[part]/index.astro', undefined],
    ['_partial.astro', undefined],
    ['helpers.ts', undefined],
  ])('%s → %s', (file, url) => {
    expect(routeUrl(file)).toBe(url);
  });
});

describe('checkRootLink', () => {
  const site = siteUrls(entries);
  const production = { allowDrafts: false };

  it.each(['/bits/stable-softmax/', '/bits/stable-softmax/#why', '/tags/llm/?x=1', '/', '/rss.xml', '/cheatsheets/basics/', '/bits/index.html', '/sitemap-index.xml'])(
    'accepts %s',
    (url) => {
      expect(checkRootLink(url, site, production)).toEqual({ ok: true });
    },
  );

  it('accepts a link that already carries the base path', () => {
    expect(checkRootLink('/garden/bits/stable-softmax/', site, { ...production, base: '/garden/' })).toEqual({ ok: true });
    expect(checkRootLink('/garden/', site, { ...production, base: '/garden' })).toEqual({ ok: true });
  });

  it('suggests the page a typo was meant for', () => {
    expect(checkRootLink('/bits/stable-sofmax/', site, production)).toEqual({
      ok: false,
      message: 'no page of the garden has this address (expected the address of a generated page, such as "/bits/stable-softmax/", got "/bits/stable-sofmax/")',
    });
  });

  it('suggests nothing when nothing is close', () => {
    expect(checkRootLink('/wiki/everything/', site, production)).toEqual({
      ok: false,
      message: 'no page of the garden has this address (expected the address of a generated page, got "/wiki/everything/")',
    });
  });

  it('asks for the trailing slash', () => {
    expect(checkRootLink('/shorts/kv-cache#formula', site, production)).toEqual({
      ok: false,
      message: 'expected "/shorts/kv-cache/#formula" (page addresses end with a slash), got "/shorts/kv-cache#formula"',
    });
  });

  it('rejects a link to a draft in production and accepts it where drafts are shown', () => {
    expect(checkRootLink('/bits/secret/', site, production)).toEqual({
      ok: false,
      message: '"/bits/secret/" is a draft, left out of the built site (expected a published page, got a draft)',
    });
    expect(checkRootLink('/bits/secret/', site, { allowDrafts: true })).toEqual({ ok: true });
    expect(checkRootLink('/tags/drafts-only/', site, production).ok).toBe(false);
  });

  it('decodes escapes before comparing', () => {
    const spaced = siteUrls({ ...entries, notes: [{ path: '/bits/café/' }] });
    expect(checkRootLink('/bits/caf%C3%A9/', spaced, production)).toEqual({ ok: true });
  });
});

describe('editDistance', () => {
  it.each<[string, string, number]>([
    ['', '', 0],
    ['python', 'python', 0],
    ['pyhton', 'python', 2],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s ↔ %s = %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('stops at the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(2);
    expect(editDistance('a', 'abcdefgh', 3)).toBe(3);
  });
});
