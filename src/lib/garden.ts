/**
 * The garden as readers see it: pure functions that turn validated entries
 * into what pages list, count and link. No Astro imports, so all of it is
 * unit-tested; src/lib/load.ts feeds it from the content layer.
 */
import { compareNewestFirst, type IsoDate } from './dates';
import { countTags, type TagCount, type TagSlug } from './tags';
import type { PartData, QuizFact } from './schema';
import { plural } from './plural';

export { plural };
import { NOTE_COLLECTIONS, type ChapterItem, type NoteCollection, type NoteCollectionId, type NoteItem } from './collections';

export type { BitItem, ChapterItem, ShortItem } from './collections';

/** Shared by every entry kind: drafts only ever reach `astro dev`, where they carry a badge. */
export interface Draftable {
  draft?: boolean | undefined;
}

export type PartItem = PartData;

export interface QuizItem {
  chapter: string;
  facts: QuizFact[];
}

export interface ChapterFacts {
  chapter: ChapterItem;
  facts: QuizFact[];
}

export interface PartOverview extends PartItem {
  chapters: ChapterItem[];
  factCount: number;
}

/** Drafts are for the author's eyes: shown by `astro dev`, absent from every built page. */
export function isVisible(entry: { draft?: boolean | undefined }, isDev: boolean): boolean {
  return isDev || !entry.draft;
}

type Sortable = { title: string; date?: IsoDate | undefined; part?: string | undefined; chapter?: number | undefined };

/** How a collection orders its notes (NoteCollection.order): newest first then by title, or by part then chapter number. */
export function compareNotes(collection: Pick<NoteCollection, 'order'>): (a: Sortable, b: Sortable) => number {
  if (collection.order === 'by-part') return (a, b) => (a.part ?? '').localeCompare(b.part ?? '') || (a.chapter ?? 0) - (b.chapter ?? 0);
  return (a, b) => compareNewestFirst(a.date, b.date) || a.title.localeCompare(b.title);
}

/** Notes in their collection's order; the input is left as it was. */
export function sortNotes<T extends Sortable>(collection: Pick<NoteCollection, 'order'>, notes: readonly T[]): T[] {
  return [...notes].sort(compareNotes(collection));
}

export function chapterSlug(chapterId: string): string {
  return chapterId.split('/').at(-1) ?? chapterId;
}

/** Parts in order, each with its chapters in order and how many quiz facts cover them. */
export function partsOverview(parts: readonly PartItem[], chapters: readonly ChapterItem[], quizzes: readonly QuizItem[]): PartOverview[] {
  return [...parts]
    .sort((a, b) => a.number - b.number)
    .map((part) => {
      const own = chapters.filter((c) => c.part === part.id).sort((a, b) => a.chapter - b.chapter);
      const ids = new Set(own.map((c) => c.id));
      const factCount = quizzes.filter((q) => ids.has(q.chapter)).reduce((sum, q) => sum + q.facts.length, 0);
      return { ...part, chapters: own, factCount };
    });
}

/** "10 chapters (1–10). 40 key facts to review." */
export function describePart(part: PartOverview): string {
  const numbers = part.chapters.map((c) => c.chapter);
  const range = numbers.length === 0 ? '' : numbers.length === 1 ? ` (${numbers[0]})` : ` (${Math.min(...numbers)}–${Math.max(...numbers)})`;
  const chapters = `${plural(part.chapters.length, 'chapter')}${range}.`;
  const facts = part.factCount === 0 ? 'No key facts yet.' : `${plural(part.factCount, 'key fact')} to review.`;
  return `${chapters} ${facts}`;
}

/** A part's quiz facts, grouped by chapter in chapter order; chapters without facts are left out. */
export function factsByChapter(chapters: readonly ChapterItem[], quizzes: readonly QuizItem[]): ChapterFacts[] {
  return [...chapters]
    .sort((a, b) => a.chapter - b.chapter)
    .map((chapter) => ({ chapter, facts: quizzes.filter((q) => q.chapter === chapter.id).flatMap((q) => q.facts) }))
    .filter((group) => group.facts.length > 0);
}


export interface Neighbours<T> {
  previous?: T | undefined;
  next?: T | undefined;
}

export function neighbours<T>(items: readonly T[], isCurrent: (item: T) => boolean): Neighbours<T> {
  const index = items.findIndex(isCurrent);
  if (index === -1) return {};
  return { previous: items[index - 1], next: items[index + 1] };
}

/** Minutes to read prose at 220 words a minute; code and math count as words too. Never less than one. */
export function readingMinutes(markdown: string): number {
  const words = markdown.replace(/^---[\s\S]*?---/, '').match(/[\p{L}\p{N}_]+/gu)?.length ?? 0;
  return Math.max(1, Math.round(words / 220));
}

/** Each note collection's items, as listed (in their collection's order). */
export type NotesByCollection = { [K in NoteCollectionId]: NoteItem<K>[] };

export interface TagGroup {
  tag: TagSlug;
  /** The notes carrying the tag, per collection, in listing order. */
  notes: NotesByCollection;
  count: number;
}

/** Every tag with everything that carries it, most used first; `notes` are in listing order already. */
export function tagGroups(notes: NotesByCollection): TagGroup[] {
  const counts: TagCount[] = countTags(NOTE_COLLECTIONS.flatMap((collection) => notes[collection.id]));
  return counts.map(({ tag, count }) => ({
    tag,
    count,
    notes: Object.fromEntries(NOTE_COLLECTIONS.map(({ id }) => [id, (notes[id] as { tags: readonly TagSlug[] }[]).filter((note) => note.tags.includes(tag))])) as NotesByCollection,
  }));
}
