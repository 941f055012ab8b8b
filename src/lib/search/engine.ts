/**
 * Searching an index built by build-index.ts, in the browser (and in the
 * benchmark, which measures exactly this code). Each query word is matched
 * against the term dictionary: exactly, as a prefix or inside a longer term
 * (`mask` finds `masked_fill`), and, if it occurs nowhere as typed, with
 * typos through Fuse (Bitap, `ignoreLocation`) among the terms that share its
 * first letter and have a length its typo budget allows. An entry
 * matches when every query word matches one of its terms; its score adds,
 * per word, field weight × match quality × rarity of the term.
 * Fuse is passed in, so this module costs nothing until search is used.
 */
import type FuseClass from 'fuse.js';
import type { IFuseOptions } from 'fuse.js';
import { FIELD_WEIGHTS, SEARCH_FIELDS, SEARCH_INDEX_VERSION, type SearchEntry, type SearchIndexJson, type TermRecord } from './build-index';
import type { SearchCollection } from './documents';
import { queryWords } from './tokens';

type Fuse = typeof FuseClass;

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

const WEIGHTS = SEARCH_FIELDS.map((field) => FIELD_WEIGHTS[field]);

/** How well a term answers a query word, 0 (not at all) to 1 (the same word); typos count less than exact text. */
export function exactQuality(word: string, term: string): number {
  if (term === word) return 1;
  const at = term.indexOf(word);
  if (at === 0) return 0.7 + 0.2 * (word.length / term.length);
  if (at > 0 && word.length >= MIN_INFIX_LENGTH) return 0.5 + 0.2 * (word.length / term.length);
  return 0;
}

export function fuzzyQuality(fuseScore: number): number {
  return 0.45 * (1 - fuseScore);
}

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
  private readonly records: TermRecord[];
  private readonly termList: string[];
  private readonly postings: number[][];
  /** Every term between newlines, for one native `indexOf` scan per query word; `starts[i]` is where term i begins. */
  private readonly joined: string;
  private readonly starts: Int32Array;
  /** Term records grouped by first letter and length, made on first use; each group gets its own Fuse searcher. */
  private groups?: Map<string, TermRecord[]>;
  private readonly fuses = new Map<string, FuseClass<string>>();
  private readonly Fuse: Fuse;

  constructor(data: SearchIndexJson, Fuse: Fuse) {
    if (data.version !== SEARCH_INDEX_VERSION) throw new Error(`search index version ${String(data.version)}, expected ${SEARCH_INDEX_VERSION}`);
    this.collection = data.collection;
    this.entries = data.entries;
    this.records = data.terms.records;
    this.termList = this.records.map((record) => record.v);
    this.postings = data.postings;
    this.Fuse = Fuse;
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

  /** The Fuse searcher over the terms of one first letter and one length, from the prebuilt records (parsed, never rebuilt). */
  private fuseFor(letter: string, length: number): FuseClass<string> | undefined {
    if (!this.groups) {
      this.groups = new Map();
      for (const record of this.records) {
        const key = `${record.v[0]}${record.v.length}`;
        let group = this.groups.get(key);
        if (!group) this.groups.set(key, (group = []));
        group.push(record);
      }
    }
    const key = `${letter}${length}`;
    const records = this.groups.get(key);
    if (!records) return undefined;
    let fuse = this.fuses.get(key);
    if (!fuse) {
      fuse = new this.Fuse<string>(this.termList, TERM_FUSE_OPTIONS, this.Fuse.parseIndex<string>({ keys: [], records }));
      this.fuses.set(key, fuse);
    }
    return fuse;
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
    if (word.length < MIN_INFIX_LENGTH) {
      // Prefix only: binary search to the first term >= word, then walk the run.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (list[mid]! < word) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < list.length && list[i]!.startsWith(word); i++) matched.set(i, exactQuality(word, list[i]!));
      return matched;
    }
    for (let at = this.joined.indexOf(word); at !== -1; ) {
      const term = this.termAt(at);
      matched.set(term, exactQuality(word, list[term]!));
      at = this.joined.indexOf(word, this.starts[term + 1]!);
    }
    // Typos are looked for only when the word occurs nowhere as typed: "mask" should not also bring "mark".
    if (word.length >= MIN_FUZZY_LENGTH && matched.size === 0) {
      const errors = allowedErrors(word.length);
      for (let length = word.length - errors; length <= word.length + errors; length++) {
        for (const result of this.fuseFor(word[0]!, length)?.search(word) ?? []) {
          if (matched.has(result.refIndex)) continue;
          const quality = fuzzyQuality(result.score ?? 1);
          if (quality > 0) matched.set(result.refIndex, quality);
        }
      }
    }
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
    const total = new Float64Array(n);
    const count = new Uint8Array(n);
    const best = new Float64Array(n);
    for (const word of words) {
      best.fill(0);
      for (const [termIndex, quality] of this.matchWord(word)) {
        const list = this.postings[termIndex]!;
        const rarity = Math.log(1 + n / list.length);
        let entry = 0;
        let used = false;
        for (const code of list) {
          entry += code >> 2;
          if (only && !only(entry)) continue;
          const value = WEIGHTS[code & 3]! * quality * rarity;
          if (value > best[entry]!) best[entry] = value;
          used = true;
        }
        if (used) terms.add(this.termList[termIndex]!);
      }
      for (let i = 0; i < n; i++) {
        if (best[i]! > 0) {
          total[i]! += best[i]!;
          count[i]!++;
        }
      }
    }
    const hits: SearchHit[] = [];
    for (let i = 0; i < n; i++) if (count[i] === words.length) hits.push({ entry: this.entries[i]!, index: i, score: total[i]! });
    hits.sort((a, b) => b.score - a.score || a.index - b.index);
    return { hits, terms, words };
  }
}

export interface SearchGroup {
  collection: SearchCollection;
  /** The best `limit` hits. */
  hits: SearchHit[];
  /** Every hit, best first. */
  all: SearchHit[];
  total: number;
}

/** One query over several collections: per collection its best hits, collections in the order given. */
export function searchEverywhere(engines: readonly SearchEngine[], query: string, limit = 5): { groups: SearchGroup[]; terms: Set<string>; words: string[] } {
  const terms = new Set<string>();
  let words: string[] = [];
  const groups = engines.map((engine) => {
    const outcome = engine.search(query);
    words = outcome.words;
    for (const term of outcome.terms) terms.add(term);
    return { collection: engine.collection, hits: outcome.hits.slice(0, limit), all: outcome.hits, total: outcome.hits.length };
  });
  return { groups, terms, words };
}
