/**
 * What each file's own checks found (LocalCheck: its YAML, schema, formula and
 * code-fence problems, the parsed data and the body scan), kept between builds
 * by the file's path and a hash of its text (a TextMemo): a build after an
 * edit checks the edited files alone again and only compares the garden's
 * files with each other. Written with v8.serialize, which keeps every value
 * YAML can give (Infinity, NaN, -0) as it was, unlike JSON.
 */
import { filesDigest } from './code-digest';
import type { FileResults, GardenFile, LocalCheck } from '../lib/check/check';
import { TextMemo } from './file-memo';

/** Everything a file's own checks depend on besides its text: the checker and the code and packages it uses, and the size limit. */
export function fileResultsDigest(projectRoot: string, maxBytes: number): string {
  const code = filesDigest(projectRoot, [
    'src/lib',
    'node_modules/katex/package.json',
    'node_modules/js-yaml/package.json',
    'node_modules/zod/package.json',
    'node_modules/satteri/package.json',
    'node_modules/shiki/package.json',
  ]);
  return `${code} ${maxBytes}`;
}

/** The checker's per-file results in a TextMemo; a file the reader could not read as text (too large, not UTF-8) is cheap to check and never remembered. */
export class FileResultsMemo implements FileResults {
  private readonly memo: TextMemo<LocalCheck>;

  constructor(file: string, digest: string) {
    this.memo = new TextMemo(file, digest, 'v8');
  }

  get(file: GardenFile): LocalCheck | undefined {
    return file.text === '' ? undefined : this.memo.get(file.path, file.text);
  }

  set(file: GardenFile, local: LocalCheck): void {
    if (file.text !== '') this.memo.set(file.path, file.text, local);
  }

  save(): void {
    this.memo.save();
  }
}
