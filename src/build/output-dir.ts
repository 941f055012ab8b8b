/**
 * The build's output folder between builds. Astro empties it before every
 * build and then copies back each page its incremental cache can reuse; when
 * the folder is still exactly as our last build left it, the pages can stay
 * where they are instead, and only what the new build did not write is
 * removed afterwards (src/build/keep-output.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface OutputFile {
  /** Absolute path. */
  path: string;
  size: number;
  mtimeMs: number;
}

/** Every file under `dir` (none if it does not exist), `.git` left out as Astro leaves it. */
export function listOutput(dir: string): OutputFile[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  const files: OutputFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (relative(dir, path).split(sep)[0] === '.git') continue;
    try {
      const stat = statSync(path);
      files.push({ path, size: stat.size, mtimeMs: stat.mtimeMs });
    } catch {
      // removed meanwhile
    }
  }
  return files;
}

/** Names, sizes and modification times of every file: any change to the folder since changes it. */
export function outputFingerprint(dir: string, files: readonly OutputFile[]): string {
  const hash = createHash('sha256').update(dir);
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) hash.update(`\n${file.path}\t${file.size}\t${file.mtimeMs}`);
  return hash.digest('hex');
}

/**
 * Files a build left over from an earlier one: older than the build's start
 * (`since`) and not among the pages it wrote or kept (`written`).
 */
export function staleOutputFiles(files: readonly OutputFile[], written: ReadonlySet<string>, since: number): string[] {
  return files.filter((file) => file.mtimeMs < since && !written.has(file.path)).map((file) => file.path);
}

/** Deletes the files, then every folder under `dir` left empty. */
export function removeOutputFiles(dir: string, paths: readonly string[]): void {
  for (const path of paths) unlinkSync(path);
  const prune = (folder: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== '.git' && prune(join(folder, entry.name))) continue;
      empty = false;
    }
    if (empty && folder !== dir) rmdirSync(folder);
    return empty;
  };
  if (paths.length > 0) prune(dir);
}
