import { describe, expect, it } from 'vitest';
import { buildLinkTargets, type LinkTargetSource } from '../../src/lib/links/targets';
import { backlinks, outgoingLinks, relatedNotes, relatedNotesForAll } from '../../src/lib/links/graph';
import { gardenUrls } from '../../src/lib/urls';

const sources: LinkTargetSource[] = [
  { collection: 'bits', id: 'a', title: 'A', body: 'Links [[b]] and [[b]] again and [[shorts/c]] and itself [[a]].', tags: ['x', 'y'], date: '2026-01-01' },
  { collection: 'bits', id: 'b', title: 'B', body: 'Links [A](./a.md).', tags: ['x', 'y'], date: '2026-02-01' },
  { collection: 'shorts', id: 'c', title: 'C', body: 'Links [[missing]] and [[a]].', tags: ['x'], date: '2026-03-01' },
  { collection: 'shorts', id: 'd', title: 'D', body: '', tags: ['x', 'y'], date: '2026-04-01' },
  { collection: 'chapters', id: 'p/01-e', title: 'E', body: '', tags: ['z'] },
];
const targets = buildLinkTargets(sources, gardenUrls('/'));
const note = (id: string) => {
  const source = sources.find((s) => s.id === id)!;
  return { target: [...targets.values()].find((t) => t.id === id)!, path: `${source.collection}/${id}.md`, body: source.body };
};

describe('link targets for the graph', () => {
  it('can leave out the preview excerpts, which backlinks and related notes never show', () => {
    const lean = buildLinkTargets(sources, gardenUrls('/'), { excerpt: false });
    expect([...lean.values()].every((target) => target.excerpt === '')).toBe(true);
    expect(targets.get('bits/a')!.excerpt).not.toBe('');
    expect([...lean.values()].map(({ excerpt: _, ...rest }) => rest)).toEqual([...targets.values()].map(({ excerpt: _, ...rest }) => rest));
  });
});

describe('outgoingLinks', () => {
  it('lists each resolvable target once, in order, without the note itself', () => {
    expect(outgoingLinks(note('a'), targets)).toEqual(['bits/b', 'shorts/c']);
    expect(outgoingLinks(note('b'), targets)).toEqual(['bits/a']);
    expect(outgoingLinks(note('c'), targets)).toEqual(['bits/a']);
  });
});

describe('backlinks', () => {
  it('gives each note the notes that link to it, sorted by title', () => {
    const outgoing = new Map(['a', 'b', 'c', 'd'].map((id) => [note(id).target.key, outgoingLinks(note(id), targets)]));
    const incoming = backlinks(outgoing, targets);
    expect(incoming.get('bits/a')?.map((n) => n.title)).toEqual(['B', 'C']);
    expect(incoming.get('bits/b')?.map((n) => n.url)).toEqual(['/bits/a/']);
    expect(incoming.get('shorts/d')).toBeUndefined();
  });
});

describe('relatedNotes', () => {
  it('ranks by shared tags, then recency, and caps the list', () => {
    const a = targets.get('bits/a')!;
    expect(relatedNotes(a, targets.values()).map((n) => n.key)).toEqual(['shorts/d', 'bits/b', 'shorts/c']);
    expect(relatedNotes(a, targets.values(), 1).map((n) => n.key)).toEqual(['shorts/d']);
  });

  it('is empty for a note whose tags nobody shares', () => {
    expect(relatedNotes(targets.get('chapters/p/01-e')!, targets.values())).toEqual([]);
  });
});

describe('relatedNotesForAll', () => {
  it('gives every note the same list relatedNotes would', () => {
    const all = relatedNotesForAll(targets, 2);
    for (const target of targets.values()) {
      expect(all.get(target.key)).toEqual(relatedNotes(target, targets.values(), 2));
    }
    expect(all.get('bits/a')?.map((n) => n.key)).toEqual(['shorts/d', 'bits/b']);
  });

  it('agrees with relatedNotes on a larger garden full of ties: equal dates, equal titles, notes without a date', () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const collections = ['bits', 'shorts', 'chapters'] as const;
    const many: LinkTargetSource[] = Array.from({ length: 240 }, (_, i) => ({
      collection: collections[i % 3]!,
      id: i % 3 === 2 ? `p${next(4)}/${String(i).padStart(3, '0')}-n` : `n${i}`,
      title: ['Alpha', 'beta', 'Gamma', 'alpha', 'Éclair'][next(5)]!,
      body: '',
      tags: Array.from({ length: 1 + next(4) }, () => `t${next(12)}`),
      date: next(4) === 0 ? undefined : `2026-01-1${next(3)}`,
    }));
    const big = buildLinkTargets(many, gardenUrls('/'));
    const all = relatedNotesForAll(big);
    for (const target of big.values()) expect(all.get(target.key)).toEqual(relatedNotes(target, big.values()));
  });
});
