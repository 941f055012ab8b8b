/**
 * Pagefind over the same built site, for `npm run bench:search`
 * (bench/search-scale.ts): issue 22 states its search goals against Pagefind
 * measured in the same run. The binary is PAGEFIND_BIN (the `pagefind`
 * npm package's, installed outside the project); without it the bench says so
 * and measures only ours.
 *
 * The site under test is never written to: Pagefind reads it (`--site`) and
 * writes its bundle into a separate served copy, whose pages are hard links to
 * the built ones, beside a tiny page of our own (/pagefind-bench/). Pagefind
 * runs with its defaults (no data-pagefind-body on our pages, so it indexes
 * every page's whole <body>: notes, listing pages, tag pages).
 *
 * In the browser it is Pagefind's own default UI (/pagefind/pagefind-ui.js,
 * as Starlight ships it) with ten results to a page (`pageSize: 10`; its
 * default is 5) and everything else at its defaults, including its 300 ms
 * pause after typing: opening loads its stylesheet and script, the query is
 * typed, and the time runs until ten results show their titles (or all of
 * them, when fewer match). Bytes are every request from opening on, on the
 * wire (its index and fragment files come gzipped from Pagefind itself).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Request } from 'playwright-core';
import { outputSize } from './page-weight';

export interface PagefindSite {
  /** The folder to serve: the built site's pages (hard links), Pagefind's bundle in /pagefind/, and /pagefind-bench/. */
  root: string;
  seconds: number;
  /** Pagefind's bundle on disk: its files and bytes (index and fragments are stored gzipped). */
  bundle: { bytes: number; files: number };
  /** Pagefind's own summary of what it indexed. */
  summary: string;
}

export interface PagefindQuery {
  bytes: number;
  /** Of which scripts (pagefind-ui.js, pagefind.js, its worker) and WebAssembly. */
  scripts: number;
  files: number;
  /** From opening the search to the results shown. */
  ms: number;
  /** Results shown when the time was taken: ten, or all when fewer match. */
  shown: number;
}

/** The Pagefind binary named by PAGEFIND_BIN and its version, or undefined. */
export function findPagefind(): { bin: string; version: string } | undefined {
  const bin = process.env.PAGEFIND_BIN;
  if (!bin) return undefined;
  try {
    return { bin, version: execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim() };
  } catch (error) {
    throw new Error(`PAGEFIND_BIN=${bin} does not run (${(error as Error).message.split('\n')[0]}); point it at the pagefind binary, e.g. node_modules/.bin/pagefind of an npm install of pagefind outside the project, or unset it to skip the comparison`);
  }
}

const BENCH_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Pagefind</title></head>
<body><main><h1>Pagefind</h1><div id="search"></div></main></body>
</html>
`;

/** Indexes the built site in `dist` with Pagefind and lays out the served copy in `root`. */
export function preparePagefind(bin: string, dist: string, root: string): PagefindSite {
  rmSync(root, { recursive: true, force: true });
  // Hard links: the copy costs no disk, and nothing is written into `dist` (new files only go to the copy).
  execFileSync('cp', ['-al', dist, root]);
  const start = performance.now();
  const log = execFileSync(bin, ['--site', dist, '--output-path', join(root, 'pagefind')], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  mkdirSync(join(root, 'pagefind-bench'));
  writeFileSync(join(root, 'pagefind-bench', 'index.html'), BENCH_PAGE);
  const summary = [...log.matchAll(/Indexed (\d+) (pages?|words?)/g)].map((m) => `${m[1]} ${m[2]}`).join(', ');
  const { bytes, files } = outputSize(join(root, 'pagefind'));
  return { root, seconds, bundle: { bytes, files }, summary };
}

/**
 * Bytes of a response on the wire. Chromium reports no size for the script a
 * worker is started from (pagefind-worker.js), so that one is gzipped here as
 * the server sent it (level 6, node:zlib's default, as tests/helpers/serve.ts).
 */
async function wireSize(request: Request): Promise<number> {
  const { responseBodySize } = await request.sizes();
  if (responseBodySize > 0) return responseBodySize;
  const response = await request.response();
  if (!response) return 0;
  const body = await response.body();
  return response.headers()['content-encoding'] === 'gzip' ? gzipSync(body).length : body.length;
}

/** A fresh page of the served copy: the search opened, `query` typed, timed until ten results (or all) show their titles. */
export async function pagefindQuery(browser: Browser, url: string, query: string, throttle: number): Promise<PagefindQuery> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/pagefind-bench/`);
  await page.waitForLoadState('networkidle');
  if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const fetched = { bytes: 0, scripts: 0, files: 0 };
  // On the context, so that requests of Pagefind's worker count too.
  context.on('requestfinished', (request) => {
    void wireSize(request).then((size) => {
      fetched.bytes += size;
      if (/\.js$|wasm\.[^/]+\.pagefind$/.test(new URL(request.url()).pathname)) fetched.scripts += size;
      fetched.files++;
    });
  });
  const opened = performance.now();
  await page.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const style = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/pagefind/pagefind-ui.css' });
        const script = Object.assign(document.createElement('script'), { src: '/pagefind/pagefind-ui.js' });
        script.onload = () => {
          const ui = (window as unknown as { PagefindUI: new (options: object) => unknown }).PagefindUI;
          new ui({ element: '#search', pageSize: 10, showImages: false });
          done();
        };
        script.onerror = () => fail(new Error('pagefind-ui.js did not load'));
        document.head.append(style, script);
      }),
  );
  await page.fill('.pagefind-ui__search-input', query);
  const shown = await page.waitForFunction(
    () => {
      const titles = document.querySelectorAll('.pagefind-ui__result-link').length;
      const total = Number(/(\d[\d,]*) results?/.exec(document.querySelector('.pagefind-ui__message')?.textContent ?? '')?.[1]?.replace(/,/g, '') ?? NaN);
      return titles > 0 && titles >= Math.min(10, total) ? titles : false;
    },
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
  const ms = performance.now() - opened;
  const count = (await shown.jsonValue()) as number;
  await page.waitForLoadState('networkidle');
  // Sizes arrive a moment after each request finishes.
  await page.waitForTimeout(200);
  await context.close();
  return { ...fetched, ms, shown: count };
}
