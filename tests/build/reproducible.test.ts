import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGarden, OUTPUT, ROOT, type BuildResult } from '../helpers/build';
import { listFiles, read } from '../helpers/files';

/**
 * Builds of the same garden give byte-identical output: a second build that
 * reuses the first one's cache (content store, rendered notes, checker memo)
 * writes exactly what the cold one did, and so does a third, cold again with a
 * cache of its own (notes rendered on other workers, in another order).
 * Nothing is excluded: no page carries a build time.
 */
const GARDEN = join(ROOT, 'tests/fixtures/good');
const CACHE = join(OUTPUT, 'perf-repro-cache');
let cold: BuildResult;
let warm: BuildResult;
let again: BuildResult;

beforeAll(async () => {
  rmSync(CACHE, { recursive: true, force: true });
  cold = await buildGarden('perf-repro-a', GARDEN, { GARDEN_CACHE_DIR: CACHE });
  warm = await buildGarden('perf-repro-b', GARDEN, { GARDEN_CACHE_DIR: CACHE });
  // Workers even for this small garden, so the cold builds do not both render in one thread.
  again = await buildGarden('perf-repro-c', GARDEN, { GARDEN_RENDER_WORKER_THRESHOLD: '1' });
}, 300_000);

describe('building the same garden twice', () => {
  it('succeeds both times, the second time from the cache', () => {
    expect(cold.code, cold.output).toBe(0);
    expect(warm.code, warm.output).toBe(0);
    expect(again.code, again.output).toBe(0);
    expect(cold.output).toMatch(/\[garden-notes\] [1-9]\d* notes rendered/);
    expect(again.output).toMatch(/\[garden-notes\] [1-9]\d* notes rendered/);
  });

  it.each([
    ['a warm build', () => warm],
    ['another cold build', () => again],
  ])('%s writes the same files with the same bytes', (_, other) => {
    const files = listFiles(cold.outDir);
    expect(files.length).toBeGreaterThan(20);
    expect(listFiles(other().outDir)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(join(cold.outDir, file)).equals(readFileSync(join(other().outDir, file))));
    expect(differing).toEqual([]);
  });

  it('builds the search index from the text kept in the note cache, not by parsing every body again', async () => {
    const kept = listFiles(CACHE).filter((file) => file.endsWith('.search.json'));
    expect(kept.length).toBeGreaterThan(5);
    // Plant a word in every kept text: a build that reads the cache puts it in the index.
    for (const file of kept) {
      const path = join(CACHE, file);
      const text = JSON.parse(readFileSync(path, 'utf8')) as { text?: string };
      if (text.text !== undefined) writeFileSync(path, JSON.stringify({ text: `${text.text} zyzzyvaplanted` }));
    }
    // The index pages themselves would be copied from the incremental page cache, whose keys the planted word does not touch.
    rmSync(join(CACHE, 'incremental-build.json'));
    const fromCache = await buildGarden('perf-repro-d', GARDEN, { GARDEN_CACHE_DIR: CACHE });
    expect(fromCache.code, fromCache.output).toBe(0);
    expect(read(fromCache.outDir, 'search/bits.json')).toContain('zyzzyvaplanted');
    expect(read(cold.outDir, 'search/bits.json')).not.toContain('zyzzyvaplanted');
  }, 120_000);

  it('shows each note body in the pages, read back from the note cache', () => {
    expect(read(cold.outDir, 'bits/stable-softmax/index.html')).toMatch(/<div class="prose" data-note-body><p>Shift by the maximum first:<\/p>/);
    expect(read(cold.outDir, 'index.html')).toContain('class="katex');
  });
});
