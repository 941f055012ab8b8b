import { describe, expect, it } from 'vitest';
import {
  chapterSlug,
  describePart,
  factsByChapter,
  isVisible,
  neighbours,
  partsOverview,
  plural,
  readingMinutes,
  sortNotes,
  tagGroups,
  type BitItem,
  type ChapterItem,
  type PartItem,
  type PartOverview,
  type QuizItem,
  type ShortItem,
} from '../../src/lib/garden';
import { bits as bitCollection, shorts as shortCollection } from '../../src/lib/collections';
import type { IsoDate } from '../../src/lib/dates';
import type { TagSlug } from '../../src/lib/tags';

const date = (s: string) => s as IsoDate;
const tags = (...t: string[]) => t as TagSlug[];

const fact = (n: number) => ({ question: `Q${n}`, answer: `${n}`, explanation: `E${n}` });

function chapter(part: string, number: number, extra: Partial<ChapterItem> = {}): ChapterItem {
  const fileSlug = `${String(number).padStart(2, '0')}-c${number}`;
  return { id: `${part}/${fileSlug}`, part, chapter: number, title: `${part} ${number}`, tags: [], draft: false, ...extra };
}

describe('isVisible', () => {
  it.each([
    { draft: true, isDev: true, visible: true },
    { draft: true, isDev: false, visible: false },
    { draft: false, isDev: false, visible: true },
    { draft: undefined, isDev: false, visible: true },
    { draft: false, isDev: true, visible: true },
  ])('draft=$draft in dev=$isDev → $visible', ({ draft, isDev, visible }) => {
    expect(isVisible({ draft }, isDev)).toBe(visible);
  });
});

describe('sortNotes, newest first (shorts)', () => {
  it('puts the newest first and breaks ties by title', () => {
    const shorts = [
      { title: 'B', date: date('2026-01-01') },
      { title: 'C', date: date('2026-06-07') },
      { title: 'A', date: date('2026-01-01') },
      { title: 'D', date: date('2025-12-31') },
    ];
    expect(sortNotes(shortCollection, shorts).map((s) => s.title)).toEqual(['C', 'A', 'B', 'D']);
  });

  it('does not reorder its input', () => {
    const shorts = [
      { title: 'old', date: date('2020-01-01') },
      { title: 'new', date: date('2026-01-01') },
    ];
    sortNotes(shortCollection, shorts);
    expect(shorts.map((s) => s.title)).toEqual(['old', 'new']);
  });
});

describe('sortNotes, newest first (bits)', () => {
  it('lists dated bits newest first, then undated ones alphabetically', () => {
    const bits = [
      { title: 'zeta (undated)' },
      { title: 'beta', date: date('2026-01-01') },
      { title: 'alpha (undated)' },
      { title: 'gamma', date: date('2026-05-02') },
      { title: 'alpha', date: date('2026-01-01') },
    ];
    expect(sortNotes(bitCollection, bits).map((b) => b.title)).toEqual(['gamma', 'alpha', 'beta', 'alpha (undated)', 'zeta (undated)']);
  });
});

describe('chapterSlug', () => {
  it.each([
    ['ml-foundations/01-tensors', '01-tensors'],
    ['single', 'single'],
    ['a/b/c', 'c'],
    ['', ''],
  ])('%s → %s', (id, expected) => {
    expect(chapterSlug(id)).toBe(expected);
  });
});

describe('partsOverview', () => {
  const parts: PartItem[] = [
    { id: 'advanced', number: 2, title: 'Advanced' },
    { id: 'basics', number: 1, title: 'Basics', summary: 'Start here.' },
    { id: 'empty', number: 3, title: 'Empty' },
  ];
  const chapters = [chapter('basics', 2), chapter('advanced', 1), chapter('basics', 1), chapter('orphan', 1)];
  const quizzes: QuizItem[] = [
    { chapter: 'basics/01-c1', facts: [fact(1), fact(2)] },
    { chapter: 'basics/02-c2', facts: [fact(3)] },
    { chapter: 'advanced/01-c1', facts: [fact(4)] },
    { chapter: 'nowhere/01-x', facts: [fact(5), fact(6)] },
  ];

  it('orders parts by number and chapters by chapter number, counting quiz facts per part', () => {
    const overview = partsOverview(parts, chapters, quizzes);
    expect(overview.map((p) => ({ id: p.id, chapters: p.chapters.map((c) => c.id), factCount: p.factCount }))).toEqual([
      { id: 'basics', chapters: ['basics/01-c1', 'basics/02-c2'], factCount: 3 },
      { id: 'advanced', chapters: ['advanced/01-c1'], factCount: 1 },
      { id: 'empty', chapters: [], factCount: 0 },
    ]);
  });

  it('keeps the part fields', () => {
    const [basics] = partsOverview(parts, chapters, quizzes);
    expect(basics).toMatchObject({ id: 'basics', number: 1, title: 'Basics', summary: 'Start here.' });
  });

  it('is empty without parts', () => {
    expect(partsOverview([], chapters, quizzes)).toEqual([]);
  });
});

describe('describePart', () => {
  const part = (numbers: number[], factCount: number): PartOverview => ({
    id: 'p',
    number: 1,
    title: 'P',
    chapters: numbers.map((n) => chapter('p', n)),
    factCount,
  });

  it.each([
    { numbers: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], facts: 40, text: '10 chapters (1–10). 40 key facts to review.' },
    { numbers: [3], facts: 1, text: '1 chapter (3). 1 key fact to review.' },
    { numbers: [], facts: 0, text: '0 chapters. No key facts yet.' },
    { numbers: [5, 2, 9], facts: 0, text: '3 chapters (2–9). No key facts yet.' },
  ])('$numbers with $facts facts → $text', ({ numbers, facts, text }) => {
    expect(describePart(part(numbers, facts))).toBe(text);
  });
});

describe('factsByChapter', () => {
  it('groups facts by chapter in chapter order and leaves out chapters without facts', () => {
    const chapters = [chapter('p', 3), chapter('p', 1), chapter('p', 2)];
    const quizzes: QuizItem[] = [
      { chapter: 'p/03-c3', facts: [fact(1)] },
      { chapter: 'p/01-c1', facts: [fact(2)] },
      { chapter: 'p/01-c1', facts: [fact(3), fact(4)] },
      { chapter: 'other/01-c1', facts: [fact(5)] },
    ];
    const groups = factsByChapter(chapters, quizzes);
    expect(groups.map((g) => [g.chapter.id, g.facts.map((f) => f.question)])).toEqual([
      ['p/01-c1', ['Q2', 'Q3', 'Q4']],
      ['p/03-c3', ['Q1']],
    ]);
  });

  it('is empty when no quiz names the chapters', () => {
    expect(factsByChapter([chapter('p', 1)], [])).toEqual([]);
  });
});

describe('plural', () => {
  it.each([
    [0, 'chapter', undefined, '0 chapters'],
    [1, 'chapter', undefined, '1 chapter'],
    [2, 'chapter', undefined, '2 chapters'],
    [1, 'entry', 'entries', '1 entry'],
    [5, 'entry', 'entries', '5 entries'],
    [999, 'note', undefined, '999 notes'],
    [1000, 'note', undefined, '1,000 notes'],
    [10000, 'bit', undefined, '10,000 bits'],
    [1234567, 'link', undefined, '1,234,567 links'],
  ])('plural(%d, %s, %s) → %s', (count, word, pluralWord, expected) => {
    expect(plural(count, word, pluralWord)).toBe(expected);
  });
});

describe('neighbours', () => {
  const items = ['a', 'b', 'c'];
  it.each([
    ['a', { previous: undefined, next: 'b' }],
    ['b', { previous: 'a', next: 'c' }],
    ['c', { previous: 'b', next: undefined }],
  ])('around %s', (current, expected) => {
    expect(neighbours(items, (item) => item === current)).toEqual(expected);
  });

  it('is empty when the current item is not in the list', () => {
    expect(neighbours(items, (item) => item === 'z')).toEqual({});
  });

  it('has neither neighbour for a single item', () => {
    expect(neighbours(['only'], () => true)).toEqual({ previous: undefined, next: undefined });
  });
});

describe('readingMinutes', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

  it.each([
    [0, 1],
    [1, 1],
    [220, 1],
    [329, 1],
    [330, 2],
    [440, 2],
    [1100, 5],
  ])('%d words → %d minute(s)', (count, minutes) => {
    expect(readingMinutes(words(count))).toBe(minutes);
  });

  it('does not count the frontmatter', () => {
    const frontmatter = `---\ntitle: ${words(500)}\n---\n`;
    expect(readingMinutes(`${frontmatter}${words(10)}`)).toBe(1);
    expect(readingMinutes(words(500))).toBe(2);
  });

  it('counts code and math as words', () => {
    const code = `\`\`\`python\n${words(440)}\n\`\`\``;
    expect(readingMinutes(code)).toBe(2);
  });
});

describe('tagGroups', () => {
  const bits: BitItem[] = [
    { id: 'b1', title: 'Zed bit', tags: tags('python', 'ml'), draft: false },
    { id: 'b2', title: 'Alpha bit', tags: tags('python'), date: date('2026-01-01'), draft: false },
  ];
  const shorts: ShortItem[] = [
    { id: 's1', title: 'Old', summary: 's', date: date('2025-01-01'), tags: tags('ml'), draft: false },
    { id: 's2', title: 'New', summary: 's', date: date('2026-01-01'), tags: tags('ml', 'llm'), draft: false },
  ];
  const chapters = [chapter('p', 1, { tags: tags('ml') })];

  it('lists every tag, most used first, with everything carrying it in page order', () => {
    // tagGroups takes the notes in listing order, as the garden lists them.
    const groups = tagGroups({ bits: sortNotes(bitCollection, bits), shorts: sortNotes(shortCollection, shorts), chapters });
    expect(
      groups.map((g) => ({ tag: g.tag, count: g.count, bits: g.notes.bits.map((b) => b.id), shorts: g.notes.shorts.map((s) => s.id), chapters: g.notes.chapters.map((c) => c.id) })),
    ).toEqual([
      { tag: 'ml', count: 4, bits: ['b1'], shorts: ['s2', 's1'], chapters: ['p/01-c1'] },
      { tag: 'python', count: 2, bits: ['b2', 'b1'], shorts: [], chapters: [] },
      { tag: 'llm', count: 1, bits: [], shorts: ['s2'], chapters: [] },
    ]);
  });

  it('is empty for an empty garden', () => {
    expect(tagGroups({ bits: [], shorts: [], chapters: [] })).toEqual([]);
  });
});
