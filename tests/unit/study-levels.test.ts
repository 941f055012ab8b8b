/**
 * Levels and follow-ups of quiz facts: the schema, the check of an unknown
 * level, follow-up ids, the deck (levels, follow-ups after their fact, the
 * facts' HTML) and a follow-up scheduled as a fact of its own with a fixed clock.
 */
import { describe, expect, it } from 'vitest';
import { quizFactSchema } from '../../src/lib/schema';
import { checkGarden, type GardenFile } from '../../src/lib/check/check';
import { factId, followupId } from '../../src/lib/study/ids';
import { studyGroups } from '../../src/lib/study/facts';
import { buildDeck, deckScope, factChoices, followupsAfterParents, scopeFacts } from '../../src/lib/study/deck';
import { usedLevels } from '../../src/lib/study/levels';
import { reviewQueue, sessionOrder } from '../../src/lib/study/queue';
import { review } from '../../src/lib/study/schedule';
import { seededRandom } from '../../src/lib/study/shuffle';
import { inlineMarkdownRenderer } from '../../src/lib/markdown/inline-markdown';
import type { ChapterItem } from '../../src/lib/garden';

const LEVELS = { 1: 'L1 Basic', 2: 'L2 Intermediate', 3: 'L3 Deep' };
const lines = (...all: string[]) => `${all.join('\n')}\n`;
const garden = (...quiz: string[]): GardenFile[] =>
  [
    ['parts.yaml', lines('- id: basics', '  number: 1', '  title: Basics')],
    ['chapters/basics/01-shapes.md', lines('---', 'title: Shapes', 'part: basics', 'chapter: 1', '---', 'Text.')],
    ['quiz/basics-01.yaml', lines('chapter: basics/01-shapes', 'facts:', ...quiz)],
  ].map(([path, text]) => ({ path: path!, displayPath: `content/${path}`, text: text! }));

describe('the schema', () => {
  const fact = { question: 'Q', answer: 'A', explanation: 'E' };
  it('takes a level and follow-ups, answers as text or numbers', () => {
    expect(quizFactSchema.parse({ ...fact, level: 2, followups: [{ question: 'Why?', answer: 3 }] })).toEqual({ ...fact, level: 2, followups: [{ question: 'Why?', answer: '3' }] });
  });
  it.each<[string, unknown, string]>([
    ['a level that is not a whole number', { level: 1.5 }, 'level: invalid_type'],
    ['a level written as text', { level: 'L2' }, 'level: invalid_type'],
    ['a follow-up without an answer', { followups: [{ question: 'Why?' }] }, 'followups.0.answer: invalid_union'],
    ['an empty list of follow-ups', { followups: [] }, 'followups: too_small'],
  ])('refuses %s', (_name, extra, expected) => {
    const result = quizFactSchema.safeParse({ ...fact, ...(extra as object) });
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`)).toEqual([expected]);
  });
});

describe('the check', () => {
  const quiz = ['  - question: Q1', '    answer: A1', '    explanation: E1', '    level: 1', '  - question: What does a stride say?', '    answer: A2', '    explanation: E2', '    level: 4'];
  it('reports a level the site does not declare, naming the quiz file, line and fact', () => {
    expect(checkGarden(garden(...quiz), { levels: LEVELS })).toEqual([
      {
        severity: 'error',
        file: 'content/quiz/basics-01.yaml',
        field: 'facts[1].level',
        line: 10,
        message: 'fact 2 ("What does a stride say?"): expected one of the levels in src/site.config.ts (1 "L1 Basic", 2 "L2 Intermediate", 3 "L3 Deep"), got 4 (use one of those, or add it to levels there)',
      },
    ]);
    expect(checkGarden(garden(...quiz.slice(0, 7)), { levels: LEVELS })).toEqual([]);
  });
  it('checks the formulas of follow-ups like the other fields', () => {
    const problems = checkGarden(garden('  - question: Q1', '    answer: A1', '    explanation: E1', '    followups:', '      - question: Q2', '        answer: $\\frac{1}$'));
    expect(problems).toEqual([expect.objectContaining({ field: 'facts[0].followups[0].answer', line: 8 })]);
    expect(problems[0]!.message).toMatch(/^fact 1, followups 1 answer: KaTeX cannot typeset/);
  });
});

const chapter = { id: 'basics/01-shapes', part: 'basics', chapter: 1, title: 'Shapes', tags: [] } as unknown as ChapterItem;
const render = inlineMarkdownRenderer({ base: '/' });
const groups = studyGroups(
  [
    {
      chapter,
      facts: [
        { question: 'What is $x^2$ at 3?', answer: '`9`', explanation: 'Three <b>times</b> three.', level: 1, followups: [{ question: 'And at *4*?', answer: '16' }] },
        { question: 'Q2', answer: 'yes', explanation: 'E2', distractors: ['no', 'maybe'], level: 3 },
        { question: 'Q3', answer: 'A3', explanation: 'E3' },
      ],
    },
  ],
  render,
);
const deck = buildDeck([{ id: 'basics', number: 1, title: 'Basics', groups }], { part: (id) => `/${id}/`, chapter: (id) => `/${id}/` }, LEVELS);
const [first, followup, second, third] = deck.facts;

describe('follow-up ids', () => {
  it('derive from the parent’s id and the follow-up’s question, as written modulo case and spacing', () => {
    expect(followup!.id).toBe(followupId(factId('basics/01-shapes', 'What is $x^2$ at 3?'), 'And at *4*?'));
    expect(followupId(first!.id, ' and  AT *4*? ')).toBe(followup!.id);
    expect(followupId(first!.id, 'And at *5*?')).not.toBe(followup!.id);
    expect(followup!.id.startsWith(`${first!.id}>`)).toBe(true);
  });
});

describe('the deck', () => {
  it('carries each fact’s HTML (formulas typeset, code, raw HTML escaped) and the answer’s text for typing', () => {
    expect(first!.q).toContain('class="katex"');
    expect(first!.a).toBe('<code>9</code>');
    expect(first!.t).toBe('9');
    expect(first!.e).toBe('Three &#x3C;b>times&#x3C;/b> three.');
    expect(second!.d).toEqual(['no', 'maybe']);
    expect(second!.t).toBeUndefined();
  });
  it('puts a follow-up after its fact, with the parent’s id and level', () => {
    expect(followup).toMatchObject({ q: 'And at <em>4</em>?', a: '16', t: '16', e: '', l: 1, p: first!.id });
    expect(deck.levels).toEqual([{ level: 1, label: 'L1 Basic' }, { level: 2, label: 'L2 Intermediate' }, { level: 3, label: 'L3 Deep' }]);
    expect(usedLevels([{ level: 3 }, {}, { level: 1 }, { level: 3 }, { level: 9 }], LEVELS)).toEqual([{ level: 1, label: 'L1 Basic' }, { level: 3, label: 'L3 Deep' }]);
  });
  it('limits a scope to a level from ?level=, and names a level the site does not have', () => {
    const ask = (query: string) => scopeFacts(deck, deckScope(deck, new URLSearchParams(query))).map((fact) => fact.id);
    expect(ask('level=1')).toEqual([first!.id, followup!.id]);
    expect(ask('part=basics&level=3')).toEqual([second!.id]);
    expect(ask('level=2')).toEqual([]);
    expect(ask('')).toHaveLength(4);
    expect(deckScope(deck, new URLSearchParams('level=7'))).toEqual({ kind: 'unknown', asked: 'level "7"' });
  });
  it('deals a multiple-choice fact’s choices in an order the seed decides', () => {
    const deal = (seed: number) => factChoices(second!, seededRandom(seed)).map((choice) => `${choice.html}${choice.right ? '✓' : ''}`);
    expect(deal(1)).toEqual(deal(1));
    expect(deal(1).sort()).toEqual(['maybe', 'no', 'yes✓']);
    expect(factChoices(third!)).toEqual([]);
  });
});

describe('a follow-up in review', () => {
  const START = new Date(2026, 2, 2, 9, 0);
  const ids = deck.facts.map((fact) => fact.id);
  it('is asked right after its fact when both are due, and keeps its place when its fact is not', () => {
    expect(followupsAfterParents([second!.id, followup!.id, third!.id, first!.id], deck.facts)).toEqual([second!.id, third!.id, first!.id, followup!.id]);
    expect(followupsAfterParents([followup!.id, third!.id], deck.facts)).toEqual([followup!.id, third!.id]);
  });
  it('is scheduled as a fact of its own: rating its fact leaves it new, and each comes due on its own', () => {
    const fresh = reviewQueue(ids, {}, {}, START, 20);
    expect(followupsAfterParents(sessionOrder(fresh), deck.facts)).toEqual(ids);
    const history = { [first!.id]: review(undefined, 4, START), [followup!.id]: review(undefined, 1, START) };
    const later = new Date(START.getTime() + 10 * 60_000);
    const queue = reviewQueue(ids, history, {}, later, 20);
    expect(queue.due).toEqual([followup!.id]);
    expect(queue.fresh).toEqual([second!.id, third!.id]);
    expect(history[first!.id]!.due - START.getTime()).toBeGreaterThan(86_400_000);
  });
});
