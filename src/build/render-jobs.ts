/**
 * What the render pool (main thread) and its workers (note-worker.ts) say to
 * each other: the jobs, a worker's set-up and its replies. In a module of
 * their own so neither side imports the other.
 */
import type { LinkTarget } from '../lib/links/targets';

export interface PoolJob {
  key: string;
  body: string;
  filePath: string;
}

/**
 * A job as a worker receives it: the body is not copied into every worker's
 * heap (structured cloning would give each worker its own copy of every body,
 * ≈ 57 MB of text at 10,000 notes), but read from one shared buffer of UTF-8.
 */
export interface SharedJob {
  key: string;
  filePath: string;
  /** Where the body's UTF-8 bytes start in `WorkerSetup.bodies`, and how many there are. */
  start: number;
  length: number;
}

/** Every job's body, as UTF-8, in one buffer the workers share; each job says where its body is. */
export function shareBodies(jobs: readonly PoolJob[]): { bodies: SharedArrayBuffer; shared: SharedJob[] } {
  const bodies = new SharedArrayBuffer(jobs.reduce((total, job) => total + Buffer.byteLength(job.body), 0));
  const bytes = Buffer.from(bodies);
  let start = 0;
  const shared = jobs.map(({ key, filePath, body }) => {
    const length = bytes.write(body, start);
    const job = { key, filePath, start, length };
    start += length;
    return job;
  });
  return { bodies, shared };
}

/** A shared job's body, decoded from the shared buffer. */
export const sharedBody = (bodies: SharedArrayBuffer, job: SharedJob): string => Buffer.from(bodies, job.start, job.length).toString('utf8');

/** What a worker starts with; the link targets are the ones its notes' cache keys were worked out with. */
export interface WorkerSetup {
  contentDir: string;
  cacheDir: string;
  digest: string;
  targets: ReadonlyMap<string, LinkTarget>;
  /** Where diagrams are cached and the browser that draws them (diagram-renderer.ts). */
  diagrams: { cacheDir: string; chromium: string };
  jobs: readonly SharedJob[];
  bodies: SharedArrayBuffer;
  /** An Int32 counter: the index of the next job to take, shared by every worker of the pool. */
  next: SharedArrayBuffer;
}

export type WorkerReply = ({ ok: true } | { ok: false; message: string }) & { index: number };
