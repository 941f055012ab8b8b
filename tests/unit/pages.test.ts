import { describe, expect, it } from 'vitest';
import { bitPages, chapterPages, graphDataPages, partPages, searchIndexPages, shortPages, tagPages } from '../../src/lib/pages';
import { buildGraph } from '../../src/lib/graph/model';
import { NOTE_COLLECTIONS } from '../../src/lib/collections';
import { partsOverview, tagGroups, type BitItem, type ChapterItem, type QuizItem, type ShortItem } from '../../src/lib/garden';
import type { Garden } from '../../src/lib/load';
import type { IsoDate } from '../../src/lib/dates';
import type { TagSlug } from '../../src/lib/tags';
import { LISTING_PAGE_SIZE } from '../../src/lib/pagination';

const entry = (collection: string, id: string, body = 'Plain prose.') => ({ id, collection, data: {}, body, digest: `d-${id}`, rendered: { metadata: { gardenHtml: `/cache/${id}.html`, gardenMath: false } } });
const bit = (id: string, title: string): BitItem => ({ id, title, tags: ['numerics' as TagSlug], draft: false });
const short = (id: string, date: string): ShortItem => ({ id, title: `Short ${id}`, summary: 'One idea.', date: date as IsoDate, tags: [], track: 'llm', draft: false });
const chapter = (n: number): ChapterItem => ({ id: `basics/0${n}-c`, part: 'basics', chapter: n, title: `Chapter ${n}`, tags: n === 2 ? ['numerics' as TagSlug] : [], draft: false });

function garden(options: { bitTitles?: string[]; quizzes?: QuizItem[] } = {}): Garden {
  const bits = (options.bitTitles ?? ['Alpha', 'Beta', 'Gamma']).map((title, i) => ({ item: bit(`b${i}`, title), entry: entry('bits', `b${i}`) }));
  const shorts = [short('new', '2026-05-02'), short('old', '2026-01-01')].map((item) => ({ item, entry: entry('shorts', item.id, 'word '.repeat(440)) }));
  const chapters = [1, 2].map((n) => ({ item: chapter(n), entry: entry('chapters', chapter(n).id) }));
  const quizzes = options.quizzes ?? [{ chapter: 'basics/01-c', facts: [{ question: 'Why?', answer: 'Because.', explanation: 'It is so.' }] }];
  return {
    bits,
    shorts,
    chapters,
    parts: partsOverview([{ id: 'basics', number: 1, title: 'Basics' }], chapters.map((c) => c.item), quizzes),
    quizzes,
    tags: tagGroups({ bits: bits.map((b) => b.item), shorts: shorts.map((s) => s.item), chapters: chapters.map((c) => c.item) }),
    links: {
      backlinks: new Map([['bits/b1', [{ key: 'bits/b0', title: 'Alpha', url: '/bits/b0/', collection: 'bits' as const }]]]),
      related: new Map(),
      linksOut: new Set(['bits/b0']),
      graph: buildGraph(bits.map(({ item }) => ({ key: `bits/${item.id}`, title: item.title, url: `/bits/${item.id}/`, collection: 'bits' as const, tags: item.tags })), new Map([['bits/b0', ['bits/b1']]]), NOTE_COLLECTIONS),
    },
  } as unknown as Garden;
}

describe('page props', () => {
  it('shows a map on the pages of notes that link or are linked, and only there', () => {
    const [b0, b1, b2] = bitPages(garden(), 'code');
    expect([b0!.props.mapKey, b1!.props.mapKey, b2!.props.mapKey]).toEqual(['bits/b0', 'bits/b1', undefined]);
  });

  it("keys the map's data by the notes and links it is laid out from", () => {
    const [first] = graphDataPages(garden(), 'code');
    expect(first!.params).toEqual({ name: 'garden' });
    expect(graphDataPages(garden(), 'code')[0]!.cacheKey).toBe(first!.cacheKey);
    expect(graphDataPages(garden({ bitTitles: ['Alpha', 'Beta', 'Delta'] }), 'code')[0]!.cacheKey).not.toBe(first!.cacheKey);
    expect(graphDataPages(garden(), 'other code')[0]!.cacheKey).not.toBe(first!.cacheKey);
  });

  it('gives each bit its neighbours, backlinks and whether it links out', () => {
    const [first, middle] = bitPages(garden(), 'code');
    expect(first!.params).toEqual({ slug: 'b0' });
    expect(first!.props.previous).toBeUndefined();
    expect(first!.props.next).toEqual({ href: '/bits/b1/', title: 'Beta' });
    expect(first!.props.linksOut).toBe(true);
    expect(middle!.props.backlinks.map((b) => b.title)).toEqual(['Alpha']);
    expect(middle!.props.linksOut).toBe(false);
  });

  it('orders shorts newest first and labels their track', () => {
    const [newest, oldest] = shortPages(garden(), 'code', { llm: 'Large language models' });
    // The feed runs newest first: `previous` is the newer short, `next` the older one.
    expect(newest!.props.next?.title).toBe('Short old');
    expect(newest!.props.previous).toBeUndefined();
    expect(oldest!.props.previous?.title).toBe('Short new');
    expect(newest!.props.trackLabel).toBe('Large language models');
    expect(newest!.props.minutes).toBe(2);
  });

  it('gives a chapter its part, its facts and the chapters beside it', () => {
    const [one, two] = chapterPages(garden(), 'code');
    expect(one!.params).toEqual({ part: 'basics', chapter: '01-c' });
    expect(one!.props.part).toEqual({ id: 'basics', number: 1, title: 'Basics' });
    expect(one!.props.studied.flatMap((g) => g.facts.map((f) => f.question))).toEqual(['Why?']);
    expect(one!.props.next?.title).toBe('Ch 2: Chapter 2');
    expect(two!.props.studied).toEqual([]);
    expect(two!.props.partChapters).toEqual([
      { href: '/cheatsheets/basics/01-c/', title: 'Chapter 1', number: 1, current: false },
      { href: '/cheatsheets/basics/02-c/', title: 'Chapter 2', number: 2, current: true },
    ]);
  });
});

describe('tag pages', () => {
  it('say where each chapter of the tag sits: its part and number', () => {
    const [numerics] = tagPages(garden(), 'code');
    expect(numerics!.params).toEqual({ tag: 'numerics', page: 1 });
    expect(numerics!.props.notes.chapters.map((c) => c.id)).toEqual(['basics/02-c']);
    expect(numerics!.props.counts).toEqual({ bits: 3, shorts: 0, chapters: 1 });
    expect(numerics!.props.chapterPlaces).toEqual({ 'basics/02-c': 'Part 1: Basics · Chapter 2' });
  });

  it('cut a popular tag into pages, bits first, then shorts, then chapters, each entry once', () => {
    const many = garden({ bitTitles: Array.from({ length: LISTING_PAGE_SIZE + 2 }, (_, i) => `Bit ${i}`) });
    const pages = tagPages(many, 'code').filter((p) => p.params.tag === 'numerics');
    expect(pages.map((p) => p.params.page)).toEqual([1, 2]);
    const [first, second] = pages.map((p) => p.props);
    expect(first!.notes.bits).toHaveLength(LISTING_PAGE_SIZE);
    expect(first!.notes.chapters).toEqual([]);
    expect(second!.notes.bits.map((b) => b.title)).toEqual([`Bit ${LISTING_PAGE_SIZE}`, `Bit ${LISTING_PAGE_SIZE + 1}`]);
    expect(second!.notes.chapters.map((c) => c.id)).toEqual(['basics/02-c']);
    expect(second!.chapterPlaces).toEqual({ 'basics/02-c': 'Part 1: Basics · Chapter 2' });
    expect(first!.chapterPlaces).toEqual({});
    // Both pages name the tag's totals, not their own share.
    expect([first!.count, second!.count]).toEqual([LISTING_PAGE_SIZE + 3, LISTING_PAGE_SIZE + 3]);
    expect(second!.counts.bits).toBe(LISTING_PAGE_SIZE + 2);
    expect(second!.page).toEqual({ current: 2, last: 2, start: LISTING_PAGE_SIZE, total: LISTING_PAGE_SIZE + 3 });
  });
});

describe('page cache keys', () => {
  const keys = (g: Garden, code = 'code') => [...bitPages(g, code), ...chapterPages(g, code), ...partPages(g, code), ...tagPages(g, code), ...searchIndexPages(g, code)].map((p) => p.cacheKey);

  it('are stable for the same garden and code', () => {
    expect(keys(garden())).toEqual(keys(garden()));
    expect(new Set(keys(garden())).size).toBe(keys(garden()).length);
  });

  it('change for the pages that show a retitled bit, and only for them', () => {
    const before = bitPages(garden(), 'code').map((p) => p.cacheKey);
    const after = bitPages(garden({ bitTitles: ['Alpha', 'Beta, renamed', 'Gamma'] }), 'code').map((p) => p.cacheKey);
    // b1 itself and both its neighbours show its title; nothing else here does.
    expect(before.map((key, i) => key !== after[i])).toEqual([true, true, true]);
    const more = garden({ bitTitles: ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'] });
    const renamed = garden({ bitTitles: ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon, renamed'] });
    const changed = bitPages(more, 'code').map((p, i) => p.cacheKey !== bitPages(renamed, 'code')[i]!.cacheKey);
    expect(changed).toEqual([false, false, false, true, true]);
  });

  it('change for the chapter, part and fact index when a quiz fact is added', () => {
    const extra = garden({ quizzes: [{ chapter: 'basics/01-c', facts: [{ question: 'Why?', answer: 'Because.', explanation: 'It is so.' }, { question: 'How?', answer: 'Thus.', explanation: 'Like that.' }] }] });
    const [one, two] = chapterPages(extra, 'code');
    const [oneBefore, twoBefore] = chapterPages(garden(), 'code');
    expect(one!.cacheKey).not.toBe(oneBefore!.cacheKey);
    expect(two!.cacheKey).toBe(twoBefore!.cacheKey);
    expect(partPages(extra, 'code')[0]!.cacheKey).not.toBe(partPages(garden(), 'code')[0]!.cacheKey);
    const index = (g: Garden) => Object.fromEntries(searchIndexPages(g, 'code').map((p) => [p.params.collection, p.cacheKey]));
    expect(index(extra).facts).not.toBe(index(garden()).facts);
    expect(index(extra).bits).toBe(index(garden()).bits);
  });

  it('all change with the code', () => {
    const before = keys(garden(), 'code-1');
    const after = keys(garden(), 'code-2');
    expect(before.every((key, i) => key !== after[i])).toBe(true);
  });
});
