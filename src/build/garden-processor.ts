import { fileURLToPath } from 'node:url';
import type { NoteRenderer } from './note-renderer';
import type { UnifiedProcessor } from './lazy-unified';

/**
 * Astro's `unified()` processor with the garden's notes rendered by
 * NoteRenderer: the content store gets the note's headings and the path of its
 * HTML (`metadata.gardenHtml`), and an empty `html`; NoteBody.astro shows it.
 */
export function gardenProcessor(inner: UnifiedProcessor, notes: NoteRenderer): UnifiedProcessor {
  return {
    ...inner,
    async createRenderer(shared) {
      // Astro's renderer only for a file that is not a garden note: none in most gardens.
      let fallback: ReturnType<UnifiedProcessor['createRenderer']> | undefined;
      return {
        async render(content, options) {
          const filePath = options?.fileURL ? fileURLToPath(options.fileURL) : undefined;
          if (!filePath || !notes.isNote(filePath)) return (await (fallback ??= inner.createRenderer(shared))).render(content, options);
          const note = await notes.render(content, filePath).catch((error: unknown) => {
            notes.failures.push({ filePath, message: error instanceof Error ? error.message : String(error) });
            throw error;
          });
          return {
            code: '',
            metadata: {
              headings: note.headings,
              // Astro's content layer imports these, so the page can hand them to getImage() (NoteBody.astro).
              localImagePaths: note.images ?? [],
              remoteImagePaths: [],
              frontmatter: options?.frontmatter ?? {},
              gardenHtml: note.htmlPath,
              gardenMath: note.hasMath,
              gardenSearch: note.searchPath,
            },
          };
        },
      };
    },
  };
}
