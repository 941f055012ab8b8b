/**
 * The garden as readers see it: pure functions that turn validated entries
 * into what pages list, count and link. No Astro imports, so all of it is
 * unit-tested; src/lib/load.ts feeds it from the content layer.
 */
import { compareNewestFirst, type IsoDate } from './dates';
import { countTags, type TagCount, type TagSlug } from './tags';
import type { QuizFact } from './schema';

/** Shared by every entry kind: drafts only ever reach `astro dev`, where they carry a badge. */
export interface Draftable {
  draft?: boolean | undefined;
}

export interface BitItem extends Draftable {
  slug: string;
  title: string;
  tags: TagSlug[];
  why?: string | undefined;
  date?: IsoDate | undefined;
}

export interface ShortItem extends Draftable {
  slug: string;
  title: string;
  summary: string;
  date: IsoDate;
  tags: TagSlug[];
  track?: string | undefined;
}

export interface ChapterItem extends Draftable {
  /** `ml-foundations/01-tensors` */
  id: string;
  part: string;
  /** `01-tensors`, the last URL segment. */
  fileSlug: string;
  chapter: number;
  title: string;
  summary?: string | undefined;
  tags: TagSlug[];
}

export interface PartItem {
  id: string;
  number: number;
  title: string;
  summary?: string | undefined;
}

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

export function sortShorts<T extends { date: IsoDate; title: string }>(shorts: readonly T[]): T[] {
  return [...shorts].sort((a, b) => compareNewestFirst(a.date, b.date) || a.title.localeCompare(b.title));
}

/** Bits with a date newest first, then undated ones alphabetically. */
export function sortBits<T extends { date?: IsoDate | undefined; title: string }>(bits: readonly T[]): T[] {
  return [...bits].sort((a, b) => compareNewestFirst(a.date, b.date) || a.title.localeCompare(b.title));
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

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
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

export interface TagGroup {
  tag: TagSlug;
  bits: BitItem[];
  shorts: ShortItem[];
  chapters: ChapterItem[];
  count: number;
}

/** Every tag with everything that carries it, most used first. */
export function tagGroups(bits: readonly BitItem[], shorts: readonly ShortItem[], chapters: readonly ChapterItem[]): TagGroup[] {
  const counts: TagCount[] = countTags([...bits, ...shorts, ...chapters]);
  return counts.map(({ tag, count }) => ({
    tag,
    count,
    bits: sortBits(bits.filter((b) => b.tags.includes(tag))),
    shorts: sortShorts(shorts.filter((s) => s.tags.includes(tag))),
    chapters: chapters.filter((c) => c.tags.includes(tag)),
  }));
}
