/**
 * The checker's slow steps — parsing a body (scanBody) and typesetting a
 * formula (katexFailure) — remembered between builds in the build's cache
 * folder, keyed by the body's hash and the formula's text, so a build after an
 * edit parses only the edited notes. Everything else the checker does (YAML,
 * schemas, cross-references) is cheap and runs every time.
 */
import { textHash } from './file-memo';
import { join } from 'node:path';
import { readCacheFile, writeCacheFile } from './cache-file';
import { filesDigest } from './code-digest';
import { scanBody, type BodyScan } from '../lib/check/body-scan';
import { katexFailure } from '../lib/check/math';

export interface CheckMemo {
  scanBody(body: string): BodyScan;
  katexFailure(formula: string, displayMode: boolean): string | undefined;
  /** Keeps a body's scan and formulas for the next run although this one took them from elsewhere (file-results.ts, a render worker); `bodyKey` is the body's textHash. */
  keep?(bodyKey: string, scan: BodyScan): void;
}

/** No memory: what the checker does without a cache folder. */
export const directMemo: CheckMemo = { scanBody, katexFailure };

interface Stored {
  digest: string;
  scans: Record<string, BodyScan>;
  formulas: Record<string, string | null>;
}

/** The versions whose change makes stored results stale: the checker's parser and KaTeX, and the files that use them (the scan walks the tree with walk.ts). */
function memoDigest(projectRoot: string): string {
  return filesDigest(projectRoot, ['src/lib/check/body-scan.ts', 'src/lib/markdown/parse.ts', 'src/lib/markdown/walk.ts', 'src/lib/check/math.ts', 'node_modules/katex/package.json', 'node_modules/satteri/package.json']);
}

export class FileCheckMemo implements CheckMemo {
  private readonly file: string;
  private readonly digest: string;
  private stored: Stored;
  private readonly used: Stored;

  constructor(cacheDir: string, projectRoot: string) {
    this.file = join(cacheDir, 'garden-check.json');
    this.digest = memoDigest(projectRoot);
    this.used = { digest: this.digest, scans: {}, formulas: {} };
    this.stored = readCacheFile<Stored>(this.file, this.digest) ?? this.used;
  }

  scanBody(body: string): BodyScan {
    const key = textHash(body);
    const scan = this.stored.scans[key] ?? scanBody(body);
    this.used.scans[key] = scan;
    return scan;
  }

  katexFailure(formula: string, displayMode: boolean): string | undefined {
    const key = `${displayMode ? 'D' : 'I'}${formula}`;
    const known = this.stored.formulas[key];
    const reason = known !== undefined ? (known ?? undefined) : katexFailure(formula, displayMode);
    this.used.formulas[key] = reason ?? null;
    return reason;
  }

  keep(bodyKey: string, scan: BodyScan): void {
    this.used.scans[bodyKey] = scan;
    for (const formula of scan.formulas) {
      const key = `${formula.display ? 'D' : 'I'}${formula.value}`;
      const known = this.stored.formulas[key];
      if (known !== undefined) this.used.formulas[key] = known;
    }
  }

  /** Keeps what this check used (so entries of deleted notes fall away), atomically. */
  save(): void {
    writeCacheFile(this.file, this.used);
  }
}
