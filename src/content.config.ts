import { existsSync } from 'node:fs';
// The same function as astro:content's, without that module's runtime: loading the config no longer
// pulls about a hundred of Astro's runtime modules through Vite (≈ 0.4 s of every build).
import { defineCollection } from 'astro/content/config';
import { file, glob, type Loader } from 'astro/loaders';
import { resolveContentDir } from './lib/content-dir';
import { bitSchema, chapterSchema, partSchema, quizSchema, shortSchema } from './lib/schema';
import { slugFromFileName, chapterIdFromPath, IGNORED_FILE_PATTERNS } from './lib/paths';

const contentDir = resolveContentDir(process.env, process.cwd());

/** A garden may leave out any collection (no shorts yet, no cheat sheets): an absent folder is simply empty. */
const ifPresent = (path: string, loader: () => Loader): Loader =>
  existsSync(path) ? loader() : { name: 'garden-absent', load: async ({ store }) => store.clear() };

/**
 * Notes keep no body in the content store: Astro bundles the whole store into
 * the build, where bodies were most of its size and memory. Pages read a body
 * from its file when they need it (noteBody in lib/markdown/note-html.ts).
 */
const markdownIn = (folder: string) =>
  ifPresent(`${contentDir}/${folder}`, () =>
    glob({ pattern: ['*.{md,mdx}', ...IGNORED_FILE_PATTERNS], base: `${contentDir}/${folder}`, generateId: ({ entry }) => slugFromFileName(entry), retainBody: false }),
  );

export const collections = {
  bits: defineCollection({ loader: markdownIn('bits'), schema: bitSchema }),
  shorts: defineCollection({ loader: markdownIn('shorts'), schema: shortSchema }),
  chapters: defineCollection({
    loader: ifPresent(`${contentDir}/chapters`, () =>
      glob({ pattern: ['*/*.{md,mdx}', ...IGNORED_FILE_PATTERNS], base: `${contentDir}/chapters`, generateId: ({ entry }) => chapterIdFromPath(entry), retainBody: false }),
    ),
    schema: chapterSchema,
  }),
  parts: defineCollection({ loader: ifPresent(`${contentDir}/parts.yaml`, () => file(`${contentDir}/parts.yaml`)), schema: partSchema }),
  quiz: defineCollection({
    loader: ifPresent(`${contentDir}/quiz`, () =>
      glob({ pattern: ['*.{yaml,yml}', ...IGNORED_FILE_PATTERNS], base: `${contentDir}/quiz`, generateId: ({ entry }) => entry.replace(/\.ya?ml$/, '') }),
    ),
    schema: quizSchema,
  }),
};
