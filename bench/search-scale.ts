/**
 * Search at scale, the second half of `npm run bench:search`: builds a
 * generated garden (bench/garden-generator.ts) with the real `astro build`,
 * serves it gzipped as a static host does, and measures in Chromium what the
 * header's search dialog transfers (gzip bytes of scripts and index parts) and
 * how long results take for a first query on a fresh page and for later
 * queries on the same page, plainly and with 4× CPU throttling; then, in Node,
 * the query time once the parts are loaded (the engine the dialog runs).
 * Sizes: SEARCH_SCALE_SIZES (default 1000; 10000 is opt-in, about two minutes
 * and 1.5 GB to build). With PAGEFIND_BIN set, Pagefind indexes the same built
 * site and its default UI is measured in the same Chromium right after each of
 * our first queries, plainly and throttled (bench/pagefind.ts); without it the
 * bench says so. Figures go to bench/RESULTS.md, "Search at scale".
 *
 *   SEARCH_SCALE_SIZES=1000,10000 PAGEFIND_BIN=/path/to/pagefind npm run bench:search
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import Fuse from 'fuse.js/basic';
import type { Browser, Page } from 'playwright-core';
import { buildGarden, OUTPUT } from '../tests/helpers/build';
import { serveStatic } from '../tests/helpers/serve';
import { launchChromium } from '../tests/helpers/browser';
import { writeGarden } from './garden-generator';
import { SiteSearch } from '../src/lib/search/site-engine';
import type { SearchManifest } from '../src/lib/search/shard-map';
import { queryWords } from '../src/lib/search/tokens';
import { seededRandom } from '../src/lib/study/shuffle';
import { findPagefind, pagefindQuery, preparePagefind, type PagefindQuery } from './pagefind';

/** The issue's three queries, which Pagefind was measured with on the same kind of garden. */
const QUERIES = ['attention', 'gradient descent', 'softmax temperature'];
const SIZES = (process.env.SEARCH_SCALE_SIZES ?? '1000').split(',').map(Number);
const PAGEFIND = findPagefind();

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(p * values.length) - 1)]!;

interface Transfer {
  bytes: number;
  /** Of which scripts. */
  scripts: number;
  files: number;
  ms: number;
  /** From the end of the last index file's download to the results on screen. */
  afterData: number;
}

interface Fetched {
  bytes: number;
  scripts: number;
  files: number;
}

/** Types `query` into the open dialog and waits for its status line; what the page fetched since `fetched` was last emptied, gzip bytes on the wire. */
async function runQuery(page: Page, query: string, fetched: Fetched, start: number): Promise<Transfer> {
  // The moment the status line names the query, taken in the page by an observer (no polling delay).
  await page.evaluate((q) => {
    const status = document.querySelector('site-search [data-search-status]')!;
    const w = window as unknown as { statusAt?: number; since?: number };
    w.statusAt = undefined;
    w.since = performance.now();
    new MutationObserver((_, observer) => {
      if ((status.textContent ?? '').includes(`“${q}”`)) {
        w.statusAt = performance.now();
        observer.disconnect();
      }
    }).observe(status, { childList: true, characterData: true, subtree: true });
  }, query);
  await page.fill('site-search [data-search-input]', query);
  await page.waitForFunction(() => (window as unknown as { statusAt?: number }).statusAt !== undefined, undefined, { timeout: 60_000 });
  const elapsed = performance.now() - start;
  const afterData = await page.evaluate(() => {
    const w = window as unknown as { statusAt: number; since: number };
    const ends = performance
      .getEntriesByType('resource')
      .filter((r) => r.name.includes('/search/') && r.startTime >= w.since && (r as PerformanceResourceTiming).responseEnd <= w.statusAt)
      .map((r) => (r as PerformanceResourceTiming).responseEnd);
    return ends.length > 0 ? w.statusAt - Math.max(...ends) : Number.NaN;
  });
  await page.waitForLoadState('networkidle');
  // Sizes arrive a moment after each request finishes.
  await page.waitForTimeout(200);
  const transfer = { bytes: fetched.bytes, scripts: fetched.scripts, files: fetched.files, ms: elapsed, afterData };
  Object.assign(fetched, { bytes: 0, scripts: 0, files: 0 });
  return transfer;
}

/** A fresh page (empty cache); the dialog opened, then the first query and the others, one after another. */
async function session(browser: Browser, url: string, queries: readonly string[], throttle: number): Promise<Transfer[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.waitForLoadState('networkidle');
  if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const fetched: Fetched = { bytes: 0, scripts: 0, files: 0 };
  page.on('requestfinished', (request) => {
    void request.sizes().then((sizes) => {
      fetched.bytes += sizes.responseBodySize;
      if (request.url().endsWith('.js')) fetched.scripts += sizes.responseBodySize;
      fetched.files++;
    });
  });
  const opened = performance.now();
  await page.keyboard.press('/');
  const out: Transfer[] = [];
  for (const [i, query] of queries.entries()) out.push(await runQuery(page, query, fetched, i === 0 ? opened : performance.now()));
  await context.close();
  return out;
}

/** The site-wide index read from dist/ into the engine, every part loaded, and the time of queries made from the garden's titles. */
async function queryTimes(dist: string): Promise<{ p50: number; p95: number; count: number }> {
  const read = (path: string) => JSON.parse(readFileSync(join(dist, 'search', path), 'utf8')) as unknown;
  const manifest = read('manifest.json') as SearchManifest;
  const search = new SiteSearch(manifest, Fuse, (kind, n) => Promise.resolve(read(`${kind}/${n}.json`)));
  const titles = (await search.entries(Array.from({ length: manifest.collections.reduce((sum, c) => sum + c.count, 0) }, (_, i) => i))).values();
  const random = seededRandom(3);
  const pool = [...titles].map((entry) => entry.title.toLowerCase().split(/\s+/));
  const queries = Array.from({ length: 300 }, (_, i) => {
    const words = pool[Math.floor(random() * pool.length)]!;
    const n = 1 + (i % 3);
    const at = Math.floor(random() * Math.max(1, words.length - n));
    const picked = words.slice(at, at + n).join(' ');
    // Every fourth query has a typo: a dropped letter.
    return i % 4 === 3 && picked.length > 6 ? picked.slice(0, 3) + picked.slice(4) : picked;
  });
  for (const query of queries) await search.prepare(queryWords(query));
  const times = queries.map((query) => {
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      // As the dialog asks: the best five of each kind, and how many there are.
      search.searchLoaded(query, () => 5);
      best = Math.min(best, performance.now() - start);
    }
    return best;
  });
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), count: queries.length };
}

function indexOnDisk(dist: string) {
  const folder = join(dist, 'search');
  const gz = (path: string) => gzipSync(readFileSync(path), { level: 6 }).length;
  const files = (kind: string) => readdirSync(join(folder, kind)).map((name) => join(folder, kind, name));
  const terms = files('terms');
  const words = files('words');
  const entries = files('entries');
  return {
    terms: terms.length,
    entries: entries.length,
    gzip: [...terms, ...words, ...entries, join(folder, 'manifest.json')].reduce((sum, path) => sum + gz(path), 0),
    raw: [...terms, ...words, ...entries].reduce((sum, path) => sum + statSync(path).size, 0),
    manifest: gz(join(folder, 'manifest.json')),
    largestShard: Math.max(...terms.map(gz)),
    largestWords: Math.max(...words.map(gz)),
  };
}

const rows: string[] = [];
/** Ours and Pagefind's, query by query, when PAGEFIND_BIN is set. */
const against: string[] = [];
console.error(PAGEFIND ? `comparing with ${PAGEFIND.version}` : 'no Pagefind comparison: PAGEFIND_BIN is not set');
for (const size of SIZES) {
  const content = join(OUTPUT, `bench-search-${size}-content`);
  writeGarden(content, size);
  const buildStart = performance.now();
  const build = await buildGarden(`bench-search-${size}`, content);
  if (build.code !== 0) throw new Error(build.output);
  const buildSeconds = (performance.now() - buildStart) / 1000;
  const disk = indexOnDisk(build.outDir);
  const pagefind = PAGEFIND ? preparePagefind(PAGEFIND.bin, build.outDir, join(OUTPUT, `bench-search-${size}-pagefind`)) : undefined;
  if (pagefind) console.error(`Pagefind indexed ${pagefind.summary} in ${pagefind.seconds.toFixed(1)} s: ${pagefind.bundle.files} files, ${kb(pagefind.bundle.bytes)}`);
  const server = await serveStatic(build.outDir);
  const pagefindServer = pagefind ? await serveStatic(pagefind.root) : undefined;
  const browser = await launchChromium();
  try {
    const first: Transfer[] = [];
    const later: Transfer[] = [];
    const throttled: Transfer[] = [];
    for (const [i, query] of QUERIES.entries()) {
      const [one, ...rest] = await session(browser, server.url, [query, ...QUERIES.filter((q) => q !== query)], 1);
      first.push(one!);
      later.push(...rest);
      // Pagefind's first query right after ours, plainly and throttled, so both see about the same load.
      const theirs = pagefindServer ? await pagefindQuery(browser, pagefindServer.url, query, 1) : undefined;
      throttled.push((await session(browser, server.url, [query], 4))[0]!);
      const theirsThrottled = pagefindServer ? await pagefindQuery(browser, pagefindServer.url, query, 4) : undefined;
      console.error(`${size} notes, "${query}" (${i + 1}/${QUERIES.length}): first ${kb(one!.bytes)} in ${ms(one!.ms)} (${ms(one!.afterData)} after the data), later ${rest.map((t) => kb(t.bytes)).join(', ')}`);
      if (theirs && theirsThrottled) {
        const line = (t: Transfer | PagefindQuery) => `${kb(t.bytes)} (${t.files} files, scripts ${kb(t.scripts)})`;
        console.error(`  Pagefind: ${line(theirs)} in ${ms(theirs.ms)}, ${ms(theirsThrottled.ms)} throttled; ${theirs.shown} results shown`);
        against.push(`| ${size.toLocaleString('en')} | ${query} | ${line(one!)} | ${line(theirs)} | ${ms(one!.ms)} / ${ms(theirs.ms)} | ${ms(throttled.at(-1)!.ms)} / ${ms(theirsThrottled.ms)} |`);
      }
    }
    const times = await queryTimes(build.outDir);
    const range = (values: number[], format: (v: number) => string) => `${format(Math.min(...values))}–${format(Math.max(...values))}`;
    rows.push(
      `| ${size.toLocaleString('en')} | ${buildSeconds.toFixed(0)} s | ${disk.terms} shards + ${disk.entries} chunks, ${kb(disk.gzip)} gzip (largest shard ${kb(disk.largestShard)}, largest word list ${kb(disk.largestWords)}, manifest ${kb(disk.manifest)}) | ${range(first.map((t) => t.bytes), kb)} (${range(first.map((t) => t.files), String)} files; scripts ${range(first.map((t) => t.scripts), kb)}) | ${range(later.map((t) => t.bytes), kb)} | ${range(first.map((t) => t.ms), ms)} (after the data: ${range(first.map((t) => t.afterData), ms)}) | ${range(throttled.map((t) => t.ms), ms)} (after the data: ${range(throttled.map((t) => t.afterData), ms)}) | ${ms(times.p50)} / ${ms(times.p95)} |`,
    );
  } finally {
    await browser.close();
    await server.close();
    await pagefindServer?.close();
  }
  if (pagefind) against.push(`| ${size.toLocaleString('en')} | Pagefind's index: ${pagefind.summary}, built in ${pagefind.seconds.toFixed(1)} s, ${pagefind.bundle.files} files, ${kb(pagefind.bundle.bytes)} on disk | | | | |`);
}

console.log(
  [
    `Search at scale: the queries ${QUERIES.map((q) => `"${q}"`).join(', ')} typed into the header's dialog on a fresh page (first) and then one after another (later); gzip bytes on the wire of every request from opening the dialog to the results (scripts and index parts). Load average ${loadavg()[0]!.toFixed(2)} at the end.`,
    '',
    '| notes | build | index on disk | first query transfer | later query transfer | first query: results after opening the dialog | the same, 4× CPU throttling | query once loaded, as the dialog asks (best 5 per kind): p50 / p95 (300 queries, fastest of 3) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n'),
);
if (against.length > 0) {
  console.log(
    [
      '',
      `Against ${PAGEFIND!.version} over the same built site, in the same run and the same Chromium (bench/pagefind.ts: its default UI showing ten results, its 300 ms typing pause included; each of our first queries is followed by Pagefind's): the first query on a fresh page, from opening the search to the results shown.`,
      '',
      '| notes | query | first query transfer, ours | first query transfer, Pagefind | results after opening: ours / Pagefind | 4× CPU throttling: ours / Pagefind |',
      '| --- | --- | --- | --- | --- | --- |',
      ...against,
    ].join('\n'),
  );
}
