import { describe, expect, it } from 'vitest';
import { collectGarbage, pageGenerationHeap, PAGE_GENERATION_HEAP_GROWING_PERCENT } from '../../src/build/page-heap';

type Hook = () => void;

describe("page generation's heap growing factor", () => {
  it('is set when the build starts generating, with one collection so it holds at once, and given back to V8 once the pages are generated', () => {
    const calls: string[] = [];
    const { hooks } = pageGenerationHeap(undefined, (flag) => calls.push(flag), () => calls.push('collect'));
    expect(calls).toEqual([]);
    (hooks['astro:build:start'] as Hook)();
    expect(calls).toEqual([`--heap-growing-percent=${PAGE_GENERATION_HEAP_GROWING_PERCENT}`, 'collect']);
    (hooks['astro:build:generated'] as Hook)();
    expect(calls).toEqual([`--heap-growing-percent=${PAGE_GENERATION_HEAP_GROWING_PERCENT}`, 'collect', '--heap-growing-percent=0']);
  });

  it('takes another percentage, and touches nothing in `astro dev`, which runs neither build hook', () => {
    const calls: string[] = [];
    const { hooks } = pageGenerationHeap(40, (flag) => calls.push(flag), () => calls.push('collect'));
    expect(Object.keys(hooks).sort()).toEqual(['astro:build:generated', 'astro:build:start']);
    (hooks['astro:build:start'] as Hook)();
    expect(calls).toEqual(['--heap-growing-percent=40', 'collect']);
  });

  it('is a flag this V8 knows', async () => {
    const { execFileSync } = await import('node:child_process');
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    expect(options).toContain('--heap-growing-percent');
  });

  it('collects garbage for real: what nothing holds any more is gone', async () => {
    const watched = new WeakRef({ payload: new Array(1_000).fill('x') });
    // A WeakRef keeps its target for the rest of the job that made it.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(watched.deref()).toBeUndefined();
  });
});
