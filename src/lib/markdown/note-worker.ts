/**
 * A render worker (started by scripts/render-worker.mjs): renders notes with
 * the note pipeline and writes them to the note cache, so the build's main
 * thread only learns where the HTML is. One per core, fed by NoteRenderer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createNotePipeline } from './note-pipeline';
import { NoteCache } from './note-cache';
import { noteSearchText } from './note-search';
import { createLinkTargetsProvider } from '../links/provider';
import { gardenUrls } from '../urls';

export interface WorkerJob {
  id: number;
  key: string;
  body: string;
  filePath: string;
}

export type WorkerReply = { id: number; ok: true; headings: unknown[]; hasMath: boolean } | { id: number; ok: false; message: string };

const { contentDir, cacheDir, digest, base } = workerData as { contentDir: string; cacheDir: string; digest: string; base: string };
const cache = new NoteCache(cacheDir, contentDir, digest);
const targets = createLinkTargetsProvider(contentDir, gardenUrls(base));
const render = createNotePipeline({ targets, contentDir });

parentPort!.on('message', async (job: WorkerJob) => {
  try {
    const note = await render(job.body, job.filePath);
    cache.set(job.key, { ...note, search: noteSearchText(cache.gardenPath(job.filePath), job.body, note.headings) });
    parentPort!.postMessage({ id: job.id, ok: true, headings: note.headings, hasMath: note.hasMath } satisfies WorkerReply);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
});
