import { describe, expect, it } from 'vitest';
import { pageGenerationHeap, PAGE_GENERATION_HEAP_GROWING_PERCENT } from '../../src/build/page-heap';

type Hook = () => void;

describe("page generation's heap growing factor", () => {
  it('is set when the build starts generating and given back to V8 once the pages are generated', () => {
    const flags: string[] = [];
    const { hooks } = pageGenerationHeap(undefined, (flag) => flags.push(flag));
    expect(flags).toEqual([]);
    (hooks['astro:build:start'] as Hook)();
    expect(flags).toEqual([`--heap-growing-percent=${PAGE_GENERATION_HEAP_GROWING_PERCENT}`]);
    (hooks['astro:build:generated'] as Hook)();
    expect(flags).toEqual([`--heap-growing-percent=${PAGE_GENERATION_HEAP_GROWING_PERCENT}`, '--heap-growing-percent=0']);
  });

  it('takes another percentage, and touches nothing in `astro dev`, which runs neither build hook', () => {
    const flags: string[] = [];
    const { hooks } = pageGenerationHeap(40, (flag) => flags.push(flag));
    expect(Object.keys(hooks).sort()).toEqual(['astro:build:generated', 'astro:build:start']);
    (hooks['astro:build:start'] as Hook)();
    expect(flags).toEqual(['--heap-growing-percent=40']);
  });

  it('is a flag this V8 knows', async () => {
    const { execFileSync } = await import('node:child_process');
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    expect(options).toContain('--heap-growing-percent');
  });
});
