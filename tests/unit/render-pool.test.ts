import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RenderPool, type PoolJob } from '../../src/build/render-pool';
import { NoteCache } from '../../src/build/note-cache';
import { buildLinkTargets } from '../../src/lib/links/targets';
import { gardenUrls } from '../../src/lib/urls';
import { ROOT } from '../helpers/build';

const SCRIPT = join(ROOT, 'scripts/render-worker.mjs');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function setting(jobCount: number, body: (i: number) => string = (i) => `Note ${i} with $x_${i}$ and [[b0]].`) {
  const dir = mkdtempSync(join(tmpdir(), 'garden-pool-'));
  dirs.push(dir);
  const contentDir = join(dir, 'content');
  mkdirSync(join(contentDir, 'bits'), { recursive: true });
  const cache = new NoteCache(join(dir, 'cache'), contentDir, 'test-digest');
  const targets = buildLinkTargets([{ collection: 'bits', id: 'b0', title: 'The first', body: '' }], gardenUrls('/'));
  const jobs: PoolJob[] = Array.from({ length: jobCount }, (_, i) => ({ key: `key${i}`, body: body(i), filePath: join(contentDir, `bits/b${i}.md`) }));
  // No browser: these notes have no diagram to draw.
  return { setup: { contentDir, cacheDir: cache.dir, digest: cache.digest, targets, diagrams: { cacheDir: cache.dir, chromium: '' } }, jobs, cache };
}

describe('the render pool', () => {
  it('renders every note between its workers, into the cache', async () => {
    const { setup, jobs, cache } = setting(40);
    const fallback = vi.fn(async () => {});
    const pool = new RenderPool(SCRIPT, setup, jobs, 2, fallback);
    await Promise.all(pool.results);
    expect(fallback).not.toHaveBeenCalled();
    for (const [i, job] of jobs.entries()) {
      const note = cache.get(job.key);
      expect(note, job.key).toBeDefined();
      const html = readFileSync(note!.htmlPath, 'utf8');
      expect(html).toContain(`Note ${i} with`);
      expect(html).toContain('href="/bits/b0/"');
    }
  }, 60_000);

  it("rejects a note that fails with the pipeline's message, and renders the others", async () => {
    const { setup, jobs, cache } = setting(6, (i) => (i === 3 ? 'Broken $\\frac{a}{b$ formula.' : `Fine note ${i}.`));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const pool = new RenderPool(SCRIPT, setup, jobs, 2, async () => {});
    const outcomes = await Promise.allSettled(pool.results);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[3] as PromiseRejectedResult).reason.message).toMatch(/KaTeX cannot typeset/);
    expect(existsSync(cache.get('key5')!.htmlPath)).toBe(true);
    expect(cache.get('key3')).toBeUndefined();
  }, 60_000);

  it('fails the notes it has not rendered when stopped, so nothing waits for them', async () => {
    const { setup, jobs } = setting(40);
    const pool = new RenderPool(SCRIPT, setup, jobs, 1, async () => {});
    pool.stop();
    const outcomes = await Promise.allSettled(pool.results);
    const stopped = outcomes.filter((o) => o.status === 'rejected');
    expect(stopped.length).toBeGreaterThan(0);
    expect((stopped[0] as PromiseRejectedResult).reason.message).toMatch(/stopped before this note was rendered/);
  }, 60_000);

  it('renders every note in the main thread when its workers cannot start', async () => {
    const { setup, jobs } = setting(5);
    const broken = join(dirs[0]!, 'broken-worker.mjs');
    writeFileSync(broken, 'throw new Error("no worker today");\n');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const done: string[] = [];
    const pool = new RenderPool(broken, setup, jobs, 2, async (job) => void done.push(job.key));
    await Promise.all(pool.results);
    expect(done.sort()).toEqual(jobs.map((j) => j.key).sort());
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no worker today'));
  }, 60_000);

  it('renders every note in the main thread when its workers run out of memory', async () => {
    const { setup, jobs } = setting(5);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const done: string[] = [];
    // 8 MB of old generation: not enough to load the note pipeline.
    const pool = new RenderPool(SCRIPT, setup, jobs, 2, async (job) => void done.push(job.key), 8);
    await Promise.all(pool.results);
    expect(done.sort()).toEqual(jobs.map((j) => j.key).sort());
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/a render worker failed \(.*memory limit/));
  }, 60_000);

  it('lets the other worker go on when one runs out of memory, and renders what the first was on in the main thread', async () => {
    const { setup, jobs, cache } = setting(12);
    // The first worker to start takes note 0 and fills its heap until it reaches its cap; the second gives back the number
    // it took and runs the real worker, which renders every other note.
    const crashing = join(dirs[0]!, 'crashing-worker.mjs');
    writeFileSync(
      crashing,
      `import { workerData } from 'node:worker_threads';
const counter = new Int32Array(workerData.next);
if (Atomics.add(counter, 0, 1) === 0) {
  const kept = [];
  for (;;) kept.push(new Array(100_000).fill(kept.length));
}
Atomics.sub(counter, 0, 1);
await import(${JSON.stringify(pathToFileURL(SCRIPT).href)});
`,
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const done: string[] = [];
    const pool = new RenderPool(crashing, setup, jobs, 2, async (job) => void done.push(job.key), 64);
    await Promise.all(pool.results);
    expect(done).toEqual(['key0']);
    for (const job of jobs.slice(1)) expect(cache.get(job.key), job.key).toBeDefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('memory limit'));
  }, 60_000);
});
