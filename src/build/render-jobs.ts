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

/** What a worker starts with; the link targets are the ones its notes' cache keys were worked out with. */
export interface WorkerSetup {
  contentDir: string;
  cacheDir: string;
  digest: string;
  targets: ReadonlyMap<string, LinkTarget>;
  /** Where diagrams are cached and the browser that draws them (diagram-renderer.ts). */
  diagrams: { cacheDir: string; chromium: string };
  jobs: readonly PoolJob[];
  /** An Int32 counter: the index of the next job to take, shared by every worker of the pool. */
  next: SharedArrayBuffer;
}

export type WorkerReply = ({ ok: true } | { ok: false; message: string }) & { index: number };
