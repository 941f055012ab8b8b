/**
 * A render worker (started by scripts/render-worker.mjs for a RenderPool):
 * takes the next note from the shared counter, renders it with the note
 * pipeline and writes it to the note cache, until the list is done; the main
 * thread only learns which notes are ready.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createNotePipeline } from '../lib/markdown/note-pipeline';
import { searchKindOf } from '../lib/markdown/note-search';
import { NoteCache } from './note-cache';
import { MermaidRenderer } from './diagram-renderer';
import { sharedBody, type WorkerReply, type WorkerSetup } from './render-jobs';

const { contentDir, cacheDir, digest, targets, diagrams, jobs, bodies, next } = workerData as WorkerSetup;
const cache = new NoteCache(cacheDir, contentDir, digest);
// Notes with diagrams render on the main thread (NoteRenderer.prefetch); this one only draws those of embedded notes.
const diagramRenderer = new MermaidRenderer(diagrams);
const render = createNotePipeline({ targets: () => targets, contentDir }, 'javascript', diagramRenderer);
const counter = new Int32Array(next);

for (let index = Atomics.add(counter, 0, 1); index < jobs.length; index = Atomics.add(counter, 0, 1)) {
  const job = jobs[index]!;
  try {
    cache.set(job.key, await render(sharedBody(bodies, job), job.filePath, { search: searchKindOf(cache.gardenPath(job.filePath)) }));
    parentPort!.postMessage({ index, ok: true } satisfies WorkerReply);
  } catch (error) {
    parentPort!.postMessage({ index, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
}
await diagramRenderer.close();
