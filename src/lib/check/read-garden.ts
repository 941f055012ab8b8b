import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { relativeToCwd } from '../display-path';
import { classifyGardenPath } from '../paths';
import { decodeUtf8 } from './utf8';
import { DEFAULT_MAX_BYTES } from './limits';
import type { GardenFile } from '../garden-file';

export { DEFAULT_MAX_BYTES };

export interface ReadGardenOptions {
  /** Files over this many bytes are listed with their size but not read (the checker reports them). */
  maxBytes?: number;
}

/**
 * Reads every file of a garden folder (read-only: the checker never writes).
 * Content files are read as bytes and decoded as strict UTF-8; a file that is
 * not UTF-8 carries where it breaks, and one over `maxBytes` only its size.
 * Files the garden ignores (images, dotfiles, README.md) are listed, not read.
 */
export function readGardenFiles(contentDir: string, cwd: string = process.cwd(), options: ReadGardenOptions = {}): GardenFile[] {
  const root = resolve(contentDir);
  if (!existsSync(root)) return [];
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry): GardenFile => {
      const absolute = join(entry.parentPath, entry.name);
      const path = absolute.slice(root.length + 1).split('\\').join('/');
      const displayPath = relativeToCwd(absolute, cwd);
      if (classifyGardenPath(path) === 'ignored') return { path, displayPath, text: '' };
      const size = statSync(absolute).size;
      if (size > maxBytes) return { path, displayPath, text: '', size };
      const decoded = decodeUtf8(readFileSync(absolute));
      if ('error' in decoded) return { path, displayPath, text: '', size, invalidUtf8: decoded.error };
      return { path, displayPath, text: decoded.text, size };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
