import type { AstroIntegration } from 'astro';
import { checkGarden } from '../lib/check/check';
import { readGardenFiles } from '../lib/check/read-garden';
import { formatProblem, GardenContentError, sortProblems } from '../lib/errors';

/**
 * Checks the whole garden before Astro loads it, so a wrong file stops the
 * build with every problem named by file and field, instead of the first one
 * in Astro's words. In `astro dev` problems are logged and the server stays up.
 */
export function gardenCheck(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'garden-check',
    hooks: {
      'astro:config:setup': ({ command, logger, updateConfig }) => {
        // Drafts follow the command, not NODE_ENV: a build run with NODE_ENV=test must still hide them.
        updateConfig({ vite: { define: { 'import.meta.env.GARDEN_SHOW_DRAFTS': JSON.stringify(command === 'dev') } } });
        if (command === 'preview') return;
        const problems = sortProblems(checkGarden(readGardenFiles(options.contentDir)));
        for (const problem of problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(problem));
        const errors = problems.filter((p) => p.severity === 'error');
        if (errors.length === 0) return;
        if (command === 'dev') {
          for (const problem of errors) logger.error(formatProblem(problem));
          return;
        }
        throw new GardenContentError(errors);
      },
    },
  };
}
