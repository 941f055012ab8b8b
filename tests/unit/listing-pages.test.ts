import { describe, expect, it } from 'vitest';
import { bitsListingIndex, bitsListingPages, listingCountText, listingNouns, shortsListingIndex, shortsListingPages, shortTracks } from '../../src/lib/listing-pages';
import { LISTING_PAGE_SIZE, type PageInfo } from '../../src/lib/pagination';
import { LISTING_SNIPPET_LIMIT } from '../../src/lib/listing';
import { gardenUrls } from '../../src/lib/urls';
import { applyFilter, EMPTY_FILTER } from '../../src/lib/search/filter-state';
import { listingSlices, listingSource, listingUrl } from '../../src/lib/listing-slices';
import type { BitItem, ShortItem } from '../../src/lib/collections';
import type { Garden } from '../../src/lib/load';
import type { IsoDate } from '../../src/lib/dates';
import type { TagSlug } from '../../src/lib/tags';

const tags = (...t: string[]) => t as TagSlug[];
const bit = (i: number): BitItem => ({ id: `b${i}`, title: `Bit ${i}`, tags: tags(i % 2 ? 'odd' : 'even', 'all'), draft: false, ...(i % 3 === 0 ? { why: `Because ${i}.` } : {}) });
const short = (i: number): ShortItem => ({ id: `s${i}`, title: `Short ${i}`, summary: `Idea ${i}.`, date: `2026-01-${String((i % 28) + 1).padStart(2, '0')}` as IsoDate, tags: tags(i % 2 ? 'odd' : 'even'), draft: false, ...(i % 4 === 0 ? { track: 'llm' } : {}) });
const entry = (collection: string, id: string) => ({ id, collection, data: {}, body: 'Body.', digest: `d-${id}`, rendered: { metadata: { gardenHtml: `/cache/${id}.html` } } });

function garden(bits: number, shorts: number): Garden {
  return {
    bits: Array.from({ length: bits }, (_, i) => ({ item: bit(i), entry: entry('bits', `b${i}`) })),
    shorts: Array.from({ length: shorts }, (_, i) => ({ item: short(i), entry: entry('shorts', `s${i}`) })),
  } as unknown as Garden;
}

describe('listing pages of /bits/ and /shorts/', () => {
  it('cut a large listing into pages that together hold every entry once, with the tags of the whole collection on each', () => {
    const pages = bitsListingPages(garden(LISTING_PAGE_SIZE * 2 + 5, 0), 'code');
    expect(pages.map((p) => p.params.page)).toEqual([1, 2, 3]);
    expect(pages.flatMap((p) => p.props.bits.map((b) => b.item.id))).toEqual(Array.from({ length: LISTING_PAGE_SIZE * 2 + 5 }, (_, i) => `b${i}`));
    for (const { props } of pages) expect(props.tags).toEqual([
      { tag: 'all', count: LISTING_PAGE_SIZE * 2 + 5 },
      { tag: 'even', count: LISTING_PAGE_SIZE + 3 },
      { tag: 'odd', count: LISTING_PAGE_SIZE + 2 },
    ]);
    expect(pages[2]!.props.page).toEqual({ current: 3, last: 3, start: LISTING_PAGE_SIZE * 2, total: LISTING_PAGE_SIZE * 2 + 5 });
    expect(new Set(pages.map((p) => p.cacheKey)).size).toBe(3);
  });

  it('show snippets only in a garden small enough for one page of them', () => {
    expect(LISTING_SNIPPET_LIMIT).toBeLessThanOrEqual(LISTING_PAGE_SIZE);
    expect(bitsListingPages(garden(LISTING_SNIPPET_LIMIT, 0), 'code').map((p) => p.props.snippets)).toEqual([true]);
    expect(bitsListingPages(garden(LISTING_SNIPPET_LIMIT + 1, 0), 'code').every((p) => !p.props.snippets)).toBe(true);
  });

  it('keep a small listing on one page, as before', () => {
    const [only, ...rest] = shortsListingPages(garden(0, 3), 'code', {});
    expect(rest).toEqual([]);
    expect(only!.props.page).toEqual({ current: 1, last: 1, start: 0, total: 3 });
    expect(only!.props.shorts.map((s) => s.id)).toEqual(['s0', 's1', 's2']);
  });

  it('label the tracks from the config, alphabetically, and fall back to the id', () => {
    const shorts = [short(0), { ...short(1), track: 'rag' }, short(2)];
    expect(shortTracks(shorts, { llm: 'Large language models' })).toEqual([
      { id: 'llm', label: 'Large language models' },
      { id: 'rag', label: 'rag' },
    ]);
  });
});

describe('the slim listing index', () => {
  const urls = gardenUrls('/garden/');

  it('holds every bit in listing order with what a compact card shows, under the base path', () => {
    const index = bitsListingIndex([0, 1].map((i) => ({ item: { ...bit(i), date: '2026-02-03' as IsoDate }, excerpt: `First lines of ${i}` })), urls);
    expect(index.tagBase).toBe('/garden/tags/');
    expect(index.entries).toEqual([
      { id: 'b0', title: 'Bit 0', tags: ['even', 'all'], url: '/garden/bits/b0/', date: '2026-02-03', why: 'Because 0.' },
      { id: 'b1', title: 'Bit 1', tags: ['odd', 'all'], url: '/garden/bits/b1/', date: '2026-02-03', excerpt: 'First lines of 1' },
    ]);
  });

  it('holds every short with its track, so the filter covers tags and tracks over the whole feed', () => {
    const items = Array.from({ length: 130 }, (_, i) => short(i));
    const index = shortsListingIndex(items, urls);
    expect(index.entries).toHaveLength(130);
    expect(index.entries[0]).toEqual({ id: 's0', title: 'Short 0', tags: ['even'], url: '/garden/shorts/s0/', date: '2026-01-01', summary: 'Idea 0.', track: 'llm' });
    expect(index.entries[1]).not.toHaveProperty('track');
    const llmOdd = applyFilter(index.entries, { ...EMPTY_FILTER, tags: ['even'], track: 'llm' });
    expect(llmOdd.map((e) => e.id)).toEqual(items.filter((_, i) => i % 4 === 0).map((s) => s.id));
    // Entries past the first static page are in reach of the filter too.
    expect(llmOdd.some((e) => Number(e.id.slice(1)) >= LISTING_PAGE_SIZE)).toBe(true);
  });
});

describe('slices of the listing index', () => {
  const urls = gardenUrls('/');
  const index = shortsListingIndex(Array.from({ length: 12 }, (_, i) => ({ ...short(i), tags: tags(i % 2 ? 'odd' : 'even', ...(i % 3 === 0 ? ['third'] : [])) })), urls);
  const counts: Record<string, number> = { even: 6, odd: 6, third: 4 };

  it('a filter with tags fetches the slice of its rarest tag, with a track alone that track, with a keyword alone the whole index', () => {
    expect(listingSource({ tags: ['even', 'third'], track: 'llm' }, (t) => counts[t]!)).toEqual({ facet: 'tag', key: 'third' });
    expect(listingSource({ tags: [], track: 'llm' }, (t) => counts[t]!)).toEqual({ facet: 'track', key: 'llm' });
    expect(listingSource({ tags: [], track: '' }, (t) => counts[t]!)).toBeUndefined();
    expect(listingUrl('/g/listing/shorts', { facet: 'tag', key: 'third' })).toBe('/g/listing/shorts/tag/third.json');
    expect(listingUrl('/g/listing/shorts')).toBe('/g/listing/shorts.json');
  });

  it('has a slice per tag and per track, each holding exactly its entries in listing order', () => {
    const slices = listingSlices(index);
    expect(slices.map((s) => `${s.facet}/${s.key}`)).toEqual(['tag/even', 'tag/odd', 'tag/third', 'track/llm']);
    for (const slice of slices) {
      const keep = slice.facet === 'tag' ? (e: (typeof index.entries)[number]) => (e.tags as readonly string[]).includes(slice.key) : (e: (typeof index.entries)[number]) => e.track === slice.key;
      expect(slice.index.entries).toEqual(index.entries.filter(keep));
      expect(slice.index.tagBase).toBe('/tags/');
    }
  });

  it('gives any filter the same matches from its slice as from the whole index', () => {
    for (const state of [
      { ...EMPTY_FILTER, tags: ['even', 'third'] },
      { ...EMPTY_FILTER, tags: ['odd'], track: 'llm' },
      { ...EMPTY_FILTER, track: 'llm' },
    ]) {
      const source = listingSource(state, (t) => counts[t]!)!;
      const slice = listingSlices(index).find((s) => s.facet === source.facet && s.key === source.key)!;
      expect(applyFilter(slice.index.entries, state)).toEqual(applyFilter(index.entries, state));
    }
  });
});

describe('listing count line', () => {
  const onePage: PageInfo = { current: 1, last: 1, start: 0, total: 26 };
  it("names a listing's entries as the collection registry does", () => {
    expect(listingNouns('bits')).toEqual({ noun: 'bit', nounPlural: 'bits' });
    expect(listingNouns('shorts')).toEqual({ noun: 'short', nounPlural: 'shorts' });
  });
  it('counts one page plainly, a paged listing with its page, and one entry in the singular', () => {
    expect(listingCountText('bits', onePage)).toBe('26 bits');
    expect(listingCountText('shorts', { ...onePage, current: 2, last: 3, total: 120 })).toBe('120 shorts, page 2 of 3');
    expect(listingCountText('bits', { ...onePage, total: 1 })).toBe('1 bit');
  });
});
