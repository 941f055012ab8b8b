import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readGardenFiles } from '../check/read-garden';
import type { GardenUrls } from '../urls';
import { linkSourcesFromFiles } from './sources';
import { buildLinkTargets, type LinkTarget } from './targets';

export interface LinkTargetsProvider {
  (): ReadonlyMap<string, LinkTarget>;
  /** Stops looking for changed files: a build reads the garden once, and every note sees the same targets. */
  freeze(): void;
}

/**
 * The link targets of a garden folder, for the Markdown pipeline. Rebuilt when
 * a file was added, removed or changed, which `astro dev` needs; the check is
 * a directory listing at most once per `refreshMs`, so a build pays for it a
 * handful of times, not once per note, and none once frozen.
 */
export function createLinkTargetsProvider(contentDir: string, urls: GardenUrls, refreshMs = 1000, now: () => number = Date.now): LinkTargetsProvider {
  let targets: Map<string, LinkTarget> = new Map();
  let signature: string | undefined;
  let checkedAt = -Infinity;
  let frozen = false;
  const provider = (): ReadonlyMap<string, LinkTarget> => {
    if ((frozen && signature !== undefined) || now() - checkedAt < refreshMs) return targets;
    checkedAt = now();
    const current = folderSignature(contentDir);
    if (current !== signature) {
      signature = current;
      targets = buildLinkTargets(linkSourcesFromFiles(readGardenFiles(contentDir)), urls);
    }
    return targets;
  };
  return Object.assign(provider, {
    freeze() {
      frozen = true;
    },
  });
}

function folderSignature(dir: string): string {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        const stat = statSync(path);
        return `${path}:${stat.size}:${stat.mtimeMs}`;
      })
      .sort()
      .join('\n');
  } catch {
    return '';
  }
}
