/**
 * How the build's cache folder grows over edit builds: builds a synthetic
 * garden cold, then edits one note and rebuilds, `BENCH_EDITS` times (default
 * 10), and prints the size of the cache folder and the number of rendered-note
 * entries after the first and after the last edit build. A cache that keeps
 * only what the latest build used stays the same size however many edits.
 *
 *   BENCH_SIZE=1000 BENCH_EDITS=10 node --import ./scripts/ts-hooks.mjs bench/cache-growth.ts
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGarden } from './garden-generator';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const NOTES = Number(process.env.BENCH_SIZE ?? 1000);
const EDITS = Math.max(1, Number(process.env.BENCH_EDITS ?? 10));
const dir = join(ROOT, 'bench/.gardens', `growth-${NOTES}`);
const content = join(dir, 'content');
const cacheDir = join(dir, 'cache');
const outDir = join(dir, 'dist');

/** Bytes of every file under `folder`, and how many rendered-note entries (`.json` metadata files) garden-notes/ holds. */
export function folderFigures(folder: string): { bytes: number; files: number; noteEntries: number } {
  let bytes = 0;
  let files = 0;
  let noteEntries = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    bytes += statSync(path).size;
    files++;
    if (path.includes('/garden-notes/') && /\/[0-9a-f]{32}\.json$/.test(path)) noteEntries++;
  }
  return { bytes, files, noteEntries };
}

function build(): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    env: { ...process.env, GARDEN_CONTENT: content, GARDEN_OUT_DIR: outDir, GARDEN_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`astro build failed:\n${(result.stdout + result.stderr).slice(-4000)}`);
}

const show = (label: string) => {
  const { bytes, files, noteEntries } = folderFigures(cacheDir);
  console.log(`${label}: ${(bytes / 2 ** 20).toFixed(2)} MB in ${files} files, ${noteEntries} rendered-note entries`);
};

rmSync(dir, { recursive: true, force: true });
writeGarden(content, NOTES);
build();
show('cold build');
const bit = join(content, 'bits', readdirSync(join(content, 'bits')).sort()[0]!);
const original = readFileSync(bit, 'utf8');
for (let run = 1; run <= EDITS; run++) {
  writeFileSync(bit, `${original}\nEdited for the cache-growth benchmark, run ${run}.\n`);
  build();
  if (run === 1 || run === EDITS) show(`after edit build ${run}`);
}
