import { describe, expect, it } from 'vitest';
import Fuse from 'fuse.js/basic';
import { buildSearchIndex } from '../../src/lib/search/build-index';
import { SearchEngine } from '../../src/lib/search/engine';
import { SEARCH_COLLECTIONS, type SearchCollection, type SearchDocument } from '../../src/lib/search/documents';
import { buildShardedIndex, chunksFor, shardOf, shardsForWord, typoList, type ShardedIndex } from '../../src/lib/search/shards';
import { SiteSearch } from '../../src/lib/search/site-engine';
import { statusLine } from '../../src/lib/search/results';
import { seededRandom } from '../../src/lib/study/shuffle';

const WORDS = `attention softmax gradient descent temperature kernel tensor shape stride cache window latency quantile
sarima seasonality forecast residual encoder decoder bandwidth memory partition offset stream baseline metric
variance entropy divergence margin threshold calibration ensemble forest feature label leakage zebra quokka`.split(/\s+/);

/** A deterministic garden of `n` documents per collection, with words drawn from WORDS and a few made-up ones. */
function documents(n: number): SearchDocument[] {
  const random = seededRandom(11);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const words = (k: number) => Array.from({ length: k }, () => (random() < 0.2 ? `w${Math.floor(random() * 400)}x` : pick())).join(' ');
  return SEARCH_COLLECTIONS.flatMap((collection) =>
    Array.from({ length: n }, (_, i): SearchDocument => ({ collection, id: `${collection}-${i}`, url: `/${collection}/${i}/`, title: words(3), tags: [], summary: words(5), body: words(30) })),
  );
}

const DOCS = documents(60);

/** The index as the browser gets it: each part through JSON, fetches recorded. */
function served(index: ShardedIndex) {
  const fetched: string[] = [];
  const parts = { terms: index.shards.map((p) => JSON.stringify(p)), words: index.words.map((p) => JSON.stringify(p)), entries: index.chunks.map((p) => JSON.stringify(p)) };
  const search = new SiteSearch(JSON.parse(JSON.stringify(index.manifest)) as ShardedIndex['manifest'], Fuse, (kind, n) => {
    fetched.push(`${kind}/${n}`);
    return Promise.resolve(JSON.parse(parts[kind][n]!) as unknown);
  });
  return { search, fetched };
}

describe('sharded search index', () => {
  const index = buildShardedIndex(DOCS, { shardBytes: 600, chunk: 8 });

  it('cuts the sorted dictionary into several shards, each starting where the manifest says', () => {
    expect(index.shards.length).toBeGreaterThan(5);
    expect(index.manifest.shards).toEqual(index.shards.map((shard) => shard.terms[0]));
    const all = index.shards.flatMap((shard) => shard.terms);
    expect(all).toEqual([...all].sort());
    expect(new Set(all).size).toBe(all.length);
    expect(index.chunks.flatMap((chunk) => chunk.entries.map((entry) => entry.id))).toEqual(DOCS.map((doc) => doc.id));
  });

  it('reaches every term, and every term starting with a word, from the shards the word maps to', () => {
    const all = index.shards.flatMap((shard) => shard.terms);
    const missing: string[] = [];
    for (const [n, shard] of index.shards.entries()) {
      for (const term of shard.terms) {
        const wanted = shardsForWord(index.manifest, term);
        if (!wanted.includes(n)) missing.push(term);
        const reachable = new Set(wanted.flatMap((m) => index.shards[m]!.terms));
        for (const other of all) if (other.startsWith(term) && !reachable.has(other)) missing.push(`${term} → ${other}`);
      }
    }
    // Typos of a word are looked for among every term with its first letter, each of which is in the shard shardOf names.
    for (const term of all) {
      if (!index.words[typoList(index.manifest, `${term[0]}xyz`)]?.terms.includes(term)) missing.push(`typo list of ${term}`);
      if (!index.shards[shardOf(index.manifest, term)]!.terms.includes(term)) missing.push(`shard of ${term}`);
    }
    expect(index.words.flatMap((list) => list.terms)).toEqual(all);
    expect(missing).toEqual([]);
  });

  it('finds the same entries, in the same order, as the per-collection engine', async () => {
    const { search } = served(index);
    const engines = new Map(SEARCH_COLLECTIONS.map((c) => [c, new SearchEngine(JSON.parse(JSON.stringify(buildSearchIndex(c, DOCS, Fuse.createIndex))) as never, Fuse)]));
    for (const query of ['attention', 'softmax temperature', 'gradient descent', 'sarima seasonality', 'gradiant', 'w12x', 'ca']) {
      const outcome = await search.search(query);
      expect(outcome.partial).toBe(false);
      for (const group of outcome.groups) {
        const expected = engines.get(group.collection)!.search(query).hits.map((hit) => hit.entry.id);
        const entries = await search.entries(group.hits.map((hit) => hit.entry));
        expect(group.hits.map((hit) => entries.get(hit.entry)!.id), `${query} in ${group.collection}`).toEqual(expected);
        expect(group.total).toBe(expected.length);
      }
      // Asked for the best three of each kind, it ranks the same three and still counts them all.
      const top = search.searchLoaded(query, () => 3);
      expect(top.groups.map((group) => group.hits)).toEqual(outcome.groups.map((group) => group.hits.slice(0, 3)));
      expect(top.groups.map((group) => group.total)).toEqual(outcome.groups.map((group) => group.total));
    }
  });

  it('fetches only the shards a query needs, and the entry chunks of the results shown', async () => {
    const { search, fetched } = served(index);
    const outcome = await search.search('attention');
    expect(fetched).toEqual(shardsForWord(index.manifest, 'attention').map((n) => `terms/${n}`));
    expect(outcome.groups.some((group) => group.hits.length > 0)).toBe(true);
    fetched.length = 0;
    const shown = outcome.groups.flatMap((group) => group.hits.slice(0, 2).map((hit) => hit.entry));
    await search.entries(shown);
    expect(fetched).toEqual(chunksFor(index.manifest, shown).map((n) => `entries/${n}`));
    // A later query fetches only what it adds; a misspelt word also needs the shards of its first letter.
    fetched.length = 0;
    await search.search('attention softmax');
    const softmax = shardsForWord(index.manifest, 'softmax').filter((n) => !shardsForWord(index.manifest, 'attention').includes(n));
    expect(fetched).toEqual(softmax.map((n) => `terms/${n}`));
    fetched.length = 0;
    const typo = await search.search('quoka');
    expect([...typo.terms]).toEqual(['quokka']);
    // The shard "quoka" sorts into, the word list of "q", then the shard holding "quokka", once.
    const had = new Set(['attention', 'softmax'].flatMap((word) => shardsForWord(index.manifest, word).map((n) => `terms/${n}`)));
    const needed = new Set([...shardsForWord(index.manifest, 'quoka').map((n) => `terms/${n}`), `words/${typoList(index.manifest, 'quoka')}`, `terms/${shardOf(index.manifest, 'quokka')}`]);
    expect([...fetched].sort()).toEqual([...needed].filter((part) => !had.has(part)).sort());
  });

  it('asks again for a part whose download failed', async () => {
    let fail = true;
    const search = new SiteSearch(index.manifest, Fuse, (kind, n) => {
      if (fail) return Promise.reject(new Error('offline'));
      return Promise.resolve(kind === 'terms' ? index.shards[n] : kind === 'words' ? index.words[n] : index.chunks[n]);
    });
    await expect(search.search('attention')).rejects.toThrow('offline');
    fail = false;
    await expect(search.search('attention')).resolves.toMatchObject({ partial: false });
  });
});

describe('when no entry holds every word', () => {
  const doc = (collection: SearchCollection, id: string, title: string, body = ''): SearchDocument => ({ collection, id, url: `/${id}/`, title, tags: [], body });
  const docs = [
    doc('bits', 'sarima', 'SARIMA models', 'seasonal differencing and a trend'),
    doc('bits', 'seasons', 'Seasonality by hand', 'remove the seasonality before fitting'),
    doc('bits', 'kv', 'KV cache', 'shared heads in groups'),
    doc('shorts', 'gqa', 'Grouped query attention', 'kv heads shared across groups of queries'),
    doc('chapters', 'unrelated', 'Broadcasting', 'shapes'),
  ];
  const { search } = served(buildShardedIndex(docs));

  it('ranks the entries holding the most words, and says so', async () => {
    const outcome = await search.search('sarima seasonality');
    expect(outcome.partial).toBe(true);
    expect(outcome.matched).toBe(1);
    const bits = outcome.groups.find((group) => group.collection === 'bits')!;
    expect(bits.hits.map((hit) => hit.entry).sort()).toEqual([0, 1]);
    const line = statusLine('sarima seasonality', { total: 2, partial: true, matched: 1, words: 2 });
    expect(line).toBe('No entry holds every word of “sarima seasonality”; showing 2 results with 1 of its 2 words.');
  });

  it('keeps only the entries with the most words when some hold more than others', async () => {
    const outcome = await search.search('shared kv heads groups zebra');
    expect(outcome.partial).toBe(true);
    expect(outcome.matched).toBe(4);
    const hits = outcome.groups.flatMap((group) => group.hits.map((hit) => hit.entry));
    // The KV-cache bit and the grouped-query short hold four of the five words; nothing else does.
    expect(hits.sort()).toEqual([2, 3]);
  });

  it('shows every-word matches alone when there are any, and nothing when no word matches', async () => {
    const full = await search.search('seasonality fitting');
    expect(full.partial).toBe(false);
    expect(full.groups.flatMap((group) => group.hits.map((hit) => hit.entry))).toEqual([1]);
    const none = await search.search('photosynthesis');
    expect(none.partial).toBe(false);
    expect(none.groups.every((group) => group.hits.length === 0)).toBe(true);
    expect(statusLine('photosynthesis', { total: 0, partial: false, matched: 0, words: 1 })).toBe('No results for “photosynthesis”.');
  });

  it('counts results as a reader writes them, by thousands', () => {
    expect(statusLine('attention', { total: 1, partial: false, matched: 1, words: 1 })).toBe('1 result for “attention”.');
    expect(statusLine('attention', { total: 12480, partial: false, matched: 1, words: 1 })).toBe('12,480 results for “attention”.');
    expect(statusLine('kv heads', { total: 2048, partial: true, matched: 1, words: 2 })).toBe('No entry holds every word of “kv heads”; showing 2,048 results with 1 of its 2 words.');
  });
});
