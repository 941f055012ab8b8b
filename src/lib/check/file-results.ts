/**
 * What each file's own checks found (LocalCheck: its YAML, schema, formula and
 * code-fence problems, the parsed data and the body scan), kept between builds
 * in the build's cache folder by the file's path and a hash of its text: a
 * build after an edit checks the edited files alone again and only compares
 * the garden's files with each other. Written with v8.serialize, which keeps
 * every value YAML can give (Infinity, NaN, -0) as it was, unlike JSON.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { filesDigest } from '../files-digest';
import type { FileResults, GardenFile, LocalCheck } from './check';

interface Stored {
  digest: string;
  files: Map<string, [hash: string, local: LocalCheck]>;
}

/** Everything a file's own checks depend on besides its text: the checker and the code and packages it uses, and the size limit. */
export function fileResultsDigest(projectRoot: string, maxBytes: number): string {
  const code = filesDigest(projectRoot, [
    'src/lib',
    'node_modules/katex/package.json',
    'node_modules/js-yaml/package.json',
    'node_modules/zod/package.json',
    'node_modules/remark-math/package.json',
    'node_modules/micromark/package.json',
    'node_modules/shiki/package.json',
  ]);
  return `${code} ${maxBytes}`;
}

export class FileResultsMemo implements FileResults {
  private readonly file: string;
  private readonly stored: Stored['files'];
  private readonly next: Stored;

  constructor(file: string, digest: string) {
    this.file = file;
    this.stored = read(file, digest) ?? new Map();
    this.next = { digest, files: new Map() };
  }

  /** A file the reader could not read as text (too large, not UTF-8) is cheap to check and never remembered. */
  private static hash(file: GardenFile): string | undefined {
    return file.text === '' ? undefined : createHash('sha1').update(file.text).digest('base64');
  }

  get(file: GardenFile): LocalCheck | undefined {
    const hash = FileResultsMemo.hash(file);
    const known = this.stored.get(file.path);
    return hash !== undefined && known?.[0] === hash ? known[1] : undefined;
  }

  set(file: GardenFile, local: LocalCheck): void {
    const hash = FileResultsMemo.hash(file);
    if (hash !== undefined) this.next.files.set(file.path, [hash, local]);
  }

  /** Keeps the files of this check only, so deleted ones fall away; atomically, and silently on failure (the next build checks them all). */
  save(): void {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, serialize(this.next));
      renameSync(tmp, this.file);
    } catch {
      // Only the next build is slower.
    }
  }
}

function read(file: string, digest: string): Stored['files'] | undefined {
  try {
    const stored = deserialize(readFileSync(file)) as Stored;
    return stored.digest === digest && stored.files instanceof Map ? stored.files : undefined;
  } catch {
    return undefined;
  }
}
