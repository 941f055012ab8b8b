/**
 * `npm run bench:graph`: the map of the garden (issue 20) on a generated garden
 * of 1,000 notes (bench/garden-generator.ts). Measures what the map costs the
 * build (the layout, the JSON it writes) and whether it stays smooth: frames
 * per second in this machine's Chromium while /graph/ is dragged across, fitted
 * and zoomed in, at 1280 px and on a 390 px phone, counted with
 * requestAnimationFrame. Also checks that a note page loads no graph code
 * before its map is scrolled into view. Redraws the "Map of the garden"
 * section of bench/RESULTS.md.
 *
 *   BENCH_NOTES=1000 BENCH_SECONDS=5 npm run bench:graph      (BENCH_NO_WRITE=1: measure only)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { writeGarden } from './garden-generator';
import { layoutGraph } from '../src/lib/graph/layout';
import type { GardenGraph } from '../src/lib/graph/model';
import { launchChromium } from '../tests/helpers/browser';
import { serveStatic } from '../tests/helpers/serve';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const NOTES = Number(process.env.BENCH_NOTES ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const RESULTS = join(ROOT, 'bench/RESULTS.md');
const GOAL_FPS = 50;

function build(content: string, outDir: string, cacheDir: string): Promise<{ seconds: number; log: string }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      env: { ...process.env, GARDEN_CONTENT: content, GARDEN_OUT_DIR: outDir, GARDEN_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('close', (code) => (code === 0 ? done({ seconds: (performance.now() - started) / 1000, log }) : fail(new Error(log.slice(-3000)))));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The layout's cost on its own, from the built graph with its positions wiped; and whether it gives the built file's bytes again. */
function layoutCost(built: string): { ms: number; same: boolean } {
  const graph = JSON.parse(built) as GardenGraph;
  const bare = { ...graph, nodes: graph.nodes.map((node) => ({ ...node, x: 0, y: 0 })) };
  const times: number[] = [];
  let same = true;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const text = JSON.stringify(layoutGraph(bare));
    times.push(performance.now() - started);
    same &&= text === built;
  }
  return { ms: median(times), same };
}

interface PanRun {
  case: string;
  fps: number;
  p95: number;
  worst: number;
  drawn: number;
  frames: number;
  /** Milliseconds of CPU per frame, all of Chromium's threads together. */
  cpuPerFrame: number;
}

/** Drags the map for `seconds`: a pointer moved on every animation frame, so every frame draws a new view. Returns the frames' times and how many views were drawn. */
function pan(page: Page, seconds: number, drive: boolean): Promise<{ frames: number[]; drawn: number }> {
  return page.evaluate(
    ({ seconds, drive }) =>
      new Promise<{ frames: number[]; drawn: number }>((done) => {
        const host = document.querySelector<HTMLElement>('garden-graph')!;
        const canvas = host.querySelector('canvas')!;
        const box = host.querySelector('.graph-frame')!.getBoundingClientRect();
        const middle = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        const fire = (type: string, step: number) =>
          drive &&
          canvas.dispatchEvent(
            // Round and round a circle, so the map stays in the frame.
            new PointerEvent(type, { pointerId: 1, pointerType: 'mouse', isPrimary: true, bubbles: true, buttons: type === 'pointerup' ? 0 : 1, clientX: middle.x + Math.cos(step / 20) * 120, clientY: middle.y + Math.sin(step / 20) * 80 }),
          );
        const frames: number[] = [];
        const views = new Set<string>();
        let step = 0;
        fire('pointerdown', 0);
        const tick = (time: number) => {
          frames.push(time);
          views.add(host.dataset.view!);
          fire('pointermove', ++step);
          if (time - frames[0]! < seconds * 1000) requestAnimationFrame(tick);
          else {
            fire('pointerup', step);
            done({ frames, drawn: views.size });
          }
        };
        requestAnimationFrame(tick);
      }),
    { seconds, drive },
  );
}

/**
 * Frames per second while panning /graph/ for SECONDS; then, in a second,
 * traced pass of 3 s, the CPU time Chromium's threads spent per frame (the
 * sum of their top-level tasks), which says what a frame costs whatever else
 * the machine is doing.
 */
async function panFps(browser: Browser, url: string, name: string, options: BrowserContextOptions, zoomClicks: number, drive = true): Promise<PanRun> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${url}/graph/`);
  await page.waitForSelector('garden-graph[data-state="ready"][data-view]');
  for (let click = 0; click < zoomClicks; click++) await page.getByRole('button', { name: 'Zoom in' }).click();
  const { frames, drawn } = await pan(page, SECONDS, drive);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'cc', 'viz', 'benchmark'] });
  const traced = await pan(page, 3, drive);
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { name: string; ph: string; tdur?: number }[] }).traceEvents;
  const cpu = events.filter((event) => event.ph === 'X' && event.name === 'RunTask').reduce((sum, event) => sum + (event.tdur ?? 0), 0) / 1000;
  await context.close();
  const gaps = frames.slice(1).map((time, at) => time - frames[at]!).sort((a, b) => a - b);
  const span = frames.at(-1)! - frames[0]!;
  return { case: name, fps: ((frames.length - 1) / span) * 1000, p95: gaps[Math.floor(gaps.length * 0.95)]!, worst: gaps.at(-1)!, drawn, frames: frames.length, cpuPerFrame: cpu / traced.frames.length };
}

/** The graph code a note page with a map requests before and after its map is scrolled into view; bytes as the files in `outDir`. */
async function notePageScripts(browser: Browser, url: string, page: string, outDir: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  const requested: string[] = [];
  tab.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await tab.goto(`${url}${page}`, { waitUntil: 'networkidle' });
  const before = [...requested];
  await tab.locator('garden-graph').scrollIntoViewIfNeeded();
  await tab.waitForSelector('garden-graph[data-state="ready"]');
  await context.close();
  const bytes = (paths: string[]) => paths.reduce((sum, path) => sum + statSync(join(outDir, path)).size, 0);
  const isGraph = (path: string) => /graph-view|garden\.json/.test(path);
  return { before: before.filter(isGraph).length, loader: bytes(before.filter((path) => /GraphMap/.test(path))), after: bytes(requested.slice(before.length).filter(isGraph)) };
}

async function main() {
  const dir = join(ROOT, `bench/.gardens/graph-${NOTES}`);
  const content = join(dir, 'content');
  const outDir = join(dir, 'dist');
  const cacheDir = join(dir, 'cache');
  mkdirSync(dir, { recursive: true });
  const load = loadavg()[0]!;
  // BENCH_REUSE=1 keeps the last run's garden and cache (a warm build, for measuring the browser side again); its build figures are not recorded.
  const reuse = process.env.BENCH_REUSE === '1' && existsSync(join(outDir, 'graph/garden.json'));
  if (!reuse) {
    writeGarden(content, NOTES);
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
  const { seconds, log } = await build(content, outDir, cacheDir);
  // Astro logs each page's time as "(+234ms)" or, past a second, "(+1.23s)".
  const logged = /\/graph\/garden\.json \(\+([\d.]+)(ms|s)\)/.exec(log);
  const routeMs = logged ? Number(logged[1]) * (logged[2] === 's' ? 1000 : 1) : NaN;
  if (!logged) console.log(log.split('\n').filter((line) => line.includes('graph')).join('\n'));
  const built = readFileSync(join(outDir, 'graph/garden.json'), 'utf8');
  const graph = JSON.parse(built) as GardenGraph;
  const layout = layoutCost(built);
  console.log(`${graph.nodes.length} notes, ${graph.edges.length} links; cold build ${seconds.toFixed(1)} s, /graph/garden.json route ${routeMs} ms, layout alone ${layout.ms.toFixed(0)} ms, same bytes again: ${layout.same}`);

  const server = await serveStatic(outDir);
  const browser = await launchChromium();
  const runs: PanRun[] = [];
  const desktop = { viewport: { width: 1280, height: 800 } };
  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
  try {
    const cases = [
      ['baseline: 1280 px, the same page not panned', desktop, 0, false],
      ['1280 px, whole map', desktop, 0, true],
      ['1280 px, zoomed in ×2.7 (titles drawn)', desktop, 3, true],
      ['390 px phone (3× screen), whole map', phone, 0, true],
    ] as const;
    for (const [name, options, zoom, drive] of cases) {
      const run = await panFps(browser, server.url, name, options, zoom, drive);
      console.log(`  ${name}: ${run.fps.toFixed(1)} fps, p95 frame ${run.p95.toFixed(1)} ms, worst ${run.worst.toFixed(1)} ms, ${run.frames} frames, ${run.drawn} views drawn; CPU ${run.cpuPerFrame.toFixed(1)} ms a frame`);
      runs.push(run);
    }
    const notePage = graph.nodes.find((node) => node.collection === 'chapters')!.url;
    const scripts = await notePageScripts(browser, server.url, notePage, outDir);
    console.log(`  note page ${notePage}: graph requests before scrolling ${scripts.before}, loader ${scripts.loader} B; after: ${scripts.after} B`);
    if (process.env.BENCH_NO_WRITE !== '1' && !reuse) writeResults({ graph, built, seconds, routeMs, layout, runs, scripts, load });
  } finally {
    await browser.close();
    await server.close();
  }
}

function writeResults(result: { graph: GardenGraph; built: string; seconds: number; routeMs: number; layout: { ms: number; same: boolean }; runs: PanRun[]; scripts: { before: number; loader: number; after: number }; load: number }) {
  const { graph, built, runs, scripts } = result;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const section = [
    '<!-- bench:graph:start -->',
    '## Map of the garden',
    '',
    `\`npm run bench:graph\`, ${new Date().toISOString().slice(0, 10)}, a generated garden of ${graph.nodes.length.toLocaleString('en')} notes and ${graph.edges.length.toLocaleString('en')} links, ${cpus().length} × ${cpus()[0]?.model.trim()} shared with other builds (load ${result.load.toFixed(1)} at start), Debian's Chromium, headless, no GPU. Goal: ≥ ${GOAL_FPS} fps while panning.`,
    '',
    '| Panning /graph/ | Frames per second | 95th percentile frame | Worst frame | Frames / views drawn | CPU per frame (traced pass) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...runs.map((run) => `| ${run.case} | ${run.fps.toFixed(1)}${run.drawn <= 1 ? '' : run.fps >= GOAL_FPS ? ' (goal met)' : ' (**below goal**)'} | ${run.p95.toFixed(1)} ms | ${run.worst.toFixed(1)} ms | ${run.frames} / ${run.drawn} | ${run.cpuPerFrame.toFixed(1)} ms |`),
    '',
    '| Build cost | |',
    '| --- | --- |',
    `| cold build of the garden | ${result.seconds.toFixed(1)} s |`,
    `| /graph/garden.json route (load + layout + JSON), from Astro's log | ${result.routeMs} ms |`,
    `| d3-force layout alone (src/lib/graph/layout.ts as the build runs it), median of 3 | ${result.layout.ms.toFixed(0)} ms |`,
    `| same garden, same bytes | ${result.layout.same ? 'yes' : '**no**'} |`,
    `| /graph/garden.json | ${kb(built.length)}, ${kb(gzipSync(built).length)} gzipped |`,
    '',
    `A note page loads ${scripts.before} graph requests before its map is scrolled into view (only the ${scripts.loader} B loader, an IntersectionObserver); the map's script and data, ${kb(scripts.after)} uncompressed, come when it is.`,
    '<!-- bench:graph:end -->',
  ].join('\n');
  const text = readFileSync(RESULTS, 'utf8');
  const start = text.indexOf('<!-- bench:graph:start -->');
  const end = text.indexOf('<!-- bench:graph:end -->');
  const next = start === -1 ? `${text.trimEnd()}\n\n${section}\n` : `${text.slice(0, start)}${section}${text.slice(end + '<!-- bench:graph:end -->'.length)}`;
  writeFileSync(RESULTS, next);
}

await main();
