/**
 * The build's one memory of the garden's files: for each file, by its path
 * and a hash of its text, what the build worked out from it — its link facts
 * (link-targets.ts), the checker's results for it alone (the check's
 * FileResults) and, for a note, its rendered-note cache key (note-renderer.ts).
 * Kept in one file of the cache folder (`garden-files.bin`), valid while the
 * digest it was written with — the code digest, the base path and the size
 * limit — stays the same. A run keeps only the files it looked at, so deleted
 * and edited files fall away. Written with v8.serialize, which keeps every
 * value YAML can give (Infinity, NaN, -0) as it was, unlike JSON. One that is
 * missing, torn or stale only means working everything out again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { FileResults, LocalCheck } from '../lib/check/check';
import type { GardenFile } from '../lib/garden-file';
import type { LinkFacts } from '../lib/links/targets';
import { writeFileAtomic } from './cache-file';

/** What the build derives from one file's text; each part is filled by the step that needs it. */
export interface FileFacts {
  /** What the file gives the link targets; null when it makes none. */
  links?: LinkFacts | null;
  /** The checker's results for the file on its own. */
  check?: LocalCheck;
  /** The note's rendered-note cache key, valid while the link targets are those of `targets` (linkTargetsDigest). */
  note?: { targets: string; key: string };
}

type Entry = [hash: string, facts: FileFacts];

const hashes = new Map<string, string>();

/**
 * The hash the memo keys a text by. The link targets, the check and the note
 * renderer each ask for the same texts, so each is hashed once; the table is
 * emptied now and then so a long `astro dev` session does not keep every
 * version of every file.
 */
function textHash(text: string): string {
  let hash = hashes.get(text);
  if (hash === undefined) {
    if (hashes.size >= 20_000) hashes.clear();
    hash = createHash('sha1').update(text).digest('base64');
    hashes.set(text, hash);
  }
  return hash;
}

export class FileMemo {
  readonly file: string;
  private readonly digest: string;
  private readonly stored: ReadonlyMap<string, Entry>;
  /** The files this run looked at: all that `save` keeps. */
  private readonly used = new Map<string, Entry>();

  constructor(file: string, digest: string) {
    this.file = file;
    this.digest = digest;
    this.stored = this.read() ?? new Map();
  }

  /**
   * The facts of the file at `path` (relative to the garden) with this text:
   * as remembered when the text is the one they were worked out from, else a
   * fresh record for the caller to fill. Either way kept for the next run.
   */
  of(path: string, text: string): FileFacts {
    const hash = textHash(text);
    const current = this.used.get(path);
    if (current?.[0] === hash) return current[1];
    const stored = this.stored.get(path);
    const entry: Entry = stored?.[0] === hash ? stored : [hash, {}];
    this.used.set(path, entry);
    return entry[1];
  }

  /** What the last run remembered of the file, whatever its text was then (an edited note's previous cache key). */
  previous(path: string): FileFacts | undefined {
    return this.stored.get(path)?.[1];
  }

  /** The checker's results in this memo; a file the reader could not read as text (too large, not UTF-8) is cheap to check and never remembered. */
  checkResults(): FileResults {
    return {
      get: (file: GardenFile) => (file.text === '' ? undefined : this.of(file.path, file.text).check),
      set: (file: GardenFile, local: LocalCheck) => {
        if (file.text !== '') this.of(file.path, file.text).check = local;
      },
    };
  }

  /** Keeps what this run looked at, and nothing else. */
  save(): void {
    try {
      writeFileAtomic(this.file, serialize({ digest: this.digest, files: this.used }));
    } catch {
      // Only the next run is slower.
    }
  }

  private read(): Map<string, Entry> | undefined {
    try {
      const data = deserialize(readFileSync(this.file)) as { digest?: unknown; files?: unknown };
      return data.digest === this.digest && data.files instanceof Map ? (data.files as Map<string, Entry>) : undefined;
    } catch {
      return undefined;
    }
  }
}
