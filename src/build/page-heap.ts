import type { AstroIntegration } from 'astro';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * How far V8 lets the main heap grow past what a full collection left alive
 * before it collects again, while Astro generates the pages: 25 %.
 *
 * Page generation makes garbage in bursts (every route's `getStaticPaths`
 * first, then each page's HTML: the cached note HTML it reads, the page it
 * builds, the bytes it writes), and V8's own growing factor, which goes up to
 * 4× on a large heap, let that garbage stand at up to ≈ 500 MB at 10,000
 * notes (bench/RESULTS.md, "Memory at 10,000 notes"). The extra full
 * collections are marked concurrently, on the core page generation otherwise
 * leaves idle. Only for page generation: the render workers, which keep both
 * cores busy before it, have capped heaps of their own (render-pool.ts) and
 * would only collect more.
 */
export const PAGE_GENERATION_HEAP_GROWING_PERCENT = 25;

/**
 * One full collection, now. V8 works its heap's limit out after each full
 * collection, so a new growing factor only holds from the next one: without
 * it, the limit set under V8's own factor (up to 4× what was alive) would let
 * the first bursts of page generation grow the heap as before. `gc` is V8's
 * own, reached through a fresh context once `--expose-gc` is on.
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * Sets V8's heap growing factor when the build starts generating (after the
 * content is loaded and the render workers are done) and collects once so it
 * holds at once; gives V8 its own factor back when the pages are generated.
 */
export function pageGenerationHeap(
  percent: number = PAGE_GENERATION_HEAP_GROWING_PERCENT,
  setFlags: (flags: string) => void = setFlagsFromString,
  collect: () => void = collectGarbage,
): AstroIntegration {
  return {
    name: 'garden-page-heap',
    hooks: {
      'astro:build:start': () => {
        setFlags(`--heap-growing-percent=${percent}`);
        collect();
      },
      // 0 is V8's default: its own dynamic factor.
      'astro:build:generated': () => setFlags('--heap-growing-percent=0'),
    },
  };
}
