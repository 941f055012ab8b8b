import type { AstroIntegration } from 'astro';
import type { NoteRenderer } from '../lib/markdown/note-renderer';

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
      'astro:config:setup': ({ command }) => {
        if (command === 'build' || command === 'dev') notes.prefetch();
      },
      'astro:build:done': ({ logger }) => {
        notes.stopPool();
        logger.info(`${notes.rendered} note${notes.rendered === 1 ? '' : 's'} rendered, ${notes.reused} reused from the cache`);
      },
    },
  };
}
