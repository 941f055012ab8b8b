/**
 * Result quality on the sample garden (content/), ours against Pagefind, the
 * last part of `npm run bench:search` (issue 22: "find at least as many wanted
 * notes as Pagefind does on the same site"). The sample is built with the real
 * `astro build`; each query below is one a reader might type, with the page
 * they want, written for this bench before either engine was run on them.
 *
 * Ours: the site-wide engine the header's dialog runs (src/lib/search/
 * site-engine.ts), reading the built index from dist/search, every hit ranked;
 * the wanted page's rank is its best entry's (a chapter's sections and facts
 * point into its page) within its kind, as the dialog groups results by kind.
 * Pagefind (when PAGEFIND_BIN is set): its JS API (`pagefind.search()`, then
 * `data()` of each result) over the same built site in Chromium; every page is
 * one result list, listing and tag pages included, as its default UI shows.
 * Found: the page is among the results; first, top 10: its rank.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js/basic';
import { buildGarden, OUTPUT, ROOT } from '../tests/helpers/build';
import { serveStatic } from '../tests/helpers/serve';
import { launchChromium } from '../tests/helpers/browser';
import { SiteSearch } from '../src/lib/search/site-engine';
import type { SearchManifest } from '../src/lib/search/shard-map';
import { findPagefind, preparePagefind } from './pagefind';

/** Query → the page wanted. */
const QUERIES: [query: string, wanted: string][] = [
  ['sarima seasonality', '/shorts/arima-and-sarima/'],
  ['shared kv heads groups', '/shorts/grouped-query-attention/'],
  ['kv cache memory size', '/shorts/kv-cache-formula/'],
  ['stable softmax overflow', '/bits/numerically-stable-softmax-and-log-sum-exp/'],
  ['weight decay adam', '/bits/adamw-decoupled-weight-decay/'],
  ['online variance', '/bits/welford-online-variance/'],
  ['reservoir sampling', '/bits/reservoir-sampling/'],
  ['cross encoder reranking', '/shorts/bi-encoder-vs-cross-encoder/'],
  ['hybrid retrieval bm25', '/shorts/bm25-vs-dense-hybrid-retrieval/'],
  ['hnsw graph search', '/shorts/hnsw-vector-search/'],
  ['kafka consumer ordering', '/shorts/kafka-partitions-consumer-groups/'],
  ['walk forward validation', '/shorts/walk-forward-validation/'],
  ['trend seasonal decomposition', '/shorts/stl-decomposition/'],
  ['top p nucleus sampling', '/shorts/sampling-temperature-top-k-top-p/'],
  ['strawberry letters tokenizer', '/shorts/llms-miscount-letters/'],
  ['elbo derivation', '/shorts/elbo-derivation/'],
  ['causal mask', '/bits/causal-mask-with-masked-fill/'],
  ['gradient clipping', '/bits/gradient-clipping-by-global-norm/'],
  ['low rank approximation svd', '/bits/truncated-svd-best-low-rank/'],
  ['broadcasting shapes', '/cheatsheets/ml-foundations/01-tensors/'],
  ['chain rule autograd', '/cheatsheets/ml-foundations/03-backward-pass/'],
  ['model card', '/cheatsheets/ml-foundations/10-model-cards/'],
  ['latest row per group sql', '/bits/latest-row-per-group-with-row-number/'],
  ['parquet columnar', '/shorts/parquet-vs-csv/'],
  ['agent tool loop', '/shorts/llm-agent-loop/'],
  ['imbalanced classes cross validation', '/bits/stratified-k-fold/'],
  ['interpolate missing values time series', '/shorts/time-series-interpolation/'],
  ['he init relu', '/bits/he-initialization-for-relu/'],
];

const pathOf = (url: string) => new URL(url, 'http://x').pathname;

/**
 * The wanted page's rank in ours (-1 when not found): within its kind, the best of its entries' ranks; and in one
 * list of pages as Pagefind gives them, every hit by score, each page counted once.
 */
async function ourRanks(search: SiteSearch, query: string, wanted: string): Promise<{ ours: number; oursPages: number }> {
  const outcome = await search.search(query);
  const entries = await search.entries(outcome.groups.flatMap((g) => g.hits.map((h) => h.entry)));
  const path = (entry: number) => pathOf(entries.get(entry)!.url);
  const ranks = outcome.groups.map((g) => g.hits.findIndex((h) => path(h.entry) === wanted)).filter((r) => r >= 0);
  const pages = [...new Set(outcome.groups.flatMap((g) => g.hits).sort((a, b) => b.score - a.score).map((h) => path(h.entry)))];
  return { ours: ranks.length > 0 ? Math.min(...ranks) : -1, oursPages: pages.indexOf(wanted) };
}

const build = await buildGarden('bench-search-sample', join(ROOT, 'content'));
if (build.code !== 0) throw new Error(build.output);
const read = (path: string) => JSON.parse(readFileSync(join(build.outDir, 'search', path), 'utf8')) as unknown;
const ours = new SiteSearch(read('manifest.json') as SearchManifest, Fuse, (kind, n) => Promise.resolve(read(`${kind}/${n}.json`)));
const rows: { query: string; ours: number; oursPages: number; pagefind?: number }[] = [];
for (const [query, wanted] of QUERIES) rows.push({ query, ...(await ourRanks(ours, query, wanted)) });

const PAGEFIND = findPagefind();
if (PAGEFIND) {
  const site = preparePagefind(PAGEFIND.bin, build.outDir, join(OUTPUT, 'bench-search-sample-pagefind'));
  const server = await serveStatic(site.root);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/pagefind-bench/`);
    for (const [i, [query, wanted]] of QUERIES.entries()) {
      const urls = await page.evaluate(async ({ q, bundle }) => {
        const pagefind = (await import(bundle)) as { search: (q: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }> };
        const found = await pagefind.search(q);
        return Promise.all(found.results.map(async (r) => (await r.data()).url));
      }, { q: query, bundle: '/pagefind/pagefind.js' });
      rows[i]!.pagefind = urls.map(pathOf).indexOf(wanted);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

const mark = (rank: number | undefined) => (rank === undefined ? '—' : rank < 0 ? 'not found' : String(rank + 1));
type Ranked = 'ours' | 'oursPages' | 'pagefind';
const count = (pick: (rank: number) => boolean, of: Ranked) => rows.filter((r) => r[of] !== undefined && pick(r[of]!)).length;
const tally = (of: Ranked) => `first ${count((r) => r === 0, of)}, top 10 ${count((r) => r >= 0 && r < 10, of)}, found ${count((r) => r >= 0, of)}`;
console.log(
  [
    '',
    `Result quality on the sample garden (${QUERIES.length} queries, each with the page wanted; rank of that page: ours within its kind, as the dialog groups results, and in one list of pages by score; ${PAGEFIND ? `${PAGEFIND.version} over the same built site, all pages in one list` : 'Pagefind not measured: PAGEFIND_BIN is not set'}):`,
    '',
    '| query | wanted | ours, within its kind | ours, one list of pages | Pagefind |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r, i) => `| ${r.query} | ${QUERIES[i]![1]} | ${mark(r.ours)} | ${mark(r.oursPages)} | ${mark(r.pagefind)} |`),
    `| all | | ${tally('ours')} | ${tally('oursPages')} | ${PAGEFIND ? tally('pagefind') : '—'} |`,
  ].join('\n'),
);
