import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEditorial } from '../lib/check/check';
import { checkGardenFolder } from '../lib/check/run';
import { checkDiagrams } from '../lib/check/diagrams';
import { startMermaidParser, type MermaidThread } from './mermaid-thread';
import { problemPageHtml, problemPages } from '../lib/check/problem-pages';
import { formatProblem, GardenContentError, type ContentProblem } from '../lib/errors';
import type { GardenSnapshot } from './link-targets';
import type { FileMemo } from './file-memo';

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
  /** The tracks a short may name (src/site.config.ts). */
  tracks?: readonly string[];
  /** The levels a quiz fact may carry (src/site.config.ts). */
  levels?: Readonly<Record<number, string>>;
  /** The garden as the link targets read it (src/build/link-targets.ts). */
  garden?: () => GardenSnapshot;
  /**
   * Where each file's own results are remembered between runs (file-memo.ts).
   * The check is the memo's last user as a build sets up (after the link
   * targets and the note renderer's prefetch): it saves the memo after each run.
   */
  memo?: FileMemo;
  /**
   * How a build stops on content errors. `throw` (the default) hands Astro a
   * GardenContentError, which it frames as "An unhandled error occurred while
   * running the hook"; `exit` prints the garden's lines and nothing else, then
   * ends the process with exit code 1, calling `beforeExit` first (the render
   * workers are stopped). Nothing has been written by then but the cache.
   */
  onErrors?: 'throw' | 'exit';
  beforeExit?: () => void;
  /** Diagrams known to parse (drawn by an earlier build, diagram-renderer.ts): Mermaid's parser is not loaded for them. */
  knownDiagram?: (source: string) => boolean;
}

export function gardenCheck(options: GardenCheckOptions): AstroIntegration {
  const contentDir = resolve(options.contentDir);
  let projectRoot = process.cwd();
  /** The problems last reported in `astro dev`, as printed lines. */
  let previous = new Set<string>();
  /** In `astro dev`: the errors of each note, by its page's address, which then shows them. */
  let pages = new Map<string, ContentProblem[]>();
  const showOnPages = (problems: readonly ContentProblem[]) => {
    pages = problemPages(problems, { contentDir, cwd: process.cwd(), base: options.base ?? '/' });
  };
  const check = (allowDrafts: boolean, garden?: GardenSnapshot) => {
    const { base, memo, tracks, levels } = options;
    const given = { ...(base ? { base } : {}), ...(tracks ? { tracks } : {}), ...(levels ? { levels } : {}), ...(garden ? { garden } : {}), ...(memo ? { results: memo.checkResults() } : {}) };
    try {
      return checkGardenFolder(contentDir, { projectRoot, allowDrafts, ...given });
    } finally {
      memo?.save();
    }
  };

  return {
    name: 'garden-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        projectRoot = fileURLToPath(config.root);
        // Drafts follow the command, not NODE_ENV: a build run with NODE_ENV=test must still hide them.
        updateConfig({ vite: { define: { 'import.meta.env.GARDEN_SHOW_DRAFTS': JSON.stringify(command === 'dev') } } });
        if (command === 'preview' || command === 'sync') return;
        // The garden as the link targets saw it, read once for both (a recheck in `astro dev` reads it afresh).
        const checked = check(command === 'dev', options.garden?.());
        // Mermaid's parser is asynchronous, the rest of the check is not: diagrams are checked once the garden is,
        // on a thread started only for a diagram not drawn before (diagrams.ts, mermaid-thread.ts).
        let mermaid: MermaidThread | undefined;
        const parser = () => (mermaid ??= startMermaidParser(projectRoot)).parser;
        const diagrams = await checkDiagrams(checked.gardenFiles, { parser, ...(options.knownDiagram ? { known: options.knownDiagram } : {}) }).finally(() => mermaid?.stop());
        const problems = [...checked.problems, ...diagrams];
        previous = new Set(problems.map(formatProblem));
        logWarnings(problems, logger);
        const errors = problems.filter((p) => p.severity === 'error');
        if (errors.length === 0) return;
        if (command === 'dev') {
          for (const problem of errors) logger.error(formatProblem(problem));
          showOnPages(errors);
          return;
        }
        if (options.onErrors !== 'exit') throw new GardenContentError(errors);
        for (const problem of errors) logger.error(formatProblem(problem));
        logger.error(`The build stopped: the garden has ${errors.length} content error${errors.length === 1 ? '' : 's'} (npm run check lists them with the warnings).`);
        options.beforeExit?.();
        return exitOnceWritten(1);
      },

      'astro:server:setup': ({ server, logger, refreshContent }) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const recheck = () => {
          const { problems } = check(true);
          showOnPages(problems);
          const lines = new Set(problems.map(formatProblem));
          const errors = problems.filter((p) => p.severity === 'error');
          for (const problem of errors) logger.error(formatProblem(problem));
          // Warnings already shown once are not repeated on every save.
          logWarnings(problems.filter((p) => !previous.has(formatProblem(p))), logger);
          const hadErrors = [...previous].some((line) => !line.startsWith('warning: '));
          if (errors.length === 0 && hadErrors) logger.info('The garden has no content errors any more.');
          // A mistake was fixed: Astro's loader may have read the file half-written as it was saved, failed, and kept the old entry.
          // Once the check has seen the file whole, the content layer reads the garden again (unchanged files are skipped by their digest).
          const fixed = [...previous].some((line) => !line.startsWith('warning: ') && !lines.has(line));
          previous = lines;
          if (fixed) void refreshContent?.({}).catch((error: unknown) => logger.warn(`could not reload the content: ${error instanceof Error ? error.message : String(error)}`));
        };
        const onChange = (path: string) => {
          if (path !== contentDir && !path.startsWith(contentDir + sep)) return;
          clearTimeout(timer);
          timer = setTimeout(recheck, 150);
        };
        // The page of a broken note shows its errors (rather than a 404, or the note's last good version).
        server.middlewares.use((request, response, next) => {
          let path = (request.url ?? '/').replace(/[?#].*$/, '');
          try {
            path = decodeURI(path);
          } catch {
            // A malformed address is looked up as written.
          }
          const problems = pages.get(path) ?? pages.get(`${path}/`);
          if (!problems || request.method !== 'GET') return next();
          response.statusCode = 500;
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          response.end(problemPageHtml(problems));
        });
        server.watcher.add(contentDir);
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onChange);
      },
    },
  };
}

/** Ends the process once what was logged has been handed to the terminal or pipe (a write to a pipe is asynchronous). */
async function exitOnceWritten(code: number): Promise<never> {
  await new Promise<void>((done) => process.stdout.write('', () => process.stderr.write('', () => done())));
  process.exit(code);
}

/** Warnings one per line, except the editorial ones (a tag that looks misspelt, a bit without code), which are counted. */
function logWarnings(problems: readonly ContentProblem[], logger: AstroIntegrationLogger) {
  const warnings = problems.filter((p) => p.severity === 'warning');
  for (const problem of warnings.filter((p) => !isEditorial(p))) logger.warn(formatProblem(problem));
  const editorial = warnings.filter(isEditorial).length;
  if (editorial > 0) {
    logger.info(`${editorial} editorial warning${editorial === 1 ? '' : 's'} (a tag used once that looks like a misspelt one, bits without code or formula): run npm run check to list them.`);
  }
}
