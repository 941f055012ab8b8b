/**
 * Values worked out from a file's text, kept between builds in the build's
 * cache folder by the file's path and a hash of its text, while `digest` —
 * everything else the values depend on (code, packages, settings) — stays the
 * same. A run keeps only the files it looked at, so deleted ones fall away.
 * The file is written atomically; one that is missing, torn or stale only
 * means working every value out again. Used for the note renderer's cache
 * keys, the link targets' facts and the checker's per-file results.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';

type Entry<T> = [hash: string, value: T];

const hashes = new Map<string, string>();

/**
 * The hash a memo keys a text by. A build hands the same texts to several
 * memos (link facts, check results, prefetch), so each is hashed once; the
 * table is emptied now and then so a long `astro dev` session does not keep
 * every version of every file.
 */
export function textHash(text: string): string {
  let hash = hashes.get(text);
  if (hash === undefined) {
    if (hashes.size >= 20_000) hashes.clear();
    hash = createHash('sha1').update(text).digest('base64');
    hashes.set(text, hash);
  }
  return hash;
}

/**
 * `format`: JSON, or v8.serialize for values JSON cannot hold as they are
 * (YAML's Infinity and NaN in the checker's results).
 */
export class TextMemo<T> {
  private readonly file: string;
  private readonly format: 'json' | 'v8';
  private readonly stored: Map<string, Entry<T>>;
  private readonly digest: string;
  private readonly next = new Map<string, Entry<T>>();

  constructor(file: string, digest: string, format: 'json' | 'v8' = 'json') {
    this.file = file;
    this.digest = digest;
    this.format = format;
    this.stored = this.read() ?? new Map();
  }

  /** The value stored for this path with exactly this text, if any; kept for the next run. */
  get(path: string, text: string): T | undefined {
    const entry = this.stored.get(path);
    if (!entry || entry[0] !== textHash(text)) return undefined;
    this.next.set(path, entry);
    return entry[1];
  }

  set(path: string, text: string, value: T): void {
    this.next.set(path, [textHash(text), value]);
  }

  /** What the last run stored for this path, whatever its text was then. */
  previous(path: string): T | undefined {
    return this.stored.get(path)?.[1];
  }

  save(): void {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      const data = { digest: this.digest, files: this.format === 'v8' ? this.next : Object.fromEntries(this.next) };
      writeFileSync(tmp, this.format === 'v8' ? serialize(data) : JSON.stringify(data));
      renameSync(tmp, this.file);
    } catch {
      // Only the next run is slower.
    }
  }

  private read(): Map<string, Entry<T>> | undefined {
    try {
      const bytes = readFileSync(this.file);
      const data = (this.format === 'v8' ? deserialize(bytes) : JSON.parse(bytes.toString('utf8'))) as { digest?: unknown; files?: unknown };
      if (data.digest !== this.digest || typeof data.files !== 'object' || data.files === null) return undefined;
      return data.files instanceof Map ? (data.files as Map<string, Entry<T>>) : new Map(Object.entries(data.files as Record<string, Entry<T>>));
    } catch {
      return undefined;
    }
  }
}
