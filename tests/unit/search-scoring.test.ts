import { describe, expect, it } from 'vitest';
import { WordScores } from '../../src/lib/search/scoring';

/** Postings as the index codes them: (entry - previous entry) * 4 + field (0: title). */
const postings = (entries: number[], field = 0) => entries.map((entry, i) => (entry - (i > 0 ? entries[i - 1]! : 0)) * 4 + field);

describe('WordScores', () => {
  it('adds each word once per entry (its best term) and counts the words each entry matched', () => {
    const scores = new WordScores(10);
    scores.addTerm(postings([2, 7]), 1, () => 1);
    scores.addTerm(postings([2]), 0.5, () => 1);
    scores.endWord();
    scores.addTerm(postings([2, 5]), 1, () => 2);
    scores.endWord();
    expect([...scores.count]).toEqual([0, 0, 2, 0, 0, 1, 0, 1, 0, 0]);
    expect(scores.total[2]).toBeCloseTo(scores.total[7]! * 3);
    expect(scores.total[5]).toBeCloseTo(scores.total[7]! * 2);
    expect(scores.mostWords()).toBe(2);
  });

  it('lists the entries matching a number of words in entry order, whatever order they matched in', () => {
    const scores = new WordScores(10);
    scores.addTerm(postings([8, 9]), 1, () => 1);
    scores.addTerm(postings([1, 4]), 1, () => 1);
    scores.endWord();
    expect([...scores.entriesMatching(1)]).toEqual([1, 4, 8, 9]);
    expect([...scores.entriesMatching(2)]).toEqual([]);
  });

  it('finds nothing when no word matched', () => {
    const scores = new WordScores(3);
    scores.endWord();
    expect(scores.mostWords()).toBe(0);
    expect([...scores.entriesMatching(1)]).toEqual([]);
  });
});
