import { describe, expect, it } from 'vitest';
import { seededRandom, shuffled } from '../../src/lib/study/shuffle';

describe('shuffled', () => {
  it('returns a permutation and leaves the input alone', () => {
    const items = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8]);
    const result = shuffled(items, seededRandom(7));
    expect([...result].sort((a, b) => a - b)).toEqual([...items]);
    expect(result).not.toEqual([...items]);
  });

  it('is reproducible with the same random source', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(shuffled(items, seededRandom(42))).toEqual(shuffled(items, seededRandom(42)));
  });

  it('uses the random source as Fisher–Yates does', () => {
    // random() = 0 swaps each slot with the first: abcd -> dbca -> cbda -> bcda.
    expect(shuffled(['a', 'b', 'c', 'd'], () => 0)).toEqual(['b', 'c', 'd', 'a']);
    // Just below 1 always keeps each item in place.
    expect(shuffled(['a', 'b', 'c', 'd'], () => 0.999999)).toEqual(['a', 'b', 'c', 'd']);
    // A source that returns exactly 1 (out of contract) still yields a permutation.
    expect(shuffled(['a', 'b', 'c'], () => 1).sort()).toEqual(['a', 'b', 'c']);
  });

  it('handles empty and single lists', () => {
    expect(shuffled([], seededRandom(1))).toEqual([]);
    expect(shuffled(['only'], seededRandom(1))).toEqual(['only']);
  });

  it('puts every item first about equally often', () => {
    const random = seededRandom(2026);
    const firsts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const first = shuffled(['a', 'b', 'c', 'd'], random)[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    for (const count of firsts.values()) expect(Math.abs(count - 1000)).toBeLessThan(120);
    expect(firsts.size).toBe(4);
  });
});

describe('seededRandom', () => {
  it('stays in [0, 1)', () => {
    const random = seededRandom(0);
    for (let i = 0; i < 1000; i++) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
