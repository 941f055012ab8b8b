/**
 * A render worker (started by scripts/render-worker.mjs for a RenderPool):
 * takes the next note from the shared counter, renders it with the note
 * pipeline and writes it to the note cache, until the list is done; the main
 * thread only learns which notes are ready.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createNotePipeline } from '../lib/markdown/note-pipeline';
import { NoteCache } from './note-cache';
import { searchKindOf } from '../lib/markdown/note-search';
import type { LinkTarget } from '../lib/links/targets';
import type { PoolJob } from './render-pool';
import type { BodyScan } from '../lib/check/body-scan';

/** What a worker starts with; the link targets are the ones its notes' cache keys were worked out with. */
export interface WorkerSetup {
  contentDir: string;
  cacheDir: string;
  digest: string;
  targets: ReadonlyMap<string, LinkTarget>;
  jobs: readonly PoolJob[];
  /** An Int32 counter: the index of the next job to take, shared by every worker of the pool. */
  next: SharedArrayBuffer;
}

/** `scan`: the checker's scan of the note's body (body-scan.ts), made from the parse the render needed anyway. */
export type WorkerReply = ({ ok: true } | { ok: false; message: string }) & { index: number; scan?: BodyScan | undefined };

const { contentDir, cacheDir, digest, targets, jobs, next } = workerData as WorkerSetup;
const cache = new NoteCache(cacheDir, contentDir, digest);
const render = createNotePipeline({ targets: () => targets, contentDir });
const counter = new Int32Array(next);

for (let index = Atomics.add(counter, 0, 1); index < jobs.length; index = Atomics.add(counter, 0, 1)) {
  const job = jobs[index]!;
  let scan: BodyScan | undefined;
  const onScan = (made: BodyScan) => void (scan = made);
  try {
    cache.set(job.key, await render(job.body, job.filePath, { search: searchKindOf(cache.gardenPath(job.filePath)), onScan }));
    parentPort!.postMessage({ index, ok: true, scan } satisfies WorkerReply);
  } catch (error) {
    parentPort!.postMessage({ index, ok: false, message: error instanceof Error ? error.message : String(error), scan } satisfies WorkerReply);
  }
}
