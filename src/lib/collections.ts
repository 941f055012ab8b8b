/**
 * The collection registry: every fact about a kind of note, declared once.
 * The content config, the checker, the link targets, the loader, the pages,
 * the search documents, the scaffold of `npm run new` and the note renderer
 * all iterate over it, so a new frontmatter field is added to a schema (and
 * shown by a view), and a new collection is one more entry here (plus its
 * views). Item types come from the schemas (`NoteItem`), never copied by hand.
 *
 * The quiz files and parts.yaml are data, not notes: they have no page of
 * their own, no links and no body, and the cheat sheets are built around them
 * (src/lib/garden.ts), so they are declared apart (DATA_FILES).
 */
import type { z } from 'astro/zod';
import { bitSchema, chapterSchema, partSchema, partsFileSchema, quizSchema, shortSchema } from './schema';

/** Everything the garden needs to know about one collection of Markdown notes. */
export interface NoteCollection<Id extends string = string, Schema extends z.ZodType = z.ZodType, Noun extends string = string> {
  /** Astro's collection name, the first segment of a link key (`bits/kv-cache`) and of a qualified wikilink (`[[bits/kv-cache]]`). */
  id: Id;
  /** One entry, as authors say it: `npm run new <noun>`, "a bit". */
  noun: Noun;
  /** The plural as a heading shows it. */
  label: string;
  /** The folder under the garden that holds the notes. */
  folder: string;
  /** Sub-folders between that folder and a note: 0 for `bits/<slug>.md`, 1 for `chapters/<part>/<file>.md`. */
  depth: number;
  /** What each of those sub-folders is, as messages name it (`part-id`); one per level of `depth`. */
  subfolders?: readonly string[] | undefined;
  /** The note files' extensions. */
  extensions: readonly string[];
  /** The frontmatter's contract; the item type is its output (`NoteItem`). */
  schema: Schema;
  /** The note's page, from its id (the path under the folder without extension), without the site's base path. */
  path(id: string): string;
  /** The listing of the whole collection, without the site's base path. */
  listingPath: string;
  /** The frontmatter field that sums a note up (previews, search, feeds), if any. */
  summaryField?: string | undefined;
  /** The order of listings, feeds and previous/next links: newest first (then by title), or by part and chapter number. */
  order: 'newest-first' | 'by-part';
  /** Warn (editorially) about a note with neither code nor formula: bits are snippets. */
  expectsCodeOrMath?: boolean | undefined;
  /** How search indexes a body: as one text (`whole`) or as one document per ## and ### section (`sections`). */
  searchBody: 'whole' | 'sections';
  /**
   * The frontmatter and body `npm run new` writes (src/lib/scaffold.ts). A line
   * `{title}`, `{tags}`, `{optional tags}`, `{date}`, `{track}`, `{draft}`,
   * `{part}` or `{chapter}` becomes that field as the author asked for it, or
   * nothing when it is optional and not asked for; other lines are kept.
   */
  template: { frontmatter: readonly string[]; body: readonly string[] };
}

const MARKDOWN_EXTENSIONS = ['md', 'mdx'] as const;

const defineNotes = <Id extends string, Schema extends z.ZodType, Noun extends string>(collection: NoteCollection<Id, Schema, Noun>) => collection;

export const bits = defineNotes({
  id: 'bits',
  noun: 'bit',
  label: 'Bits',
  folder: 'bits',
  depth: 0,
  extensions: MARKDOWN_EXTENSIONS,
  schema: bitSchema,
  path: (id) => `/bits/${id}/`,
  listingPath: '/bits/',
  summaryField: 'why',
  order: 'newest-first',
  expectsCodeOrMath: true,
  searchBody: 'whole',
  template: {
    frontmatter: ['{title}', '{tags}', '{date}', '{draft}'],
    body: ['The idea in a line or two.', '', '```python', '# the snippet', '```'],
  },
});

export const shorts = defineNotes({
  id: 'shorts',
  noun: 'short',
  label: 'Shorts',
  folder: 'shorts',
  depth: 0,
  extensions: MARKDOWN_EXTENSIONS,
  schema: shortSchema,
  path: (id) => `/shorts/${id}/`,
  listingPath: '/shorts/',
  summaryField: 'summary',
  order: 'newest-first',
  searchBody: 'whole',
  template: {
    frontmatter: ['{title}', 'summary: One sentence for the feed.', '{date}', '{tags}', '{track}', '{draft}'],
    body: ['One idea, explained.'],
  },
});

export const chapters = defineNotes({
  id: 'chapters',
  noun: 'chapter',
  label: 'Chapters',
  folder: 'chapters',
  depth: 1,
  subfolders: ['part-id'],
  extensions: MARKDOWN_EXTENSIONS,
  schema: chapterSchema,
  path: (id) => `/cheatsheets/${id}/`,
  listingPath: '/cheatsheets/',
  summaryField: 'summary',
  order: 'by-part',
  searchBody: 'sections',
  template: {
    frontmatter: ['{title}', '{part}', '{chapter}', 'summary: What this chapter covers, in one sentence.', '{optional tags}', '{draft}'],
    body: ['## First section', '', 'Start here.'],
  },
});

/** The garden's note collections, in the order listings, link resolution and search take them. */
export const NOTE_COLLECTIONS = [bits, shorts, chapters] as const;

export type NoteCollectionId = (typeof NOTE_COLLECTIONS)[number]['id'];
export type NoteNoun = (typeof NOTE_COLLECTIONS)[number]['noun'];
export type NoteCollectionOf<Id extends NoteCollectionId> = Extract<(typeof NOTE_COLLECTIONS)[number], { id: Id }>;
export type NoteData<Id extends NoteCollectionId> = z.output<NoteCollectionOf<Id>['schema']>;
/** A note as pages, listings and search see it: its validated frontmatter and its id. */
export type NoteItem<Id extends NoteCollectionId> = NoteData<Id> & { id: string };

export type BitItem = NoteItem<'bits'>;
export type ShortItem = NoteItem<'shorts'>;
export type ChapterItem = NoteItem<'chapters'>;

/** Any set of note collections: the garden's, or a test's with one more. */
export type Registry = readonly NoteCollection[];

/** The data files of the cheat sheets: the parts, and the quiz facts of each chapter. */
export const DATA_FILES = {
  /** parts.yaml: the whole file is checked against `schema`; Astro loads each part as an entry of `entrySchema`. */
  parts: { noun: 'parts', schema: partsFileSchema, entrySchema: partSchema, file: /^parts\.ya?ml$/i },
  quiz: { noun: 'quiz', folder: 'quiz', schema: quizSchema, extensions: ['yaml', 'yml'] },
} as const;

/** The collection by id; throws for an id the registry does not hold (a programming error, not an author's). */
export function noteCollection(id: string, registry: Registry = NOTE_COLLECTIONS): NoteCollection {
  const found = registry.find((collection) => collection.id === id);
  if (!found) throw new Error(`no note collection "${id}" (known: ${registry.map((c) => c.id).join(', ')})`);
  return found;
}

/** The collection whose notes `noun` names (`bit` → bits). */
export function collectionOfNoun(noun: string, registry: Registry = NOTE_COLLECTIONS): NoteCollection | undefined {
  return registry.find((collection) => collection.noun === noun);
}

/**
 * The collection a path under the garden belongs to, with the note's id, or
 * undefined for any other file: `chapters/ml/01-tensors.md` → chapters,
 * `ml/01-tensors`.
 */
export function noteAtPath(path: string, registry: Registry = NOTE_COLLECTIONS): { collection: NoteCollection; id: string } | undefined {
  const segments = path.split('/');
  const name = segments.at(-1) ?? '';
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === undefined) return undefined;
  const collection = registry.find((c) => segments[0] === c.folder && segments.length === c.depth + 2 && c.extensions.includes(extension));
  if (!collection) return undefined;
  return { collection, id: segments.slice(1).join('/').slice(0, -(extension.length + 1)) };
}

/** Where a note of the collection goes, as authors read it: `bits/<slug>.md`, `chapters/<part-id>/<file>.md`. */
export function notePlace(collection: NoteCollection, fileName = `${collection.depth === 0 ? '<slug>' : '<file>'}.md`): string {
  const folders = Array.from({ length: collection.depth }, (_, level) => `<${collection.subfolders?.[level] ?? 'folder'}>/`).join('');
  return `${collection.folder}/${folders}${fileName}`;
}

/** The summary field's value of a note's data, when the collection has one and the note fills it. */
export function summaryOf(collection: NoteCollection, data: Readonly<Record<string, unknown>>): string | undefined {
  const value = collection.summaryField ? data[collection.summaryField] : undefined;
  return typeof value === 'string' ? value : undefined;
}
