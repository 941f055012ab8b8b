/** Where a file sits in the garden decides what it is. */
import { DATA_FILES, NOTE_COLLECTIONS, noteAtPath, type NoteNoun, type Registry } from './collections';

/** A note's kind is its collection's noun (`bit`, `short`, `chapter`, or a test registry's own). */
export type GardenPathKind = NoteNoun | 'quiz' | 'parts' | 'misplaced' | 'ignored';

const MARKDOWN = /\.(md|mdx)$/i;
const YAML = /\.ya?ml$/i;

/** Classifies a path relative to the garden folder, e.g. `chapters/ml-foundations/01-tensors.md`. */
export function classifyGardenPath(path: string, registry: Registry = NOTE_COLLECTIONS): GardenPathKind {
  const parts = path.split('/');
  const name = parts.at(-1) ?? '';
  if (name.startsWith('.') || name.startsWith('_') || /^readme\.mdx?$/i.test(name)) return 'ignored';
  if (parts.length === 1 && DATA_FILES.parts.file.test(name)) return 'parts';
  const note = noteAtPath(path, registry);
  if (note) return note.collection.noun as GardenPathKind;
  if (parts[0] === DATA_FILES.quiz.folder && parts.length === 2 && YAML.test(name)) return 'quiz';
  if (MARKDOWN.test(name) || YAML.test(name)) return 'misplaced';
  return 'ignored';
}

/**
 * The files classifyGardenPath ignores (`_draft.md`, `.notes.md`, a folder's
 * README), as negated glob patterns for Astro's glob loader, which would
 * otherwise load them as entries and fail on their missing frontmatter.
 */
export const IGNORED_FILE_PATTERNS: readonly string[] = ['!**/_*', '!**/.*', '!**/[Rr][Ee][Aa][Dd][Mm][Ee].{md,mdx}'];

/** A chapter id is its path under chapters/ without the extension: `ml-foundations/01-tensors`. */
export function chapterIdFromPath(pathUnderChapters: string): string {
  return pathUnderChapters.replace(MARKDOWN, '');
}

/** The file name without extension, which is the slug of bits and shorts. */
export function slugFromFileName(fileName: string): string {
  return (fileName.split('/').at(-1) ?? fileName).replace(MARKDOWN, '');
}
