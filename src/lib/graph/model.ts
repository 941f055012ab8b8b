/**
 * The garden as a graph for the map (`/graph/` and each note's local map):
 * one node per note, one edge per link between two notes. Shared by the build,
 * which lays it out once (layout.ts), and the map's client script, which reads
 * it from /graph/garden.json; so this module imports nothing at run time.
 */
import type { NoteCollectionId } from '../collections';

/** What the map needs to know of a note. */
export interface GraphNoteSource {
  /** `bits/kv-cache`, as in the link graph (src/lib/links/graph.ts). */
  key: string;
  title: string;
  url: string;
  collection: NoteCollectionId;
  tags: readonly string[];
}

export interface GraphNode {
  key: string;
  title: string;
  url: string;
  collection: NoteCollectionId;
  tags: string[];
  /** Position from the build-time layout, in layout units; 0 until laid out. */
  x: number;
  y: number;
}

/** What /graph/garden.json holds. */
export interface GardenGraph {
  /** Note collections in registry order, for the map's filter. */
  collections: { id: NoteCollectionId; label: string }[];
  /** Sorted by key, so the same garden always gives the same file. */
  nodes: GraphNode[];
  /** Links as [from, to], indices into `nodes`, sorted; each pair once. */
  edges: [number, number][];
}

/**
 * The graph of a garden: nodes in key order, edges from `outgoing` (a note's
 * key → the keys it links to) that join two known notes, each once, sorted.
 */
export function buildGraph(
  notes: readonly GraphNoteSource[],
  outgoing: ReadonlyMap<string, readonly string[]>,
  collections: readonly { id: NoteCollectionId; label: string }[],
): GardenGraph {
  const sorted = [...notes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const index = new Map(sorted.map((note, at) => [note.key, at]));
  const pairs = new Set<number>();
  const edges: [number, number][] = [];
  for (const note of sorted) {
    const from = index.get(note.key)!;
    for (const key of outgoing.get(note.key) ?? []) {
      const to = index.get(key);
      if (to === undefined || to === from) continue;
      const pair = from * sorted.length + to;
      if (pairs.has(pair)) continue;
      pairs.add(pair);
      edges.push([from, to]);
    }
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    collections: collections.map(({ id, label }) => ({ id, label })),
    nodes: sorted.map(({ key, title, url, collection, tags }) => ({ key, title, url, collection, tags: [...tags], x: 0, y: 0 })),
    edges,
  };
}

/** For each node, the indices of the nodes it links to or is linked from. */
export function adjacency(graph: Pick<GardenGraph, 'nodes' | 'edges'>): number[][] {
  const next: number[][] = graph.nodes.map(() => []);
  for (const [from, to] of graph.edges) {
    next[from]!.push(to);
    next[to]!.push(from);
  }
  return next;
}

/**
 * The node at `centre` and every node within `hops` links of it, either way,
 * nearest first (then by index); at most `max` of them, so that a hub's map
 * stays readable.
 */
export function neighbourhood(neighbours: readonly (readonly number[])[], centre: number, hops = 2, max = Infinity): number[] {
  const found = [centre];
  const seen = new Set(found);
  let ring = [centre];
  for (let hop = 0; hop < hops && found.length < max; hop++) {
    const next = new Set<number>();
    for (const node of ring) for (const other of neighbours[node] ?? []) if (!seen.has(other)) next.add(other);
    ring = [...next].sort((a, b) => a - b);
    for (const node of ring) {
      if (found.length >= max) break;
      seen.add(node);
      found.push(node);
    }
  }
  return found;
}

/** What the reader chose to see: some collections, and at most one tag. */
export interface GraphFilter {
  collections: ReadonlySet<string>;
  /** Only notes with this tag; empty for every tag. */
  tag: string;
}

/** Whether the filter shows a node; `always` (the note whose map it is) is shown whatever the filter. */
export function isShown(node: Pick<GraphNode, 'collection' | 'tags'>, filter: GraphFilter, always = false): boolean {
  if (always) return true;
  return filter.collections.has(node.collection) && (filter.tag === '' || node.tags.includes(filter.tag));
}

/** Every tag on the given nodes, most used first, then by name. */
export function tagsOf(nodes: readonly Pick<GraphNode, 'tags'>[]): string[] {
  const counts = new Map<string, number>();
  for (const node of nodes) for (const tag of node.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([tag]) => tag);
}

/** The map's text alternative: per collection, its notes by title, each with the notes it links to, by title. */
export function linkListing(graph: GardenGraph): { id: NoteCollectionId; label: string; notes: { node: GraphNode; linksTo: GraphNode[] }[] }[] {
  const out: GraphNode[][] = graph.nodes.map(() => []);
  for (const [from, to] of graph.edges) out[from]!.push(graph.nodes[to]!);
  const byTitle = (a: GraphNode, b: GraphNode) => a.title.localeCompare(b.title);
  return graph.collections.map(({ id, label }) => ({
    id,
    label,
    notes: graph.nodes
      .map((node, index) => ({ node, linksTo: [...out[index]!].sort(byTitle) }))
      .filter(({ node }) => node.collection === id)
      .sort((a, b) => byTitle(a.node, b.node)),
  }));
}
