import { describe, expect, it } from 'vitest';
import { buildGraph, type GraphNoteSource } from '../../src/lib/graph/model';
import { GRAPH_LIST_PAGE_SIZE, GRAPH_LIST_PAGE_SIZE_ENV, graphListCountText, graphListPageSize, graphListPages, graphListStaticPages } from '../../src/lib/graph/list-pages';
import { NOTE_COLLECTIONS } from '../../src/lib/collections';

const LIST = '/graph/links/';

/** `bits` bits, `shorts` shorts and `chapters` chapters; note i of a collection links to the next two of the same collection. */
function garden(counts: { bits: number; shorts: number; chapters: number }) {
  const notes: GraphNoteSource[] = [];
  const outgoing = new Map<string, string[]>();
  for (const [collection, count] of Object.entries(counts) as [GraphNoteSource['collection'], number][]) {
    const key = (i: number) => `${collection}/n${String(i).padStart(3, '0')}`;
    for (let i = 0; i < count; i++) {
      notes.push({ key: key(i), title: `${collection} ${String(i).padStart(3, '0')}`, url: `/${collection}/n${i}/`, collection, tags: [] });
      outgoing.set(key(i), [key(i + 1), key(i + 2)]);
    }
  }
  return buildGraph(notes, outgoing, NOTE_COLLECTIONS);
}

describe("the map's text alternative, page by page", () => {
  const graph = garden({ bits: 23, shorts: 5, chapters: 4 });
  const pages = graphListPages(graph, LIST, 10);
  const flat = pages.flatMap((p) => p.groups.flatMap((g) => g.notes.map((note) => ({ collection: g.id, note }))));

  it('holds every note once, in order of collection then title, `pageSize` a page', () => {
    expect(pages.map((p) => p.groups.reduce((sum, g) => sum + g.notes.length, 0))).toEqual([10, 10, 10, 2]);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3, 4].map((current, i) => ({ current, last: 4, start: i * 10, total: 32 })));
    expect(flat.map(({ note }) => note.url)).toHaveLength(graph.nodes.length);
    expect(new Set(flat.map(({ note }) => note.url))).toEqual(new Set(graph.nodes.map((n) => n.url)));
    expect(flat.map(({ collection }) => collection)).toEqual([...Array(23).fill('bits'), ...Array(5).fill('shorts'), ...Array(4).fill('chapters')]);
    const bitTitles = flat.filter(({ collection }) => collection === 'bits').map(({ note }) => note.title);
    expect(bitTitles).toEqual([...bitTitles].sort());
  });

  it('keeps every link, each under the note it leaves, by title', () => {
    const links = flat.flatMap(({ note }) => note.linksTo.map((to) => `${note.url}>${to.url}`));
    expect(links.sort()).toEqual(graph.edges.map(([from, to]) => `${graph.nodes[from]!.url}>${graph.nodes[to]!.url}`).sort());
    expect(flat[0]!.note.linksTo.map((to) => to.title)).toEqual(['bits 001', 'bits 002']);
    // Only what the page shows: no keys, tags or positions in its props.
    expect(Object.keys(flat[0]!.note).sort()).toEqual(['linksTo', 'title', 'url']);
  });

  it('splits a collection over pages under its heading on each, and says where each collection is', () => {
    expect(pages[2]!.groups.map((g) => [g.id, g.notes.length])).toEqual([['bits', 3], ['shorts', 5], ['chapters', 2]]);
    const sections = pages[0]!.sections;
    expect(sections.map(({ id, first, last, count }) => ({ id, first, last, count }))).toEqual([
      { id: 'bits', first: 1, last: 3, count: 23 },
      { id: 'shorts', first: 3, last: 3, count: 5 },
      { id: 'chapters', first: 3, last: 4, count: 4 },
    ]);
    expect(sections.map((s) => s.href)).toEqual(['/graph/links/#graph-list-bits', '/graph/links/page/3/#graph-list-shorts', '/graph/links/page/3/#graph-list-chapters']);
    expect(sections.map((s) => s.place)).toEqual(['23 notes, pages 1–3', '5 notes, page 3', '4 notes, pages 3–4']);
    expect(pages.every((p) => p.sections === sections)).toBe(true);
    expect(graphListCountText(pages[1]!.page)).toBe('32 notes, page 2 of 4');
  });

  it('leaves out a collection with no notes', () => {
    const only = graphListPages(garden({ bits: 0, shorts: 3, chapters: 0 }), LIST, 10);
    expect(only).toHaveLength(1);
    expect(only[0]!.groups.map((g) => g.id)).toEqual(['shorts']);
    expect(only[0]!.sections.map((s) => s.id)).toEqual(['shorts']);
  });

  it('has one page for an empty garden', () => {
    expect(graphListPages(garden({ bits: 0, shorts: 0, chapters: 0 }), LIST)).toEqual([{ page: { current: 1, last: 1, start: 0, total: 0 }, groups: [], sections: [] }]);
  });
});

describe('the routes of /graph/links/', () => {
  it('are none while the list fits on /graph/', () => {
    const small = garden({ bits: GRAPH_LIST_PAGE_SIZE - 2, shorts: 1, chapters: 1 });
    expect(graphListPages(small, LIST)).toHaveLength(1);
    expect(graphListStaticPages(graphListPages(small, LIST), 'digest')).toEqual([]);
  });

  it('are page 1 at the list URL and page/<n>/ after, each keyed by what it shows', () => {
    const big = garden({ bits: GRAPH_LIST_PAGE_SIZE, shorts: 1, chapters: 0 });
    const routes = graphListStaticPages(graphListPages(big, LIST), 'digest');
    expect(routes.map((r) => r.params.page)).toEqual([undefined, 'page/2']);
    expect(routes[1]!.props.groups.map((g) => g.notes.length)).toEqual([1]);
    expect(new Set(routes.map((r) => r.cacheKey)).size).toBe(2);
    expect(graphListStaticPages(graphListPages(big, LIST), 'digest')[0]!.cacheKey).toBe(routes[0]!.cacheKey);
    expect(graphListStaticPages(graphListPages(big, LIST), 'another digest')[0]!.cacheKey).not.toBe(routes[0]!.cacheKey);
    // A renamed note changes its own page's key, not the other's.
    const renamed = garden({ bits: GRAPH_LIST_PAGE_SIZE, shorts: 1, chapters: 0 });
    renamed.nodes.find((n) => n.collection === 'shorts')!.title = 'A renamed short';
    const again = graphListStaticPages(graphListPages(renamed, LIST), 'digest');
    expect(again[0]!.cacheKey).toBe(routes[0]!.cacheKey);
    expect(again[1]!.cacheKey).not.toBe(routes[1]!.cacheKey);
  });
});

describe('the page size', () => {
  it('is the constant unless the environment sets a whole number', () => {
    expect(graphListPageSize({})).toBe(GRAPH_LIST_PAGE_SIZE);
    expect(graphListPageSize({ [GRAPH_LIST_PAGE_SIZE_ENV]: '' })).toBe(GRAPH_LIST_PAGE_SIZE);
    expect(graphListPageSize({ [GRAPH_LIST_PAGE_SIZE_ENV]: '10' })).toBe(10);
  });

  it.each(['0', '-3', '2.5', 'ten'])('refuses %s, naming the variable and the fix', (value) => {
    expect(() => graphListPageSize({ [GRAPH_LIST_PAGE_SIZE_ENV]: value })).toThrow(`${GRAPH_LIST_PAGE_SIZE_ENV}="${value}": the map's list needs a whole number of notes per page, 1 or more; unset it for the default, ${GRAPH_LIST_PAGE_SIZE}.`);
  });
});
