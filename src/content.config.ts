import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { resolveContentDir } from './lib/content-dir';
import { bitSchema, chapterSchema, partSchema, quizSchema, shortSchema } from './lib/schema';
import { slugFromFileName, chapterIdFromPath } from './lib/paths';

const contentDir = resolveContentDir(process.env, process.cwd());

const markdownIn = (folder: string) => glob({ pattern: '*.{md,mdx}', base: `${contentDir}/${folder}`, generateId: ({ entry }) => slugFromFileName(entry) });

export const collections = {
  bits: defineCollection({ loader: markdownIn('bits'), schema: bitSchema }),
  shorts: defineCollection({ loader: markdownIn('shorts'), schema: shortSchema }),
  chapters: defineCollection({
    loader: glob({ pattern: '*/*.{md,mdx}', base: `${contentDir}/chapters`, generateId: ({ entry }) => chapterIdFromPath(entry) }),
    schema: chapterSchema,
  }),
  parts: defineCollection({ loader: file(`${contentDir}/parts.yaml`), schema: partSchema }),
  quiz: defineCollection({
    loader: glob({ pattern: '*.{yaml,yml}', base: `${contentDir}/quiz`, generateId: ({ entry }) => entry.replace(/\.ya?ml$/, '') }),
    schema: quizSchema,
  }),
};
