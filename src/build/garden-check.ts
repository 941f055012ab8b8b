import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEditorial } from '../lib/check/check';
import { checkGardenFolder, type CheckFolderOptions } from '../lib/check/run';
import { formatProblem, GardenContentError, type ContentProblem } from '../lib/errors';
import type { GardenSnapshot } from './link-targets';
import type { BodyScans } from '../lib/check/check';

/**
 * Checks the whole garden before Astro loads it, so a wrong file stops the
 * build with every problem named by file and field, instead of the first one
 * in Astro's words — the same lines `npm run check` prints. In `astro dev`
 * problems are logged, the server stays up, and every change under the garden
 * folder is checked again.
 */
export interface GardenCheckOptions {
  contentDir: string;
  base?: string;
  /** The garden as the link targets read it (src/build/link-targets.ts). */
  garden?: () => GardenSnapshot;
  /** The bodies the note renderer's workers parse, scanned for the check (NoteRenderer.bodyScans). */
  scans?: () => Promise<BodyScans> | undefined;
}

export function gardenCheck(options: GardenCheckOptions): AstroIntegration {
  const contentDir = resolve(options.contentDir);
  let projectRoot = process.cwd();
  let cacheDir: string | undefined;
  /** The problems last reported in `astro dev`, as printed lines. */
  let previous = new Set<string>();
  const check = (allowDrafts: boolean, more: Pick<CheckFolderOptions, 'garden' | 'scans' | 'withoutBodies'> = {}) =>
    checkGardenFolder(contentDir, { projectRoot, allowDrafts, ...(cacheDir ? { cacheDir } : {}), ...(options.base ? { base: options.base } : {}), ...more }).problems;
  const hasErrors = (problems: readonly ContentProblem[]) => problems.some((p) => p.severity === 'error');

  /**
   * With render workers running, the check takes its body scans from them once
   * they are done, and this thread leaves the cores to them meanwhile. A mistake
   * outside the bodies still stops the build at once: a quick look without them
   * comes first, and if it finds an error the check parses the bodies itself.
   */
  async function checkAtStart(allowDrafts: boolean, garden: GardenSnapshot | undefined): Promise<ContentProblem[]> {
    const pending = options.scans?.();
    if (!pending || (!allowDrafts && hasErrors(check(allowDrafts, { garden, withoutBodies: true })))) return check(allowDrafts, { garden });
    return check(allowDrafts, { garden, scans: await pending });
  }

  return {
    name: 'garden-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        projectRoot = fileURLToPath(config.root);
        // Body scans and formula checks are remembered in the build's cache folder (src/build/check-memo.ts).
        cacheDir = fileURLToPath(config.cacheDir);
        // Drafts follow the command, not NODE_ENV: a build run with NODE_ENV=test must still hide them.
        updateConfig({ vite: { define: { 'import.meta.env.GARDEN_SHOW_DRAFTS': JSON.stringify(command === 'dev') } } });
        if (command === 'preview' || command === 'sync') return;
        // The garden as the link targets saw it, read once for both (a recheck in `astro dev` reads it afresh).
        const problems = await checkAtStart(command === 'dev', options.garden?.());
        previous = new Set(problems.map(formatProblem));
        logWarnings(problems, logger);
        const errors = problems.filter((p) => p.severity === 'error');
        if (errors.length === 0) return;
        if (command === 'dev') {
          for (const problem of errors) logger.error(formatProblem(problem));
          return;
        }
        throw new GardenContentError(errors);
      },

      'astro:server:setup': ({ server, logger }) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const recheck = () => {
          const problems = check(true);
          const lines = new Set(problems.map(formatProblem));
          const errors = problems.filter((p) => p.severity === 'error');
          for (const problem of errors) logger.error(formatProblem(problem));
          // Warnings already shown once are not repeated on every save.
          logWarnings(problems.filter((p) => !previous.has(formatProblem(p))), logger);
          const hadErrors = [...previous].some((line) => !line.startsWith('warning: '));
          if (errors.length === 0 && hadErrors) logger.info('The garden has no content errors any more.');
          previous = lines;
        };
        const onChange = (path: string) => {
          if (path !== contentDir && !path.startsWith(contentDir + sep)) return;
          clearTimeout(timer);
          timer = setTimeout(recheck, 150);
        };
        server.watcher.add(contentDir);
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onChange);
      },
    },
  };
}

/** Warnings one per line, except the editorial ones (a tag used once, a bit without code), which are counted. */
function logWarnings(problems: readonly ContentProblem[], logger: AstroIntegrationLogger) {
  const warnings = problems.filter((p) => p.severity === 'warning');
  for (const problem of warnings.filter((p) => !isEditorial(p))) logger.warn(formatProblem(problem));
  const editorial = warnings.filter(isEditorial).length;
  if (editorial > 0) {
    logger.info(`${editorial} editorial warning${editorial === 1 ? '' : 's'} (tags used only once, bits without code or formula): run npm run check to list them.`);
  }
}
