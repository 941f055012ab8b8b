/** Where a file sits in the garden decides what it is. */
export type GardenPathKind = 'bit' | 'short' | 'chapter' | 'quiz' | 'parts' | 'misplaced' | 'ignored';

const MARKDOWN = /\.(md|mdx)$/i;
const YAML = /\.ya?ml$/i;

/** Classifies a path relative to the garden folder, e.g. `chapters/ml-foundations/01-tensors.md`. */
export function classifyGardenPath(path: string): GardenPathKind {
  const parts = path.split('/');
  const name = parts.at(-1) ?? '';
  if (name.startsWith('.') || name.startsWith('_') || /^readme\.mdx?$/i.test(name)) return 'ignored';
  if (parts.length === 1 && /^parts\.ya?ml$/i.test(name)) return 'parts';
  const [top] = parts;
  if (top === 'bits' && parts.length === 2 && MARKDOWN.test(name)) return 'bit';
  if (top === 'shorts' && parts.length === 2 && MARKDOWN.test(name)) return 'short';
  if (top === 'chapters' && parts.length === 3 && MARKDOWN.test(name)) return 'chapter';
  if (top === 'quiz' && parts.length === 2 && YAML.test(name)) return 'quiz';
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
