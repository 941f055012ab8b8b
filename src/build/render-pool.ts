/**
 * Worker threads that render a fixed list of notes into the note cache. Each
 * worker takes the next note itself, from a counter in shared memory, rather
 * than waiting for the main thread to hand it one: the main thread is busy
 * for seconds while the garden check runs, and the workers keep going.
 */
import { Worker } from 'node:worker_threads';
import type { PoolJob, WorkerReply, WorkerSetup } from './render-jobs';

export type { PoolJob };

type Outcome = { resolve: () => void; reject: (error: Error) => void };

/**
 * A render worker allocates far more than the main thread: with the 4 MB
 * semi-spaces .npmrc sets for the process it spent a quarter of its time in
 * garbage collection. 24 MB of young generation for each worker: a 1,000-note
 * cold build takes ≈ 1.3 s less CPU and ≈ 0.8 s less time, a 3,000-note one
 * ≈ 3.5 s less, for ≈ 90 MB more at peak (bench/RESULTS.md).
 */
const WORKER_YOUNG_GENERATION_MB = 24;

export class RenderPool {
  /** Settles when the note has been written to the cache, or with the render's error. */
  readonly results: Promise<void>[];
  private readonly outcomes: (Outcome | undefined)[];
  private readonly next = new Int32Array(new SharedArrayBuffer(4));
  private workers: Worker[] = [];
  private left: number;
  private readonly jobs: readonly PoolJob[];
  private readonly fallback: (job: PoolJob) => Promise<void>;

  /**
   * `fallback` renders a note here, in the main thread: for every note not yet
   * done when a worker cannot start or crashes.
   */
  constructor(
    script: string,
    setup: Omit<WorkerSetup, 'jobs' | 'next'>,
    jobs: readonly PoolJob[],
    count: number,
    fallback: (job: PoolJob) => Promise<void>,
  ) {
    this.jobs = jobs;
    this.fallback = fallback;
    this.outcomes = jobs.map(() => undefined);
    this.results = jobs.map((_, index) => new Promise<void>((resolve, reject) => (this.outcomes[index] = { resolve, reject })));
    this.left = jobs.length;
    for (let i = 0; i < Math.max(1, count) && jobs.length > 0; i++) {
      const worker = new Worker(script, {
        workerData: { ...setup, jobs, next: this.next.buffer as SharedArrayBuffer } satisfies WorkerSetup,
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      worker.on('message', (reply: WorkerReply) => this.settle(reply.index, reply.ok ? undefined : new Error(reply.message)));
      worker.on('error', (error) => this.onWorkerError(error instanceof Error ? error : new Error(String(error))));
      this.workers.push(worker);
    }
  }

  private settle(index: number, error: Error | undefined) {
    const outcome = this.outcomes[index];
    if (!outcome) return;
    this.outcomes[index] = undefined;
    if (error) outcome.reject(error);
    else outcome.resolve();
    if (--this.left === 0) this.terminate();
  }

  private onWorkerError(error: Error) {
    if (this.workers.length === 0) return;
    console.warn(`[garden] a render worker failed (${error.message}); rendering the remaining notes in the main thread`);
    // No worker takes another note; the ones not yet done are rendered here (a note a live worker is on may be rendered twice, to the same result).
    Atomics.store(this.next, 0, this.jobs.length);
    this.terminate();
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
    for (const worker of this.workers) void worker.terminate();
    this.workers = [];
  }
}
