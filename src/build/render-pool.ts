/**
 * Worker threads that render a fixed list of notes into the note cache. Each
 * worker takes the next note itself, from a counter in shared memory, rather
 * than waiting for the main thread to hand it one: the main thread is busy
 * for seconds while the garden check runs, and the workers keep going.
 */
import { Worker } from 'node:worker_threads';
import { shareBodies, type PoolJob, type WorkerReply, type WorkerSetup } from './render-jobs';

export type { PoolJob };

type Outcome = { resolve: () => void; reject: (error: Error) => void };

/**
 * A render worker allocates far more than the main thread, and with small
 * semi-spaces it spends a quarter of its time collecting garbage. 48 MB of
 * young generation is V8's three 16 MB semi-spaces: what `.npmrc`'s
 * `--max-semi-space-size=16` gives every thread anyway (V8 lets that flag
 * override the young generation a Worker asks for), so a build run without
 * npm's options (`node astro.mjs build`) gets the same workers.
 */
const WORKER_YOUNG_GENERATION_MB = 48;

/**
 * A cap on each worker's old generation. Without one V8 lets it fill with
 * garbage towards the process's heap limit: at 10,000 notes the two workers
 * held ≈ 0.8–1.2 GB, though what one keeps alive (the pipeline's modules,
 * Shiki's grammars, the link targets) fits in 64 MB for short notes (the
 * render-pool test runs the real worker under that cap). With 256 MB a worker
 * renders a note of 1 MB of dense Markdown (prose, math, code and tables in
 * every section: fifty times the longest bench chapter); one of 2 MB, the
 * largest the garden accepts (check/limits.ts), needs 256–512 MB, so that
 * worker ends and the main thread renders the note while the other worker
 * goes on (bench/RESULTS.md, "Memory at 10,000 notes").
 */
export const WORKER_OLD_GENERATION_MB = 256;

export class RenderPool {
  /** Settles when the note has been written to the cache, or with the render's error. */
  readonly results: Promise<void>[];
  private readonly outcomes: (Outcome | undefined)[];
  private readonly next = new Int32Array(new SharedArrayBuffer(4));
  private readonly workers = new Set<Worker>();
  private left: number;
  /** The jobs, for the fallback; let go of once every note is settled. */
  private jobs: readonly PoolJob[];
  private readonly fallback: (job: PoolJob) => Promise<void>;

  /**
   * `fallback` renders a note here, in the main thread: every note left
   * undone once no worker is running (they could not start, crashed or ran
   * out of memory).
   */
  constructor(
    script: string,
    setup: Omit<WorkerSetup, 'jobs' | 'bodies' | 'next'>,
    jobs: readonly PoolJob[],
    count: number,
    fallback: (job: PoolJob) => Promise<void>,
    oldGenerationMb: number = WORKER_OLD_GENERATION_MB,
  ) {
    this.jobs = jobs;
    this.fallback = fallback;
    this.outcomes = jobs.map(() => undefined);
    this.results = jobs.map((_, index) => new Promise<void>((resolve, reject) => (this.outcomes[index] = { resolve, reject })));
    this.left = jobs.length;
    if (jobs.length === 0) return;
    const { bodies, shared } = shareBodies(jobs);
    for (let i = 0; i < Math.max(1, count); i++) {
      const worker = new Worker(script, {
        workerData: { ...setup, jobs: shared, bodies, next: this.next.buffer as SharedArrayBuffer } satisfies WorkerSetup,
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: oldGenerationMb },
      });
      worker.on('message', (reply: WorkerReply) => this.settle(reply.index, reply.ok ? undefined : new Error(reply.message)));
      worker.on('error', (error) => console.warn(`[garden] a render worker failed (${error instanceof Error ? error.message : String(error)}); the notes it leaves are rendered in the main thread`));
      worker.on('exit', () => this.onWorkerExit(worker));
      this.workers.add(worker);
    }
  }

  private settle(index: number, error: Error | undefined) {
    const outcome = this.outcomes[index];
    if (!outcome) return;
    this.outcomes[index] = undefined;
    if (error) outcome.reject(error);
    else outcome.resolve();
    if (--this.left === 0) {
      this.terminate();
      this.jobs = [];
    }
  }

  /**
   * A worker ended. The others go on taking notes; once none is left, every
   * note still undone (the one a crashed worker was on, or all of them when
   * none could start) is rendered here.
   */
  private onWorkerExit(worker: Worker) {
    if (!this.workers.delete(worker) || this.workers.size > 0) return;
    this.outcomes.forEach((outcome, index) => {
      if (outcome) this.fallback(this.jobs[index]!).then(() => this.settle(index, undefined), (failure: Error) => this.settle(index, failure));
    });
  }

  /**
   * Ends the workers; a note not yet rendered fails, so nothing that awaits it
   * (a render) waits for ever.
   */
  stop() {
    this.terminate();
    this.outcomes.forEach((outcome, index) => {
      if (outcome) this.settle(index, new Error('the render pool was stopped before this note was rendered'));
    });
  }

  private terminate() {
    const workers = [...this.workers];
    this.workers.clear();
    for (const worker of workers) void worker.terminate();
  }
}
