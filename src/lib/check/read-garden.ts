import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { relativeToCwd } from '../display-path';
import type { GardenFile } from './check';

/** Reads every file of a garden folder (read-only: the checker never writes). */
export function readGardenFiles(contentDir: string, cwd: string = process.cwd()): GardenFile[] {
  if (!existsSync(contentDir)) return [];
  const entries = readdirSync(contentDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const absolute = join(entry.parentPath, entry.name);
      const path = absolute.slice(contentDir.length + 1).split('\\').join('/');
      return { path, displayPath: relativeToCwd(absolute, cwd), text: readFileSync(absolute, 'utf8') };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
