/**
 * What both search engines share: typo matching of a query word against a
 * term dictionary (Fuse over the terms of the word's first letter and a length
 * its typo budget allows), and adding up the entries' scores word by word.
 * engine.ts searches one collection's index (the listing filters);
 * site-engine.ts the sharded site-wide index.
 */
import type FuseClass from 'fuse.js';
import type { IFuseOptions } from 'fuse.js';
import { FIELD_WEIGHTS, SEARCH_FIELDS } from './build-index';

export type Fuse = typeof FuseClass;

/** Fuse options for matching one query word against the dictionary's terms. */
export const TERM_FUSE_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
  // Terms and query words are already folded to lowercase; no match ranges are needed.
  isCaseSensitive: true,
  minMatchCharLength: 1,
  shouldSort: false,
} satisfies IFuseOptions<string>;

/** Typos Fuse tolerates in a word of `length` letters at TERM_FUSE_OPTIONS.threshold (its score is errors / length). */
export function allowedErrors(length: number): number {
  return Math.floor(TERM_FUSE_OPTIONS.threshold * length + 1e-9);
}

/** Words shorter than this are matched exactly or as a prefix only: fuzzy two-letter words match everything. */
export const MIN_FUZZY_LENGTH = 4;
/** Words shorter than this do not match inside longer terms (`ra` would match `transformer`). */
export const MIN_INFIX_LENGTH = 3;

export const WEIGHTS = SEARCH_FIELDS.map((field) => FIELD_WEIGHTS[field]);

/** How well a term answers a query word, 0 (not at all) to 1 (the same word); typos count less than exact text. */
export function exactQuality(word: string, term: string): number {
  if (term === word) return 1;
  const at = term.indexOf(word);
  if (at === 0) return 0.7 + 0.2 * (word.length / term.length);
  if (at > 0 && word.length >= MIN_INFIX_LENGTH) return 0.5 + 0.2 * (word.length / term.length);
  return 0;
}

/** The terms of a sorted list that start with `word` (binary search to the first, then the run), with their quality. */
export function matchPrefix(sorted: readonly string[], word: string, into: Map<number, number> = new Map()): Map<number, number> {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && sorted[i]!.startsWith(word); i++) into.set(i, exactQuality(word, sorted[i]!));
  return into;
}

export function fuzzyQuality(fuseScore: number): number {
  return 0.45 * (1 - fuseScore);
}

/** Fuse's Bitap matches a word of up to this many letters as one pattern (longer ones piece by piece). */
const BITAP_MAX_LETTERS = 32;

/**
 * `word` cut into `count` runs of letters, as even as can be. A term within
 * `count - 1` edits of `word` holds at least one run unchanged (an edit
 * touches at most one run), so a term holding none of them is not a typo of
 * the word and Fuse need not look at it.
 */
export function typoPieces(word: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => word.slice(Math.floor((i * word.length) / count), Math.floor(((i + 1) * word.length) / count)));
}

/**
 * Typo matching over a list of terms: the terms are grouped by first letter
 * and length on first use, so a word is compared only with terms a typo could
 * turn it into, and, of those, only the ones holding a piece of it unchanged
 * (typoPieces) go to Fuse, which decides and scores as before: running Bitap
 * over every term of a length costs far more than a few `includes`.
 */
export class FuzzyTerms {
  private groups?: Map<string, number[]>;

  private readonly terms: readonly string[];
  private readonly Fuse: Fuse;

  constructor(terms: readonly string[], Fuse: Fuse) {
    this.terms = terms;
    this.Fuse = Fuse;
  }

  private group(letter: string, length: number): readonly number[] {
    if (!this.groups) {
      this.groups = new Map();
      this.terms.forEach((term, i) => {
        const key = `${term[0]}${term.length}`;
        let group = this.groups!.get(key);
        if (!group) this.groups!.set(key, (group = []));
        group.push(i);
      });
    }
    return this.groups.get(`${letter}${length}`) ?? [];
  }

  /** The terms within `word`'s typo budget, by their position in the list, with the quality of each match. */
  match(word: string, into: Map<number, number> = new Map()): Map<number, number> {
    if (word.length < MIN_FUZZY_LENGTH) return into;
    const errors = allowedErrors(word.length);
    // A longer word is matched by Fuse piece by piece, where the filter does not hold: every term holds the empty piece.
    const pieces = word.length <= BITAP_MAX_LETTERS ? typoPieces(word, errors + 1) : [''];
    const candidates: number[] = [];
    for (let length = word.length - errors; length <= word.length + errors; length++) {
      for (const i of this.group(word[0]!, length)) if (pieces.some((piece) => this.terms[i]!.includes(piece))) candidates.push(i);
    }
    if (candidates.length === 0) return into;
    const words = candidates.map((i) => this.terms[i]!);
    for (const result of new this.Fuse<string>(words, TERM_FUSE_OPTIONS, this.Fuse.createIndex([], words)).search(word)) {
      const term = candidates[result.refIndex]!;
      if (into.has(term)) continue;
      const quality = fuzzyQuality(result.score ?? 1);
      if (quality > 0) into.set(term, quality);
    }
    return into;
  }
}

/**
 * Scores of `n` entries, added up word by word: per word, an entry keeps its
 * best term (field weight × match quality × rarity); `count` says how many
 * words it matched. Only the entries a word touched are visited when it
 * closes, and `matched` lists those any word touched: at 10,000 notes a query
 * touches a few thousand of 22,000 entries, and before the code is warm every
 * pass over all of them costs milliseconds.
 */
export class WordScores {
  readonly total: Float64Array;
  readonly count: Uint8Array;
  private readonly best: Float64Array;
  /** Entries with a best term for the current word. */
  private touched: number[] = [];
  /** Entries that matched at least one word, in the order they first did. */
  readonly matched: number[] = [];

  readonly n: number;

  constructor(n: number) {
    this.n = n;
    this.total = new Float64Array(n);
    this.count = new Uint8Array(n);
    this.best = new Float64Array(n);
  }

  /** One term's postings for the current word; false when `only` let none of its entries through. */
  addTerm(list: readonly number[], quality: number, rarity: (entry: number) => number, only?: (entry: number) => boolean): boolean {
    let entry = 0;
    let used = false;
    for (const code of list) {
      entry += code >> 2;
      if (only && !only(entry)) continue;
      const value = WEIGHTS[code & 3]! * quality * rarity(entry);
      if (value > this.best[entry]!) {
        if (this.best[entry] === 0) this.touched.push(entry);
        this.best[entry] = value;
      }
      used = true;
    }
    return used;
  }

  /** Closes the current word: its best terms join the totals. */
  endWord(): void {
    const { best, total, count } = this;
    for (const entry of this.touched) {
      total[entry]! += best[entry]!;
      if (count[entry]!++ === 0) this.matched.push(entry);
      best[entry] = 0;
    }
    this.touched = [];
  }

  /** The most words any entry matched (0: none matched). */
  mostWords(): number {
    let most = 0;
    for (const entry of this.matched) if (this.count[entry]! > most) most = this.count[entry]!;
    return most;
  }

  /** The entries that matched exactly `words` words, in entry order. */
  entriesMatching(words: number): Int32Array {
    return Int32Array.from(this.matched.filter((entry) => this.count[entry] === words)).sort();
  }
}

/** Rarity of a term held by `df` of `n` entries: rare words weigh more. */
export const rarity = (n: number, df: number) => Math.log(1 + n / df);
