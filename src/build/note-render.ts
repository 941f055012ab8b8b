import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { NoteRenderer } from './note-renderer';
import { contentStoreFile, dropStoreIfStale } from './content-store';
import { relativeToCwd } from '../lib/display-path';

/**
 * Starts rendering the notes the cache lacks as soon as a build or the dev
 * server starts — on worker threads, while the garden check runs on the main
 * one — and says afterwards how many notes were rendered and how many reused.
 * Listed before gardenCheck, whose set-up hook blocks the main thread.
 */
export function noteRendering(notes: NoteRenderer): AstroIntegration {
  return {
    name: 'garden-notes',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        if (command === 'build') notes.freezeTargets();
        const store = contentStoreFile({ command, cacheDir: fileURLToPath(config.cacheDir), root: fileURLToPath(config.root) });
        if (dropStoreIfStale(store, notes.storeDigest())) logger.info('The Markdown pipeline or the links between notes changed: every note is checked against the note cache again');
        const sent = notes.prefetch();
        if (sent > 0) logger.info(`Rendering ${sent} note${sent === 1 ? '' : 's'} on worker threads`);
      },
      // Runs once the content is loaded: a note that failed to render would otherwise be a page without its text.
      'astro:build:start': () => {
        if (notes.failures.length === 0) return;
        const lines = notes.failures.map((failure) => `  ${relativeToCwd(failure.filePath)}: ${failure.message}`);
        throw new Error(`${notes.failures.length} note${notes.failures.length === 1 ? '' : 's'} could not be rendered:\n${lines.join('\n')}`);
      },
      // Only a build that finished gets here (not `astro dev`, not a failed build): what it did not use, no page it wrote needs.
      'astro:build:done': async ({ logger }) => {
        notes.stopPool();
        await notes.diagrams?.close();
        const pruned = notes.pruneCache();
        const unused = pruned > 0 ? `; ${pruned} unused cache entr${pruned === 1 ? 'y' : 'ies'} removed` : '';
        logger.info(`${notes.rendered} note${notes.rendered === 1 ? '' : 's'} rendered, ${notes.reused} reused from the cache${unused}`);
        const drawn = notes.diagrams?.drawn ?? 0;
        if (drawn > 0) logger.info(`${drawn} Mermaid diagram${drawn === 1 ? '' : 's'} drawn (the browser took ${Math.round(notes.diagrams!.startMs)} ms to start)`);
      },
    },
  };
}
