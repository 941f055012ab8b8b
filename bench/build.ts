/**
 * `npm run bench`: builds synthetic gardens of 1,000 and 3,000 notes (bench/garden-generator.ts)
 * through GARDEN_CONTENT, cold (no content cache, no dist), warm (nothing changed) and after
 * editing one note, and records wall time (median of BENCH_RUNS, default 3), ms per page, peak
 * memory (RSS), output bytes and pages, the JS and CSS each page template loads, and the HTML
 * weight (gzip) and DOM elements of the listing pages (/bits/, /shorts/, the largest tag; the
 * heaviest of each listing's pages) and of the listing indexes a filter fetches. Each run is appended to bench/build-history.json and the
 * "Build" section of bench/RESULTS.md is redrawn from it (other sections are left alone).
 *
 *   BENCH_SIZES=1000,3000 BENCH_RUNS=3 BENCH_LABEL="what changed" npm run bench
 *   BENCH_SIZES=10000 BENCH_RUNS=1 BENCH_PHASES=cold npm run bench   (opt-in: minutes per build)
 *   BENCH_NO_WRITE=1 … measures without recording.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGarden } from './garden-generator';
import { listingWeights, outputSize, pageWeight, templatePages } from './page-weight';
import { renderBuildSection } from './build-report';
import { buildHugoCold, findHugo, writeHugoSite } from './hugo';
import { timedRun } from './timed-run';
import type { BenchEntry, BuildRun, SizeResult } from './build-types';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const GARDENS = join(ROOT, 'bench/.gardens');
const HISTORY = join(ROOT, 'bench/build-history.json');
const RESULTS = join(ROOT, 'bench/RESULTS.md');

const SIZES = (process.env.BENCH_SIZES ?? '1000,3000').split(',').map(Number).filter((n) => n > 0);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const LABEL = process.env.BENCH_LABEL ?? 'current';
const PHASES = (process.env.BENCH_PHASES ?? 'cold,warm,edit').split(',');

export type { BenchEntry, BuildRun, SizeResult };

const HUGO = PHASES.includes('cold') ? findHugo() : undefined;

function build(content: string, outDir: string, cacheDir: string): Promise<BuildRun> {
  return timedRun({
    name: `astro build of ${content}`,
    command: process.execPath,
    args: [ASTRO, 'build'],
    cwd: ROOT,
    env: { ...process.env, GARDEN_CONTENT: content, GARDEN_OUT_DIR: outDir, GARDEN_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmtS = (s: number) => `${s.toFixed(1)} s`;

async function benchSize(notes: number): Promise<SizeResult> {
  const dir = join(GARDENS, `perf-${notes}`);
  const content = join(dir, 'content');
  const outDir = join(dir, 'dist');
  const cacheDir = join(dir, 'cache');
  mkdirSync(dir, { recursive: true });
  const garden = writeGarden(content, notes);
  console.log(`garden of ${notes} notes: ${garden.bits} bits, ${garden.shorts} shorts, ${garden.chapters} chapters in ${garden.parts} parts, ${garden.facts} facts, ${garden.words} words`);
  const cold: BuildRun[] = [];
  const warm: BuildRun[] = [];
  const edit: BuildRun[] = [];
  const hugoDir = join(GARDENS, `perf-${notes}-hugo`);
  if (HUGO) writeHugoSite(content, hugoDir);
  const hugo: BuildRun[] = [];
  const log = (phase: string, run: BuildRun) => console.log(`  ${phase}: ${fmtS(run.seconds)}, peak ${(run.rss / 2 ** 20).toFixed(0)} MB  (load ${loadavg()[0]!.toFixed(2)})`);

  if (PHASES.includes('cold') || !existsSync(cacheDir)) {
    for (let i = 0; i < (PHASES.includes('cold') ? RUNS : 1); i++) {
      rmSync(cacheDir, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
      const run = await build(content, outDir, cacheDir);
      if (PHASES.includes('cold')) cold.push(run);
      log('cold', run);
      // Hugo right after ours, so both see about the same load.
      if (HUGO) {
        const hugoRun = await buildHugoCold(HUGO.bin, hugoDir);
        hugo.push(hugoRun);
        log(`Hugo cold (ratio ${(run.seconds / hugoRun.seconds).toFixed(2)})`, hugoRun);
      }
    }
  }
  if (PHASES.includes('warm')) {
    for (let i = 0; i < RUNS; i++) {
      const run = await build(content, outDir, cacheDir);
      warm.push(run);
      log('warm', run);
    }
  }
  const output = outputSize(outDir);
  const templates = templatePages(outDir).map(({ template, page }) => pageWeight(outDir, '/', page, template));
  const listings = listingWeights(outDir);

  if (PHASES.includes('edit')) {
    // Edit one bit (a new sentence each time), rebuild, and put the file back afterwards.
    const { readdirSync } = await import('node:fs');
    const bit = join(content, 'bits', readdirSync(join(content, 'bits')).sort()[0]!);
    const original = readFileSync(bit, 'utf8');
    try {
      for (let i = 0; i < RUNS; i++) {
        writeFileSync(bit, `${original}\nEdited for the benchmark, run ${i + 1}: the ${['first', 'second', 'third', 'next'][Math.min(i, 3)]} change.\n`);
        const run = await build(content, outDir, cacheDir);
        edit.push(run);
        log('edit one note', run);
      }
    } finally {
      writeFileSync(bit, original);
    }
  }
  const hugoResult = HUGO && hugo.length > 0 ? { version: HUGO.version, cold: hugo, output: outputSize(join(hugoDir, 'public')) } : undefined;
  return { notes, garden, cold, warm, edit, output, templates, listings, ...(hugoResult ? { hugo: hugoResult } : {}) };
}

async function main() {
  if (!PHASES.includes('cold')) console.log('no Hugo comparison: it is made on cold builds (BENCH_PHASES has no cold)');
  else console.log(HUGO ? `comparing with ${HUGO.version}` : 'no Hugo comparison: no `hugo` on PATH and no HUGO_BIN');
  const loadBefore = loadavg();
  const sizes: SizeResult[] = [];
  for (const notes of SIZES) sizes.push(await benchSize(notes));
  const entry: BenchEntry = {
    label: LABEL,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memory: totalmem(), node: process.version, nodeOptions: process.env.NODE_OPTIONS ?? '', loadBefore, loadAfter: loadavg() },
    runs: RUNS,
    sizes,
  };
  for (const size of sizes) {
    const pages = size.output.pages;
    const line = (name: string, runs: BuildRun[]) =>
      runs.length ? `${name} ${fmtS(median(runs.map((r) => r.seconds)))} (${((median(runs.map((r) => r.seconds)) * 1000) / pages).toFixed(1)} ms/page), peak ${(Math.max(...runs.map((r) => r.rss)) / 2 ** 20).toFixed(0)} MB` : '';
    console.log(`${size.notes} notes, ${pages} pages, ${(size.output.bytes / 2 ** 20).toFixed(1)} MB: ${[line('cold', size.cold), line('warm', size.warm), line('edit', size.edit)].filter(Boolean).join('; ')}`);
    if (size.hugo) console.log(`  Hugo: ${size.hugo.output.pages} pages, ${line('cold', size.hugo.cold)}; ours / Hugo, median cold: ${(median(size.cold.map((r) => r.seconds)) / median(size.hugo.cold.map((r) => r.seconds))).toFixed(2)}`);
  }
  if (process.env.BENCH_NO_WRITE) return;
  const history: BenchEntry[] = existsSync(HISTORY) ? JSON.parse(readFileSync(HISTORY, 'utf8')) : [];
  history.push(entry);
  writeFileSync(HISTORY, `${JSON.stringify(history, null, 1)}\n`);
  const results = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  writeFileSync(RESULTS, renderBuildSection(results, history));
  console.log(`recorded in ${HISTORY} and ${RESULTS}`);
}

await main();
