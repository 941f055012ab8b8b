/**
 * Writing the build's cache files, the one way: atomically (a temporary file
 * beside the target, then a rename), so a build that stops half-way, or a
 * render worker writing the same entry as another thread, never leaves a torn
 * file. A cache file that is missing, torn, stale or cannot be written only
 * makes the next build slower, never wrong: readCacheFile and writeCacheFile
 * never throw.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';

let written = 0;

/** Writes `data` to `path` atomically, creating its folder; throws as writeFileSync does. */
export function writeFileAtomic(path: string, data: string | NodeJS.ArrayBufferView): void {
  mkdirSync(dirname(path), { recursive: true });
  // Unique per process, thread and write: the render workers share the process id.
  const tmp = `${path}.${process.pid}-${threadId}-${written++}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** A JSON cache file, if it exists, parses and carries this digest. */
export function readCacheFile<T extends { digest: string }>(file: string, digest: string): T | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as T;
    return parsed.digest === digest ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function writeCacheFile<T extends { digest: string }>(file: string, value: T): void {
  try {
    writeFileAtomic(file, JSON.stringify(value));
  } catch {
    // The next build works it all out again.
  }
}
