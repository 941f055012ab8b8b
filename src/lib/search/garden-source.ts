/**
 * What the search routes hand the index builders from loadGarden(): the notes
 * of the collections wanted (with what the note cache kept of their text), the
 * parts, and the quiz facts with their anchors on the chapter pages.
 */
import type { Garden, GardenNote } from '../load';
import { factsByChapter } from '../garden';
import { studyGroups } from '../study/facts';
import { renderFactText } from '../site-markdown';
import { chapters, NOTE_COLLECTIONS, type NoteCollectionId } from '../collections';
import { noteSource } from './note-source';
import type { RenderedHeading } from './text';
import type { SearchCollection, SearchSource } from './documents';

type Entry = GardenNote<NoteCollectionId>['entry'];

/** Astro's `render(entry)`, for the headings of a chapter the note cache does not hold (an .mdx one). */
export type RenderHeadings = (entry: Entry) => Promise<readonly RenderedHeading[]>;

/** The source of the given indexes: each collection's own notes; the facts also need their chapters (without body text). */
export async function searchSource(garden: Garden, collections: readonly SearchCollection[], renderHeadings: RenderHeadings): Promise<SearchSource> {
  const withFacts = collections.includes('facts');
  const wanted = NOTE_COLLECTIONS.filter((c) => collections.includes(c.id) || (withFacts && c.id === chapters.id));
  const notes: SearchSource['notes'] = {};
  for (const collection of wanted) {
    const indexed = collections.includes(collection.id);
    notes[collection.id] = await Promise.all((garden[collection.id] as GardenNote<NoteCollectionId>[]).map(({ item, entry }) => noteSource(collection, item, entry, indexed, renderHeadings)));
  }
  return {
    notes,
    parts: garden.parts,
    // Each fact links to its own anchor on the chapter page.
    quizzes: withFacts ? studyGroups(factsByChapter(garden.chapters.map((c) => c.item), garden.quizzes), renderFactText).map((group) => ({ chapter: group.chapter.id, facts: group.facts })) : [],
  };
}
