import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readGardenFiles } from '../lib/check/read-garden';
import type { GardenFile } from '../lib/garden-file';
import { gardenModel, type ModelFile } from '../lib/garden-model';
import type { GardenUrls } from '../lib/urls';
import { linkSourceOfFile } from '../lib/links/sources';
import { linkFactsOf, targetsFromFacts, type LinkFacts, type LinkTarget } from '../lib/links/targets';
import type { FileFacts, FileMemo } from './file-memo';

/** The garden's files as read once, and the link targets built from them. */
export interface GardenSnapshot {
  files: readonly GardenFile[];
  /** The same files in the garden's model (src/lib/garden-model.ts): the check parses no file the link targets parsed. */
  model: readonly ModelFile[];
  targets: ReadonlyMap<string, LinkTarget>;
}

export interface LinkTargetsProvider {
  (): ReadonlyMap<string, LinkTarget>;
  /** The files behind the current targets: the build's garden check and note prefetch read no file again. */
  snapshot(): GardenSnapshot;
  /** Stops looking for changed files: a build reads the garden once, and every note sees the same targets. */
  freeze(): void;
}

export interface LinkTargetsProviderOptions {
  /** Files over this many bytes are not read (readGardenFiles); the same limit as the garden check's. */
  maxBytes?: number;
  /** Display paths of the files are relative to this (default: the working directory). */
  cwd?: string;
  /** Where each file's link facts are remembered between builds: a build after an edit parses the edited files alone. */
  memo?: FileMemo;
  /** How long a listing of the folder stays trusted, in `astro dev` (default 1 s). */
  refreshMs?: number;
  now?: () => number;
}

/**
 * The link targets of a garden folder, for the Markdown pipeline. Rebuilt when
 * a file was added, removed or changed, which `astro dev` needs; the check is
 * a directory listing at most once per `refreshMs`, so a build pays for it a
 * handful of times, not once per note, and none once frozen.
 */
export function createLinkTargetsProvider(contentDir: string, urls: GardenUrls, options: LinkTargetsProviderOptions = {}): LinkTargetsProvider {
  const { refreshMs = 1000, now = Date.now } = options;
  let snapshot: GardenSnapshot = { files: [], model: [], targets: new Map() };
  let signature: string | undefined;
  let checkedAt = -Infinity;
  let frozen = false;
  const current = (): GardenSnapshot => {
    if ((frozen && signature !== undefined) || now() - checkedAt < refreshMs) return snapshot;
    checkedAt = now();
    // A frozen provider reads the folder once and never compares it again: no need to list it for that.
    const folder = frozen ? 'frozen' : folderSignature(contentDir);
    if (folder !== signature) {
      signature = folder;
      const files = readGardenFiles(contentDir, options.cwd, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
      const model = gardenModel(files);
      const facts = model.flatMap((file) => linkFactsOfFile(file, options.memo) ?? []);
      snapshot = { files, model, targets: targetsFromFacts(facts, urls) };
    }
    return snapshot;
  };
  return Object.assign(() => current().targets, {
    snapshot: current,
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

/** What a file gives the link targets (null: nothing), from the memo while its text is unchanged. */
function linkFactsOfFile(modelled: ModelFile, memo: FileMemo | undefined): LinkFacts | null {
  const { file } = modelled;
  // A file the reader could not read as text (too large, not UTF-8) makes no target and is not remembered.
  const facts: FileFacts = memo && file.text !== '' ? memo.of(file.path, file.text) : {};
  if (facts.links === undefined) {
    const source = linkSourceOfFile(modelled);
    facts.links = source ? linkFactsOf(source) : null;
  }
  return facts.links;
}
