import { describe, expect, it } from 'vitest';
import { adjacency, buildGraph, isShown, linkListing, neighbourhood, tagsOf, type GraphNoteSource } from '../../src/lib/graph/model';
import { layoutGraph } from '../../src/lib/graph/layout';
import { NOTE_COLLECTIONS } from '../../src/lib/collections';

const note = (key: string, tags: string[] = []): GraphNoteSource => {
  const [collection, id] = key.split('/') as [GraphNoteSource['collection'], string];
  return { key, title: id.toUpperCase(), url: `/${collection}/${id}/`, collection, tags };
};

// a → b → c → d, e → a, and f on its own.
const notes = [note('bits/d'), note('bits/a', ['x']), note('shorts/b', ['x', 'y']), note('chapters/c', ['y']), note('shorts/e'), note('bits/f')];
const outgoing = new Map([
  ['bits/a', ['shorts/b', 'shorts/b', 'bits/missing']],
  ['shorts/b', ['chapters/c']],
  ['chapters/c', ['bits/d', 'chapters/c']],
  ['shorts/e', ['bits/a']],
]);
const graph = buildGraph(notes, outgoing, NOTE_COLLECTIONS);
const at = (key: string) => graph.nodes.findIndex((node) => node.key === key);
const keys = (indices: number[]) => indices.map((index) => graph.nodes[index]!.key);

describe('the garden as a graph', () => {
  it('has the notes in key order and each link between two known notes once', () => {
    expect(graph.nodes.map((node) => node.key)).toEqual(['bits/a', 'bits/d', 'bits/f', 'chapters/c', 'shorts/b', 'shorts/e']);
    expect(graph.edges.map(([from, to]) => `${graph.nodes[from]!.key}>${graph.nodes[to]!.key}`)).toEqual(['bits/a>shorts/b', 'chapters/c>bits/d', 'shorts/b>chapters/c', 'shorts/e>bits/a']);
    expect(graph.collections.map((c) => c.id)).toEqual(['bits', 'shorts', 'chapters']);
  });

  it('gives a note its links and backlinks up to two hops, nearest first', () => {
    const around = neighbourhood(adjacency(graph), at('shorts/b'), 2);
    expect(keys(around)[0]).toBe('shorts/b');
    expect(new Set(keys(around.slice(1, 3)))).toEqual(new Set(['bits/a', 'chapters/c']));
    expect(new Set(keys(around.slice(3)))).toEqual(new Set(['shorts/e', 'bits/d']));
    expect(keys(neighbourhood(adjacency(graph), at('shorts/e'), 2))).toEqual(['shorts/e', 'bits/a', 'shorts/b']);
    expect(keys(neighbourhood(adjacency(graph), at('bits/f'), 2))).toEqual(['bits/f']);
  });

  it('keeps at most `max` notes of a neighbourhood, the nearest', () => {
    expect(keys(neighbourhood(adjacency(graph), at('shorts/b'), 2, 3)).slice(0, 1)).toEqual(['shorts/b']);
    expect(neighbourhood(adjacency(graph), at('shorts/b'), 2, 3)).toHaveLength(3);
    expect(new Set(keys(neighbourhood(adjacency(graph), at('shorts/b'), 2, 3)))).toEqual(new Set(['shorts/b', 'bits/a', 'chapters/c']));
  });

  it('filters by collection and by tag, and always shows the map’s own note', () => {
    const onlyBits = { collections: new Set(['bits']), tag: '' };
    expect(graph.nodes.filter((node) => isShown(node, onlyBits)).map((node) => node.key)).toEqual(['bits/a', 'bits/d', 'bits/f']);
    const tagged = { collections: new Set(['bits', 'shorts', 'chapters']), tag: 'y' };
    expect(graph.nodes.filter((node) => isShown(node, tagged)).map((node) => node.key)).toEqual(['chapters/c', 'shorts/b']);
    expect(isShown(graph.nodes[at('bits/f')]!, tagged, true)).toBe(true);
    expect(tagsOf(graph.nodes)).toEqual(['x', 'y']);
  });

  it('lists every note with the notes it links to, for the text alternative', () => {
    const listing = linkListing(graph);
    expect(listing.map((group) => group.notes.length)).toEqual([3, 2, 1]);
    const a = listing[0]!.notes.find(({ node }) => node.key === 'bits/a')!;
    expect(a.linksTo.map((node) => node.key)).toEqual(['shorts/b']);
  });
});

describe('the layout', () => {
  it('is the same bytes for the same garden, whatever order the notes came in', () => {
    const again = buildGraph([...notes].reverse(), outgoing, NOTE_COLLECTIONS);
    expect(JSON.stringify(layoutGraph(again))).toBe(JSON.stringify(layoutGraph(graph)));
  });

  it('places every note, linked notes closer together than the rest', () => {
    const laid = layoutGraph(graph);
    expect(graph.nodes.every((node) => node.x === 0 && node.y === 0)).toBe(true);
    const distance = (a: number, b: number) => Math.hypot(laid.nodes[a]!.x - laid.nodes[b]!.x, laid.nodes[a]!.y - laid.nodes[b]!.y);
    for (const node of laid.nodes) expect(Number.isFinite(node.x) && Number.isFinite(node.y)).toBe(true);
    expect(new Set(laid.nodes.map((node) => `${node.x},${node.y}`)).size).toBe(laid.nodes.length);
    const linked = graph.edges.map(([a, b]) => distance(a, b));
    expect(Math.max(...linked)).toBeLessThan(distance(at('bits/a'), at('bits/f')) + distance(at('bits/d'), at('bits/f')));
    expect(Math.max(...linked)).toBeLessThan(distance(at('shorts/e'), at('bits/d')));
  });
});
