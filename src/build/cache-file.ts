/**
 * The JSON files the build keeps in its cache folder (the checker's memo, the
 * note renderer's key memo): read back only while their digest matches, and
 * written atomically. A cache file that is missing, torn, stale or cannot be
 * written only makes the next build slower, never wrong, so neither side throws.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

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
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
  } catch {
    // The next build works it all out again.
  }
}
