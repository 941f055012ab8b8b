/**
 * Checks a garden folder the way the build sees it: reads its files, lists the
 * site's static routes (so links to `/`, `/tags/` or any page added later are
 * known) and runs the checker. Shared by `npm run check` and the Astro
 * integration, so both report the same problems in the same words.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkGarden, type BodyScans } from './check';
import { readGardenFiles } from './read-garden';
import { maxBytesFromEnv } from './limits';
import { FIXED_PAGES, routeUrl } from './site-pages';
import { sortProblems, type ContentProblem } from '../errors';
import { FileCheckMemo } from '../../build/check-memo';
import { FileResultsMemo, fileResultsDigest } from '../../build/check-results';
import type { GardenSnapshot } from '../../build/link-targets';

export interface CheckFolderOptions {
  /** The generator's folder, whose src/pages lists the static routes. */
  projectRoot: string;
  /** Paths in messages are relative to this. */
  cwd?: string;
  /** `astro dev` shows drafts, so links to drafts work there. */
  allowDrafts?: boolean;
  base?: string;
  /** Default: GARDEN_MAX_BYTES, else 2 MB. */
  maxBytes?: number;
  /** A folder where body scans and formula checks are remembered between runs (the build's cache folder). */
  cacheDir?: string;
  /**
   * The garden as already read, with its link targets (the build's provider,
   * src/build/link-targets.ts): the check then reads no file itself. Read with
   * the same `maxBytes`, and display paths relative to the same `cwd`.
   */
  garden?: GardenSnapshot;
  /** Bodies the build's render workers have scanned already (CheckOptions.scans). */
  scans?: BodyScans;
  /**
   * A quick look that leaves the bodies out (each counts as scanned, with
   * nothing found, so body problems go unreported) and remembers nothing.
   */
  withoutBodies?: boolean;
}

const NOTHING_FOUND: BodyScans = { get: () => ({ formulas: [], rootLinks: [], hasCode: false, hasMath: false }) };

export interface FolderCheck {
  problems: ContentProblem[];
  files: number;
}

export function checkGardenFolder(contentDir: string, options: CheckFolderOptions): FolderCheck {
  const maxBytes = options.maxBytes ?? maxBytesFromEnv(process.env);
  const files = options.garden?.files ?? readGardenFiles(contentDir, options.cwd ?? process.cwd(), { maxBytes });
  const remember = options.cacheDir !== undefined && !options.withoutBodies ? options.cacheDir : undefined;
  const memo = remember ? new FileCheckMemo(remember, options.projectRoot) : undefined;
  const results = remember ? new FileResultsMemo(join(remember, 'garden-check-files.bin'), fileResultsDigest(options.projectRoot, maxBytes)) : undefined;
  const problems = checkGarden(files, {
    allowDrafts: options.allowDrafts ?? false,
    base: options.base ?? '/',
    maxBytes,
    editorial: true,
    staticPages: staticPages(join(options.projectRoot, 'src/pages')),
    ...(memo ? { memo } : {}),
    ...(results ? { files: results } : {}),
    ...(options.garden ? { linkTargets: options.garden.targets } : {}),
    ...(options.withoutBodies ? { scans: NOTHING_FOUND } : options.scans ? { scans: options.scans } : {}),
  });
  memo?.save();
  results?.save();
  return { problems: sortProblems(problems), files: files.length };
}

/** The addresses of the static routes under a pages folder (dynamic ones come from the entries). */
export function staticPages(pagesDir: string): string[] {
  if (!existsSync(pagesDir)) return [...FIXED_PAGES];
  const urls = readdirSync(pagesDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => routeUrl(join(entry.parentPath, entry.name).slice(pagesDir.length + 1)))
    .filter((url): url is string => url !== undefined);
  return [...new Set(urls)].sort();
}
