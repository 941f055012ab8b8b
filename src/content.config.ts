import { existsSync } from 'node:fs';
// The same function as astro:content's, without that module's runtime: loading the config no longer
// pulls about a hundred of Astro's runtime modules through Vite (≈ 0.4 s of every build).
import { defineCollection } from 'astro/content/config';
import { file, glob, type Loader } from 'astro/loaders';
import { resolveContentDir } from './lib/content-dir';
import { DATA_FILES, NOTE_COLLECTIONS, noteAtPath, type NoteCollection } from './lib/collections';
import { IGNORED_FILE_PATTERNS } from './lib/paths';
import { checkedByGarden } from './lib/checked-loader';

const contentDir = resolveContentDir(process.env, process.cwd());

/** A garden may leave out any collection (no shorts yet, no cheat sheets): an absent folder is simply empty. */
const ifPresent = (path: string, loader: () => Loader): Loader =>
  existsSync(path) ? loader() : { name: 'garden-absent', load: async ({ store }) => store.clear() };

/**
 * Notes keep no body in the content store: Astro bundles the whole store into
 * the build, where bodies were most of its size and memory. Pages read a body
 * from its file when they need it (noteBody in lib/markdown/note-html.ts).
 */
const notesOf = (collection: NoteCollection) =>
  ifPresent(`${contentDir}/${collection.folder}`, () =>
    checkedByGarden(glob({
      pattern: [`${'*/'.repeat(collection.depth)}*.{${collection.extensions.join(',')}}`, ...IGNORED_FILE_PATTERNS],
      base: `${contentDir}/${collection.folder}`,
      generateId: ({ entry }) => noteAtPath(`${collection.folder}/${entry}`, [collection])?.id ?? entry,
      retainBody: false,
    })),
  );

/** Typed per id, as Astro's generated types read it: each collection's entries get its own schema's output. */
type NoteCollections = { [C in (typeof NOTE_COLLECTIONS)[number] as C['id']]: { loader: Loader; schema: C['schema'] } };

const notes = Object.fromEntries(NOTE_COLLECTIONS.map((collection) => [collection.id, defineCollection({ loader: notesOf(collection), schema: collection.schema })])) as NoteCollections;

const partsFile = `${contentDir}/parts.yaml`;
const quizFolder = `${contentDir}/${DATA_FILES.quiz.folder}`;

export const collections = {
  ...notes,
  parts: defineCollection({ loader: ifPresent(partsFile, () => checkedByGarden(file(partsFile))), schema: DATA_FILES.parts.entrySchema }),
  quiz: defineCollection({
    loader: ifPresent(quizFolder, () =>
      checkedByGarden(glob({ pattern: [`*.{${DATA_FILES.quiz.extensions.join(',')}}`, ...IGNORED_FILE_PATTERNS], base: quizFolder, generateId: ({ entry }) => entry.replace(/\.ya?ml$/, '') })),
    ),
    schema: DATA_FILES.quiz.schema,
  }),
};
