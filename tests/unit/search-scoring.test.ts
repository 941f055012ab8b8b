import { describe, expect, it } from 'vitest';
import Fuse from 'fuse.js/basic';
import { allowedErrors, FuzzyTerms, fuzzyQuality, TERM_FUSE_OPTIONS, typoPieces, WordScores } from '../../src/lib/search/scoring';
import { seededRandom } from '../../src/lib/study/shuffle';

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

/** Typo matching as it was before the pieces filter: Fuse over every term of the word's first letter and each length its typos allow. */
function fuseOverEveryTerm(terms: readonly string[], word: string): Map<number, number> {
  const found = new Map<number, number>();
  const errors = allowedErrors(word.length);
  for (let length = word.length - errors; length <= word.length + errors; length++) {
    const members = terms.flatMap((term, i) => (term[0] === word[0] && term.length === length ? [i] : []));
    const words = members.map((i) => terms[i]!);
    for (const result of new Fuse(words, TERM_FUSE_OPTIONS).search(word)) {
      const quality = fuzzyQuality(result.score ?? 1);
      if (quality > 0) found.set(members[result.refIndex]!, quality);
    }
  }
  return found;
}

describe('typo matching', () => {
  it('cuts a word into even runs that rebuild it', () => {
    expect(typoPieces('temperature', 4)).toEqual(['te', 'mpe', 'rat', 'ure']);
    for (const word of ['abcd', 'attention', 'a'.repeat(32)]) for (let count = 1; count <= 4; count++) expect(typoPieces(word, count).join('')).toBe(word);
  });

  it('allows the typos Fuse accepts: errors / length within the threshold', () => {
    for (let length = 1; length <= 64; length++) {
      let most = 0;
      while ((most + 1) / length <= TERM_FUSE_OPTIONS.threshold) most++;
      expect(allowedErrors(length)).toBe(most);
    }
  });

  it('finds exactly the terms, with the same quality, that Fuse finds over every term of the lengths a typo allows', () => {
    // Terms from a small alphabet, so that many are near one another; query words are terms with up to four edits, and long words.
    const random = seededRandom(5);
    const letter = () => 'abcdeinorst'[Math.floor(random() * 11)]!;
    const word = (length: number) => Array.from({ length }, letter).join('');
    const terms = [...new Set(Array.from({ length: 3000 }, () => word(4 + Math.floor(random() * 14))).concat(word(36), word(40)))];
    const edit = (text: string) => {
      const at = Math.floor(random() * text.length);
      const kind = Math.floor(random() * 3);
      return kind === 0 ? text.slice(0, at) + letter() + text.slice(at + 1) : kind === 1 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + letter() + text.slice(at);
    };
    const fuzzy = new FuzzyTerms(terms, Fuse);
    let found = 0;
    for (let i = 0; i < 400; i++) {
      let query = terms[Math.floor(random() * terms.length)]!;
      for (let edits = i % 5; edits > 0; edits--) query = edit(query);
      if (query.length < 4) continue;
      const expected = fuseOverEveryTerm(terms, query);
      expect(fuzzy.match(query), query).toEqual(expected);
      found += expected.size;
    }
    // The comparison is not empty: hundreds of typo matches compared.
    expect(found).toBeGreaterThan(200);
  });
});
