import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildGarden, OUTPUT, ROOT, type BuildResult } from '../helpers/build';
import { listFiles, read } from '../helpers/files';

/**
 * Two builds of the same garden give byte-identical output — here the second
 * one reuses the first one's cache (content store, rendered notes, checker
 * memo), so this also shows that a warm build writes exactly what a cold one
 * does. Nothing is excluded: no page carries a build time.
 */
const GARDEN = join(ROOT, 'tests/fixtures/good');
const CACHE = join(OUTPUT, 'perf-repro-cache');
let cold: BuildResult;
let warm: BuildResult;

beforeAll(async () => {
  rmSync(CACHE, { recursive: true, force: true });
  cold = await buildGarden('perf-repro-a', GARDEN, { GARDEN_CACHE_DIR: CACHE });
  warm = await buildGarden('perf-repro-b', GARDEN, { GARDEN_CACHE_DIR: CACHE });
}, 300_000);

describe('building the same garden twice', () => {
  it('succeeds both times, the second time from the cache', () => {
    expect(cold.code, cold.output).toBe(0);
    expect(warm.code, warm.output).toBe(0);
    expect(cold.output).toMatch(/\[garden-notes\] [1-9]\d* notes rendered/);
  });

  it('writes the same files with the same bytes', () => {
    const files = listFiles(cold.outDir);
    expect(files.length).toBeGreaterThan(20);
    expect(listFiles(warm.outDir)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(join(cold.outDir, file)).equals(readFileSync(join(warm.outDir, file))));
    expect(differing).toEqual([]);
  });

  it('shows each note body in the pages, read back from the note cache', () => {
    expect(read(cold.outDir, 'bits/stable-softmax/index.html')).toMatch(/<div class="prose" data-note-body><p>Shift by the maximum first:<\/p>/);
    expect(read(cold.outDir, 'index.html')).toContain('class="katex');
  });
});
