/**
 * A render worker (started by scripts/render-worker.mjs): renders notes with
 * the note pipeline and writes them to the note cache, so the build's main
 * thread only learns where the HTML is. One per core, fed by NoteRenderer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createNotePipeline } from './note-pipeline';
import { NoteCache } from './note-cache';
import { searchKindOf } from './note-search';
import type { LinkTarget } from '../links/targets';

export interface WorkerJob {
  id: number;
  key: string;
  body: string;
  filePath: string;
}

export type WorkerReply = { id: number; ok: true; headings: unknown[]; hasMath: boolean } | { id: number; ok: false; message: string };

/** What a worker starts with; the link targets are the ones its notes' cache keys were worked out with. */
export interface WorkerSetup {
  contentDir: string;
  cacheDir: string;
  digest: string;
  targets: ReadonlyMap<string, LinkTarget>;
}

const { contentDir, cacheDir, digest, targets } = workerData as WorkerSetup;
const cache = new NoteCache(cacheDir, contentDir, digest);
const render = createNotePipeline({ targets: () => targets, contentDir });

parentPort!.on('message', async (job: WorkerJob) => {
  try {
    const note = await render(job.body, job.filePath, { search: searchKindOf(cache.gardenPath(job.filePath)) });
    cache.set(job.key, note);
    parentPort!.postMessage({ id: job.id, ok: true, headings: note.headings, hasMath: note.hasMath } satisfies WorkerReply);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
});
