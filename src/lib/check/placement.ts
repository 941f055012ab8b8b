/**
 * Files the garden does not take as notes, said so: a Markdown file outside
 * the note folders (or at the wrong depth in one) is an error, since it would
 * otherwise vanish from the site without a word; a garden with no note at all
 * is one too. A YAML file in the wrong place is only a warning: it may well be
 * a config file of another tool.
 */
import { NOTE_COLLECTIONS, notePlace, type Registry } from '../collections';
import type { ContentProblem } from '../errors';

type LocalProblem = Omit<ContentProblem, 'file'>;

const MARKDOWN = /\.(md|mdx)$/i;

/** Where notes go, for messages: `bits/<slug>.md, shorts/<slug>.md or chapters/<part-id>/<file>.md`. */
export function notePlaces(registry: Registry = NOTE_COLLECTIONS): string {
  const places = registry.map((collection) => notePlace(collection));
  return places.length > 1 ? `${places.slice(0, -1).join(', ')} or ${places.at(-1)}` : (places[0] ?? '');
}

/** The problem of a file classifyGardenPath calls misplaced (`path` under the garden folder). */
export function misplacedFile(path: string, registry: Registry = NOTE_COLLECTIONS): LocalProblem {
  const segments = path.split('/');
  const name = segments.at(-1) ?? path;
  if (!MARKDOWN.test(name)) {
    return { severity: 'warning', field: '(file)', message: `is not where the garden looks for content (expected ${notePlaces(registry)}, quiz/<name>.yaml or parts.yaml)` };
  }
  const collection = registry.find((c) => c.folder === segments[0]);
  if (collection) {
    return {
      severity: 'error',
      field: '(file)',
      message: `a ${collection.noun} goes in ${notePlace(collection, '')} (expected ${notePlace(collection, name)}, got ${path}); as it is, the site leaves it out`,
    };
  }
  return {
    severity: 'error',
    field: '(file)',
    message: `is outside the note folders, so the site leaves it out (expected ${notePlaces(registry)}; move it into one, with frontmatter as the README shows, or bring a folder of notes in with npm run import -- <folder>)`,
  };
}

/** A garden with no note where the garden looks: the build would make an empty site. `folder` is the garden as the author names it. */
export function noNotes(folder: string, registry: Registry = NOTE_COLLECTIONS): ContentProblem {
  return {
    severity: 'error',
    file: folder.endsWith('/') ? folder : `${folder}/`,
    field: '(garden)',
    message: `the garden has no notes (expected at least one note at ${notePlaces(registry)}; npm run new writes one, npm run import -- <folder> brings a folder of notes in)`,
  };
}
