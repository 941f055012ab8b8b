import { readdirSync, readFileSync, readlinkSync, existsSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute, sep } from 'node:path';
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
  const realRoot = realpathSync(root);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return listEntries(root)
    .flatMap((entry): GardenFile[] => {
      const absolute = join(entry.parentPath, entry.name);
      const path = absolute.slice(root.length + 1).split('\\').join('/');
      const displayPath = relativeToCwd(absolute, cwd);
      if (entry.isSymbolicLink()) {
        const link = followLink(absolute, realRoot, path);
        if (link === 'skip') return [];
        if (link !== 'file') return [{ path, displayPath, text: '', linksOutside: { ...link, target: relativeToCwd(link.target, cwd) } }];
      }
      if (classifyGardenPath(path) === 'ignored') return [{ path, displayPath, text: '' }];
      const size = statSync(absolute).size;
      if (size > maxBytes) return [{ path, displayPath, text: '', size }];
      const decoded = decodeUtf8(readFileSync(absolute));
      if ('error' in decoded) return [{ path, displayPath, text: '', size, invalidUtf8: decoded.error }];
      return [{ path, displayPath, text: decoded.text, size }];
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Files and symbolic links under a folder, never entering a linked folder (readdirSync's `recursive` does). */
function listEntries(root: string): Dirent[] {
  const found: Dirent[] = [];
  const folders = [root];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) folders.push(join(folder, entry.name));
      else if (entry.isFile() || entry.isSymbolicLink()) found.push(entry);
    }
  }
  return found;
}

/**
 * What a symbolic link in the garden leads to. One to a file inside the garden
 * is read as that file (Astro's loader follows it too); one that leads out of
 * the garden — or nowhere — would publish what it points at, so it is reported,
 * unless it is something the garden ignores anyway (a dotfile, an image). A
 * link to a folder inside the garden is skipped: its files are read where they are.
 */
function followLink(absolute: string, realRoot: string, path: string): 'file' | 'skip' | { target: string; missing?: boolean } {
  let target: string;
  try {
    target = realpathSync(absolute);
  } catch {
    return classifyGardenPath(path) === 'ignored' ? 'skip' : { target: resolve(dirname(absolute), readlinkSync(absolute)), missing: true };
  }
  const inside = (() => {
    const rel = relative(realRoot, target);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  })();
  const isDirectory = statSync(target).isDirectory();
  if (inside) return isDirectory ? 'skip' : 'file';
  const name = path.split('/').at(-1) ?? path;
  const ignored = isDirectory ? name.startsWith('.') || name.startsWith('_') : classifyGardenPath(path) === 'ignored';
  return ignored ? 'skip' : { target };
}
