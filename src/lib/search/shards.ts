/**
 * The site-wide search index, split so that a query downloads only what its
 * words need (why this split: ARCHITECTURE.md, "Search at scale"):
 *
 * - a small manifest: where each collection's entries start, and the first
 *   term of each term shard;
 * - term shards: the sorted dictionary of every collection together, cut into
 *   runs of about SHARD_BYTES, each with its terms' postings. A query word
 *   needs the shard(s) its prefix sorts into;
 * - word lists: the terms of each first letter, without postings. A word with
 *   no match as typed needs its letter's list, where Fuse looks for typos, and
 *   then only the shards of the terms Fuse found;
 * - entry chunks: what a result shows (title, url, summary, tags), CHUNK
 *   entries a file, fetched only for the results on screen.
 *
 * Entries are numbered across collections, in SEARCH_COLLECTIONS order, each
 * collection's run kept in its index order. Pure.
 */
import { SEARCH_COLLECTIONS, type SearchDocument } from './documents';
import { documentTerms, toEntry, type SearchEntry } from './build-index';
import { SHARDED_INDEX_VERSION, type CollectionRange, type EntryChunk, type SearchManifest, type TermShard, type WordList } from './shard-map';

export { chunksFor, shardOf, shardsForWord, typoList, SHARDED_INDEX_VERSION, type EntryChunk, type SearchManifest, type TermShard, type WordList } from './shard-map';

/** Raw bytes of terms and postings per term shard (gzip makes them about a third). */
export const SHARD_BYTES = 48_000;
/** Entries per display chunk: a first query shows up to 20 results, so chunks stay small. */
export const CHUNK = 32;
/** Characters of a summary a result may show (the snippet takes 160 of them). */
export const SUMMARY_CAP = 240;

export interface ShardedIndex {
  manifest: SearchManifest;
  shards: TermShard[];
  /** Per first character (manifest.letters), its terms. */
  words: WordList[];
  chunks: EntryChunk[];
}

/** A summary cut at a word boundary, so a result carries no more than it can show. */
function slimEntry(doc: SearchDocument): SearchEntry {
  const entry = toEntry(doc);
  if (entry.summary && entry.summary.length > SUMMARY_CAP) {
    const cut = entry.summary.lastIndexOf(' ', SUMMARY_CAP);
    entry.summary = `${entry.summary.slice(0, cut > 0 ? cut : SUMMARY_CAP)}…`;
  }
  return entry;
}

const postingBytes = (list: readonly number[]) => list.reduce((sum, code) => sum + String(code).length + 1, 0);

export function buildShardedIndex(documents: readonly SearchDocument[], options: { shardBytes?: number; chunk?: number } = {}): ShardedIndex {
  const shardBytes = options.shardBytes ?? SHARD_BYTES;
  const chunk = options.chunk ?? CHUNK;
  const ordered = SEARCH_COLLECTIONS.map((collection) => documents.filter((doc) => doc.collection === collection));
  const collections: CollectionRange[] = [];
  let start = 0;
  ordered.forEach((docs, i) => {
    collections.push({ collection: SEARCH_COLLECTIONS[i]!, start, count: docs.length });
    start += docs.length;
  });
  const all = ordered.flat();

  // Entries are visited in order, so each list is already sorted and can be delta-coded as it grows.
  const byTerm = new Map<string, { list: number[]; last: number }>();
  all.forEach((doc, entry) => {
    for (const [term, field] of documentTerms(doc)) {
      let postings = byTerm.get(term);
      if (!postings) byTerm.set(term, (postings = { list: [], last: 0 }));
      postings.list.push((entry - postings.last) * 4 + field);
      postings.last = entry;
    }
  });

  const shards: TermShard[] = [];
  let current: TermShard = { terms: [], postings: [] };
  let bytes = 0;
  const sorted = [...byTerm.keys()].sort();
  const letters: string[] = [];
  const words: WordList[] = [];
  for (const term of sorted) {
    if (term[0] !== letters.at(-1)) {
      letters.push(term[0]!);
      words.push({ terms: [] });
    }
    words.at(-1)!.terms.push(term);
  }
  for (const term of sorted) {
    const list = byTerm.get(term)!.list;
    const cost = term.length + 3 + postingBytes(list);
    if (current.terms.length > 0 && bytes + cost > shardBytes) {
      shards.push(current);
      current = { terms: [], postings: [] };
      bytes = 0;
    }
    current.terms.push(term);
    current.postings.push(list);
    bytes += cost;
  }
  if (current.terms.length > 0 || shards.length === 0) shards.push(current);

  const chunks: EntryChunk[] = [];
  for (let at = 0; at < all.length; at += chunk) chunks.push({ entries: all.slice(at, at + chunk).map(slimEntry) });
  if (chunks.length === 0) chunks.push({ entries: [] });

  return {
    manifest: { version: SHARDED_INDEX_VERSION, collections, shards: shards.map((shard) => shard.terms[0] ?? ''), letters, chunk },
    shards,
    words,
    chunks,
  };
}

