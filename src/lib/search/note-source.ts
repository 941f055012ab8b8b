/**
 * A note as the search index takes it: its item and Markdown body, with what
 * the note cache kept of its searchable text. Pure apart from reading the note
 * cache; Astro's `render` (for the headings of a sectioned note the cache does
 * not hold) is passed in, so routes stay thin.
 */
import { cachedSearchBody, cachedSections, noteBody } from '../markdown/note-html';
import type { NoteCollection } from '../collections';
import type { RenderedHeading } from './text';
import type { NoteSource, SearchableItem } from './documents';

/** What noteSource reads of a content entry. */
export interface SearchEntrySource {
  body?: string | undefined;
  filePath?: string | undefined;
  rendered?: { metadata?: Record<string, unknown> | undefined } | undefined;
  digest?: string | number | undefined;
}

/**
 * `indexed`: the note's own collection's index is being built (not only the
 * quiz facts', which need no body text of their chapter).
 */
export async function noteSource<Item extends SearchableItem, Entry extends SearchEntrySource>(
  collection: Pick<NoteCollection, 'searchBody'>,
  item: Item,
  entry: Entry,
  indexed: boolean,
  renderHeadings: (entry: Entry) => Promise<readonly RenderedHeading[]>,
): Promise<NoteSource<Item>> {
  const body = noteBody(entry);
  if (!indexed) return { item, body, filePath: entry.filePath };
  if (collection.searchBody === 'whole') return { item, body, filePath: entry.filePath, kept: cachedSearchBody(entry) };
  const split = cachedSections(entry);
  return { item, body, filePath: entry.filePath, split, headings: split ? undefined : await renderHeadings(entry) };
}
