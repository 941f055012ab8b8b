/**
 * Checks a garden folder the way the build sees it: reads its files, lists the
 * site's static routes (so links to `/`, `/tags/` or any page added later are
 * known) and runs the checker. Shared by `npm run check` and the Astro
 * integration, so both report the same problems in the same words.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkGarden, type FileResults } from './check';
import { readGardenFiles } from './read-garden';
import { maxBytesFromEnv } from './limits';
import { FIXED_PAGES, routeUrl } from './site-pages';
import { sortProblems, type ContentProblem } from '../errors';
import type { GardenFile } from '../garden-file';
import type { LinkTarget } from '../links/targets';
import type { ModelFile } from '../garden-model';
import { noteAtPath } from '../collections';
import { classifyGardenPath } from '../paths';
import { relativeToCwd } from '../display-path';
import { noNotes } from './placement';
import { importResolver } from './imports';

export interface CheckFolderOptions {
  /** The generator's folder, whose src/pages lists the static routes. */
  projectRoot: string;
  /** Paths in messages are relative to this. */
  cwd?: string;
  /** `astro dev` shows drafts, so links to drafts work there. */
  allowDrafts?: boolean;
  base?: string;
  /** The tracks a short may name (the keys of siteConfig.tracks); without them any track is taken. */
  tracks?: readonly string[];
  /** The levels a quiz fact may carry (siteConfig.levels); without them any level is taken. */
  levels?: Readonly<Record<number, string>>;
  /** Default: GARDEN_MAX_BYTES, else 2 MB. */
  maxBytes?: number;
  /**
   * The garden as already read, maybe with its link targets (the build's provider,
   * src/build/link-targets.ts): the check then reads no file itself. Read with
   * the same `maxBytes`, and display paths relative to the same `cwd`.
   */
  garden?: { files: readonly GardenFile[]; model?: readonly ModelFile[]; targets?: ReadonlyMap<string, LinkTarget> };
  /** Each file's own results, kept between runs by the caller (the build keeps them in its cache folder). */
  results?: FileResults;
}

export interface FolderCheck {
  problems: ContentProblem[];
  files: number;
  /** The files as read, for the checks that run after (diagrams.ts). */
  gardenFiles: readonly GardenFile[];
}

export function checkGardenFolder(contentDir: string, options: CheckFolderOptions): FolderCheck {
  const maxBytes = options.maxBytes ?? maxBytesFromEnv(process.env);
  const files = options.garden?.files ?? readGardenFiles(contentDir, options.cwd ?? process.cwd(), { maxBytes });
  const problems = checkGarden(files, {
    allowDrafts: options.allowDrafts ?? false,
    base: options.base ?? '/',
    maxBytes,
    editorial: true,
    ...(options.tracks ? { tracks: options.tracks } : {}),
    ...(options.levels ? { levels: options.levels } : {}),
    resolveImport: importResolver(contentDir, options.projectRoot),
    staticPages: staticPages(join(options.projectRoot, 'src/pages')),
    ...(options.results ? { files: options.results } : {}),
    ...(options.garden?.targets ? { linkTargets: options.garden.targets } : {}),
    ...(options.garden?.model ? { model: options.garden.model } : {}),
  });
  // Only notes make pages: a garden of none (or of Markdown files in the wrong places) would build an empty site.
  const hasNotes = files.some((file) => classifyGardenPath(file.path) !== 'ignored' && noteAtPath(file.path) !== undefined);
  if (!hasNotes) problems.push(noNotes(relativeToCwd(contentDir, options.cwd ?? process.cwd())));
  return { problems: sortProblems(problems), files: files.length, gardenFiles: files };
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
