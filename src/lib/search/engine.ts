/**
 * Searching one collection's index built by build-index.ts (the /bits/ and
 * /shorts/ keyword filters), in the browser (and in the
 * benchmark, which measures exactly this code). Each query word is matched
 * against the term dictionary: exactly, as a prefix or inside a longer term
 * (`mask` finds `masked_fill`), and, if it occurs nowhere as typed, with
 * typos through Fuse (Bitap, `ignoreLocation`) among the terms that share its
 * first letter and have a length its typo budget allows. An entry
 * matches when every query word matches one of its terms; its score adds,
 * per word, field weight × match quality × rarity of the term.
 * Fuse is passed in, so this module costs nothing until search is used.
 */
import { SEARCH_INDEX_VERSION, type SearchEntry, type SearchIndexJson } from './build-index';
import type { SearchCollection } from './documents';
import { exactQuality, FuzzyTerms, matchPrefix, MIN_FUZZY_LENGTH, MIN_INFIX_LENGTH, rarity, WordScores, type Fuse } from './scoring';
import { queryWords } from './tokens';

export interface SearchHit {
  entry: SearchEntry;
  /** Position of the entry in its index (the build's order: newest first for bits and shorts). */
  index: number;
  score: number;
}

export interface SearchOutcome {
  hits: SearchHit[];
  /** Every dictionary term that matched a query word, for highlighting. */
  terms: Set<string>;
  words: string[];
}

export class SearchEngine {
  readonly collection: SearchCollection;
  readonly entries: SearchEntry[];
  private readonly termList: string[];
  private readonly postings: number[][];
  /** Every term between newlines, for one native `indexOf` scan per query word; `starts[i]` is where term i begins. */
  private readonly joined: string;
  private readonly starts: Int32Array;
  private readonly fuzzy: FuzzyTerms;

  constructor(data: SearchIndexJson, Fuse: Fuse) {
    if (data.version !== SEARCH_INDEX_VERSION) throw new Error(`search index version ${String(data.version)}, expected ${SEARCH_INDEX_VERSION}`);
    this.collection = data.collection;
    this.entries = data.entries;
    this.termList = data.terms.records.map((record) => record.v);
    this.postings = data.postings;
    this.fuzzy = new FuzzyTerms(this.termList, Fuse);
    this.joined = `\n${this.termList.join('\n')}\n`;
    this.starts = new Int32Array(this.termList.length + 1);
    let at = 1;
    this.termList.forEach((term, i) => {
      this.starts[i] = at;
      at += term.length + 1;
    });
    this.starts[this.termList.length] = at;
  }

  get termCount(): number {
    return this.termList.length;
  }

  /** The term whose text covers position `at` of `joined`. */
  private termAt(at: number): number {
    let lo = 0;
    let hi = this.termList.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Dictionary terms matching one query word, with the quality of each match:
   * the word itself, terms starting with it, terms containing it (from three
   * letters), and, when none of those exist and the word has four letters or
   * more, the terms Fuse finds within its typo budget among those with the
   * same first letter and a length the typos allow.
   */
  matchWord(word: string): Map<number, number> {
    const matched = new Map<number, number>();
    const list = this.termList;
    if (word.length < MIN_INFIX_LENGTH) return matchPrefix(list, word, matched);
    for (let at = this.joined.indexOf(word); at !== -1; ) {
      const term = this.termAt(at);
      matched.set(term, exactQuality(word, list[term]!));
      at = this.joined.indexOf(word, this.starts[term + 1]!);
    }
    // Typos are looked for only when the word occurs nowhere as typed: "mask" should not also bring "mark".
    if (word.length >= MIN_FUZZY_LENGTH && matched.size === 0) this.fuzzy.match(word, matched);
    return matched;
  }

  /**
   * Entries matching every word of `query`, best first (ties keep index
   * order). `only`, if given, says which entries may be returned (e.g. those
   * carrying the chosen tags); the others are never scored.
   */
  search(query: string, only?: (index: number) => boolean): SearchOutcome {
    const words = queryWords(query);
    const terms = new Set<string>();
    if (words.length === 0) return { hits: [], terms, words };
    const n = this.entries.length;
    const scores = new WordScores(n);
    for (const word of words) {
      for (const [termIndex, quality] of this.matchWord(word)) {
        const list = this.postings[termIndex]!;
        const weight = rarity(n, list.length);
        if (scores.addTerm(list, quality, () => weight, only)) terms.add(this.termList[termIndex]!);
      }
      scores.endWord();
    }
    const hits: SearchHit[] = [];
    for (const i of scores.entriesMatching(words.length)) hits.push({ entry: this.entries[i]!, index: i, score: scores.total[i]! });
    hits.sort((a, b) => b.score - a.score || a.index - b.index);
    return { hits, terms, words };
  }
}
