/**
 * The shape of the sharded site-wide index and where a query finds its parts:
 * what the browser needs of it, without the builder (shards.ts), so the
 * search dialog's bundle stays free of the build's Markdown code.
 */
import type { SearchEntry } from './build-index';
import type { SearchCollection } from './documents';

export const SHARDED_INDEX_VERSION = 2;

export interface CollectionRange {
  collection: SearchCollection;
  start: number;
  count: number;
}

export interface SearchManifest {
  version: typeof SHARDED_INDEX_VERSION;
  collections: CollectionRange[];
  /** The first term of each term shard: shard i holds the terms from `shards[i]` up to (not including) `shards[i + 1]`. */
  shards: string[];
  /** The first characters of the terms, sorted: word list i holds every term starting with `letters[i]`, for typo matching. */
  letters: string[];
  /** Entries per chunk: entry n is in chunk `floor(n / chunk)`. */
  chunk: number;
}

/** The terms of one first character, without postings: where Fuse looks for typos of a word. */
export interface WordList {
  terms: string[];
}

export interface TermShard {
  /** Sorted. */
  terms: string[];
  /**
   * `postings[i]` lists the entries holding term `i`, in entry order, each as
   * `(entry - previous entry) * 4 + field` (field: 0 title, 1 tags, 2 summary, 3 body).
   */
  postings: number[][];
}

export interface EntryChunk {
  entries: SearchEntry[];
}

/** The last shard whose first term sorts at or before `text` (0 when `text` sorts before them all). */
function shardAt(firsts: readonly string[], text: string): number {
  let lo = 0;
  let hi = firsts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (firsts[mid]! <= text) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The shards a query word needs to match as typed (the terms that start with it): usually one, several when it is short. */
export function shardsForWord(manifest: Pick<SearchManifest, 'shards'>, word: string): number[] {
  const from = shardAt(manifest.shards, word);
  const to = shardAt(manifest.shards, `${word}\uffff`);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The shard holding `term` itself. */
export function shardOf(manifest: Pick<SearchManifest, 'shards'>, term: string): number {
  return shardAt(manifest.shards, term);
}

/** The word list where typos of `word` are looked for: the terms with its first letter (typos never touch it); -1 if there are none. */
export function typoList(manifest: Pick<SearchManifest, 'letters'>, word: string): number {
  return manifest.letters.indexOf(word.slice(0, 1));
}

/** The chunks holding the given entries. */
export function chunksFor(manifest: Pick<SearchManifest, 'chunk'>, entries: Iterable<number>): number[] {
  return [...new Set([...entries].map((entry) => Math.floor(entry / manifest.chunk)))].sort((a, b) => a - b);
}
