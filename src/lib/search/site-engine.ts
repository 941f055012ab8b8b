/**
 * The site-wide search over the sharded index (shards.ts), in the browser and
 * in the benchmark. A query loads only what its words need: the term shards
 * each word's prefix sorts into, then, for a word with no match as typed, the
 * word list of its first letter, where Fuse looks for typos, and the shards of
 * the terms it finds; once shown, the entry chunks of the results on screen. Scoring is the per-collection
 * engine's (scoring.ts): per word, field weight × match quality × rarity of
 * the term within the entry's collection. An entry matches when it holds every
 * word; when none does, the entries holding the most words are shown instead,
 * and the outcome says so (`partial`). Fetching is passed in (`load`).
 */
import type { SearchEntry } from './build-index';
import type { SearchCollection } from './documents';
import { FuzzyTerms, matchPrefix, MIN_FUZZY_LENGTH, rarity, WordScores, type Fuse } from './scoring';
import { chunksFor, shardOf, shardsForWord, SHARDED_INDEX_VERSION, typoList, type EntryChunk, type SearchManifest, type TermShard, type WordList } from './shard-map';
import { queryWords } from './tokens';

/** The kinds of file of the index: term shards, word lists (for typos), entry chunks. */
export type PartKind = 'terms' | 'words' | 'entries';
/** Fetches one file of the index: `terms` shard n, `words` list n or `entries` chunk n. */
export type LoadPart = (kind: PartKind, n: number) => Promise<unknown>;

export interface SiteHit {
  /** The entry's number across collections (what entries() takes). */
  entry: number;
  score: number;
}

export interface SiteGroup {
  collection: SearchCollection;
  /** The best hits, as many as asked for, best first (ties keep the collection's order). */
  hits: SiteHit[];
  /** Hits in all. */
  total: number;
}

export interface SiteOutcome {
  groups: SiteGroup[];
  /** Every dictionary term that matched a query word, for highlighting. */
  terms: Set<string>;
  words: string[];
  /** No entry holds every word: the hits hold `matched` of them, the most any entry holds. */
  partial: boolean;
  matched: number;
}


interface TermMatch {
  term: string;
  list: readonly number[];
  quality: number;
}

export class SiteSearch {
  private readonly parts = new Map<string, Promise<unknown>>();
  private readonly loadedShards = new Map<number, TermShard>();
  /** Per word list, Fuse over its terms, made when the list arrives. */
  private readonly typoMatchers = new Map<number, { terms: string[]; fuzzy: FuzzyTerms }>();
  /** The typo matches of each word met so far: Fuse runs once per word, in prepare(). */
  private readonly typoMatches = new Map<string, [term: string, quality: number][]>();
  private readonly size: number;
  readonly manifest: SearchManifest;
  private readonly Fuse: Fuse;
  private readonly load: LoadPart;

  constructor(manifest: SearchManifest, Fuse: Fuse, load: LoadPart) {
    this.manifest = manifest;
    this.Fuse = Fuse;
    this.load = load;
    if (manifest.version !== SHARDED_INDEX_VERSION) throw new Error(`search index version ${String(manifest.version)}, expected ${SHARDED_INDEX_VERSION}`);
    const last = manifest.collections.at(-1);
    this.size = last ? last.start + last.count : 0;
  }

  /** One file of the index, fetched once; a failed download may be retried by the next query. */
  private part(kind: PartKind, n: number): Promise<unknown> {
    const key = `${kind}/${n}`;
    let part = this.parts.get(key);
    if (!part) {
      part = this.load(kind, n);
      this.parts.set(key, part);
      part.catch(() => this.parts.delete(key));
    }
    return part;
  }

  private async shard(n: number): Promise<void> {
    const data = (await this.part('terms', n)) as TermShard;
    this.loadedShards.set(n, data);
  }

  /** The terms within `word`'s typo budget (word list of its first letter, then the shards of the terms found). */
  private async typos(word: string): Promise<void> {
    if (this.typoMatches.has(word)) return;
    const list = typoList(this.manifest, word);
    let found: [string, number][] = [];
    if (list >= 0) {
      let matcher = this.typoMatchers.get(list);
      if (!matcher) {
        const { terms } = (await this.part('words', list)) as WordList;
        matcher = this.typoMatchers.get(list) ?? { terms, fuzzy: new FuzzyTerms(terms, this.Fuse) };
        this.typoMatchers.set(list, matcher);
      }
      const { terms, fuzzy } = matcher;
      found = [...fuzzy.match(word)].map(([i, quality]) => [terms[i]!, quality]);
      await Promise.all(found.map(([term]) => this.shard(shardOf(this.manifest, term))));
    }
    this.typoMatches.set(word, found);
  }

  /** The terms of the loaded shards `ns` that start with `word`. */
  private prefixMatches(word: string, ns: readonly number[]): TermMatch[] {
    return ns.flatMap((n) => {
      const shard = this.loadedShards.get(n)!;
      return [...matchPrefix(shard.terms, word)].map(([i, quality]) => ({ term: shard.terms[i]!, list: shard.postings[i]!, quality }));
    });
  }

  /** Typos are looked for only when the word occurs nowhere as typed: "mask" should not also bring "mark". */
  private needsTypos(word: string): boolean {
    return word.length >= MIN_FUZZY_LENGTH && this.prefixMatches(word, shardsForWord(this.manifest, word)).length === 0;
  }

  /** Fetches every shard the words need (those already here are not fetched again). */
  async prepare(words: readonly string[]): Promise<void> {
    await Promise.all(words.flatMap((word) => shardsForWord(this.manifest, word)).map((n) => this.shard(n)));
    await Promise.all(words.filter((word) => this.needsTypos(word)).map((word) => this.typos(word)));
  }

  private matchWord(word: string): TermMatch[] {
    if (!this.needsTypos(word)) return this.prefixMatches(word, shardsForWord(this.manifest, word));
    return (this.typoMatches.get(word) ?? []).map(([term, quality]) => {
      const shard = this.loadedShards.get(shardOf(this.manifest, term))!;
      return { term, list: shard.postings[shard.terms.indexOf(term)]!, quality };
    });
  }

  /** The collection (its place in the manifest) an entry belongs to. */
  private collectionOf(entry: number): number {
    const ranges = this.manifest.collections;
    let at = 0;
    while (at < ranges.length - 1 && entry >= ranges[at + 1]!.start) at++;
    return at;
  }

  /** Per collection, the rarity of a term held by the entries of `list`. */
  private rarities(list: readonly number[]): number[] {
    const df = this.manifest.collections.map(() => 0);
    let entry = 0;
    for (const code of list) {
      entry += code >> 2;
      df[this.collectionOf(entry)]!++;
    }
    return this.manifest.collections.map((range, i) => (df[i]! > 0 ? rarity(range.count, df[i]!) : 0));
  }

  /**
   * The query over the shards already loaded (prepare() first); synchronous,
   * so it can be timed on its own. `limit(collection)`: how many of a kind's
   * hits to rank (the dialog shows five; sorting thousands it would not show
   * costs more than the search).
   */
  searchLoaded(query: string, limit: (collection: SearchCollection) => number = () => Infinity): SiteOutcome {
    const words = queryWords(query);
    const terms = new Set<string>();
    const scores = new WordScores(this.size);
    for (const word of words) {
      for (const match of this.matchWord(word)) {
        const weights = this.rarities(match.list);
        if (scores.addTerm(match.list, match.quality, (entry) => weights[this.collectionOf(entry)]!)) terms.add(match.term);
      }
      scores.endWord();
    }
    const most = scores.mostWords();
    const found = most > 0 ? scores.entriesMatching(most) : new Int32Array(0);
    let at = 0;
    const groups = this.manifest.collections.map(({ collection, start, count }) => {
      const wanted = limit(collection);
      const better = (a: SiteHit, b: SiteHit) => b.score - a.score || a.entry - b.entry;
      const hits: SiteHit[] = [];
      let total = 0;
      // `found` is in entry order and the collections' ranges follow one another.
      for (; at < found.length && found[at]! < start + count; at++) {
        const entry = found[at]!;
        total++;
        const hit = { entry, score: scores.total[entry]! };
        if (wanted === Infinity) hits.push(hit);
        else if (hits.length < wanted || better(hit, hits.at(-1)!) < 0) {
          // Keep the best `wanted`, sorted, by insertion: a handful of places, however many hits.
          let place = hits.length;
          while (place > 0 && better(hit, hits[place - 1]!) < 0) place--;
          hits.splice(place, 0, hit);
          if (hits.length > wanted) hits.pop();
        }
      }
      if (wanted === Infinity) hits.sort(better);
      return { collection, hits, total };
    });
    return { groups, terms, words, partial: most > 0 && most < words.length, matched: most };
  }

  async search(query: string, limit?: (collection: SearchCollection) => number): Promise<SiteOutcome> {
    await this.prepare(queryWords(query));
    return this.searchLoaded(query, limit);
  }

  /** What one entry shows, once the chunk holding it is here (fetched once, whoever asks first). */
  async entry(id: number): Promise<SearchEntry> {
    const chunk = (await this.part('entries', Math.floor(id / this.manifest.chunk))) as EntryChunk;
    return chunk.entries[id % this.manifest.chunk]!;
  }

  /** What the given entries show, fetching only the chunks that hold them. */
  async entries(ids: Iterable<number>): Promise<Map<number, SearchEntry>> {
    const wanted = [...ids];
    // Each chunk asked for once, in chunk order, before the entries are read from them.
    await Promise.all(chunksFor(this.manifest, wanted).map((n) => this.part('entries', n)));
    return new Map(await Promise.all(wanted.map(async (id) => [id, await this.entry(id)] as const)));
  }
}
