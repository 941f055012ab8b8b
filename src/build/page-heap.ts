import type { AstroIntegration } from 'astro';
import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the main heap grow past what a full collection left alive
 * before it collects again, while Astro generates the pages: 25 %.
 *
 * Page generation makes garbage in bursts (every route's `getStaticPaths`
 * first, then each page's HTML: the cached note HTML it reads, the page it
 * builds, the bytes it writes), and V8's own growing factor, which goes up to
 * 4× on a large heap, let that garbage stand at up to ≈ 500 MB. With 25 % the
 * 10,000-note cold build peaks ≈ 280 MB lower (bench/RESULTS.md, "Memory at
 * 10,000 notes"). The extra full collections are marked concurrently, on the
 * core page generation otherwise leaves idle. Only for page generation: the
 * render workers, which keep both cores busy before it, have capped heaps of
 * their own (render-pool.ts) and would only collect more.
 */
export const PAGE_GENERATION_HEAP_GROWING_PERCENT = 25;

/** Sets V8's heap growing factor when page generation starts and gives V8 its own back when it ends. */
export function pageGenerationHeap(percent: number = PAGE_GENERATION_HEAP_GROWING_PERCENT, setFlags: (flags: string) => void = setFlagsFromString): AstroIntegration {
  return {
    name: 'garden-page-heap',
    hooks: {
      // After the content is loaded and the render workers are done; before Vite bundles and Astro generates the pages.
      'astro:build:start': () => setFlags(`--heap-growing-percent=${percent}`),
      // 0 is V8's default: its own dynamic factor.
      'astro:build:generated': () => setFlags('--heap-growing-percent=0'),
    },
  };
}
