/**
 * Lays the map out (src/lib/graph/layout.ts) on a worker thread during a
 * build. Astro renders the other pages meanwhile (four at a time), and in page
 * generation the second core is otherwise idle: at 10,000 notes the layout is
 * ≈ 10 s of d3-force that used to hold up the single thread that renders every
 * page (bench/RESULTS.md, "Where the time goes now"). The positions are the
 * same to the byte: the same function on the same graph, stringified the same way.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { layoutGraph } from '../lib/graph/layout';
import type { GardenGraph } from '../lib/graph/model';

/**
 * The thread's heap: it runs beside page generation, so what it holds adds to
 * the build's peak. A 10,000-note garden lays out within 64 MB of old
 * generation; with these limits the thread adds ≈ 80–120 MB at that size
 * (≈ 250 MB with V8's defaults). A garden too large for them ends the thread,
 * and the layout is then done in the main thread. Under npm the young
 * generation is `.npmrc`'s instead (`--max-semi-space-size` overrides what a
 * Worker asks for): 48 MB, which the 10,000-note peak was measured with.
 */
export const LAYOUT_HEAP_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 12 } as const;

/** The map's JSON, laid out in place: for `astro dev`, and whenever the thread could not do it. */
export function laidOutInThread(graph: GardenGraph): string {
  return JSON.stringify(layoutGraph(graph));
}

/**
 * The map's JSON, laid out on a thread running `workerScript`
 * (scripts/layout-worker.mjs). A thread that fails to start, throws or runs
 * out of memory is reported through `warn`, and the layout is done in this
 * thread instead: the build is slower, never wrong.
 */
export function laidOutOffThread(graph: GardenGraph, workerScript: string, warn: (message: string) => void = console.warn, limits: ResourceLimits = LAYOUT_HEAP_LIMITS): Promise<string> {
  return new Promise((resolve) => {
    let settled = false;
    const fallBack = (why: string) => {
      if (settled) return;
      settled = true;
      warn(`[garden] the map's layout thread ${why}; laying the map out in the main thread`);
      resolve(laidOutInThread(graph));
    };
    let worker: Worker;
    try {
      worker = new Worker(workerScript, { workerData: graph, resourceLimits: limits });
    } catch (error) {
      fallBack(`could not start (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    worker.once('message', (json: string) => {
      settled = true;
      resolve(json);
      void worker.terminate();
    });
    worker.once('error', (error: Error) => fallBack(`failed (${error.message})`));
    worker.once('exit', (code) => fallBack(`ended with code ${code} before it was done`));
  });
}
