import { describe, expect, it } from 'vitest';
import { buildDeck, deckScope, scopeFacts } from '../../src/lib/study/deck';
import { studyGroups } from '../../src/lib/study/facts';
import type { ChapterItem } from '../../src/lib/garden';

const chapter = (part: string, n: number, title: string): ChapterItem => ({ id: `${part}/0${n}-x`, part, chapter: n, title, tags: [] }) as unknown as ChapterItem;
const a1 = chapter('alpha', 1, 'Shapes');
const a2 = chapter('alpha', 2, 'Loss');
const b1 = chapter('beta', 1, 'Systems');
const fact = (question: string, distractors?: string[]) => ({ question, answer: 'yes', explanation: 'because', ...(distractors ? { distractors } : {}) });
/** Facts as plain text: the deck carries text, whatever the Markdown renders to. */
const asText = (markdown: string) => ({ html: markdown, text: markdown, hasMath: false });
const deck = buildDeck(
  [
    { id: 'alpha', number: 1, title: 'Alpha', groups: studyGroups([{ chapter: a1, facts: [fact('Q1', ['no', 'maybe'])] }, { chapter: a2, facts: [fact('Q2')] }], asText) },
    { id: 'beta', number: 2, title: 'Beta', groups: studyGroups([{ chapter: b1, facts: [fact('Q3')] }], asText) },
  ],
  { part: (id) => `/base/cheatsheets/${id}/`, chapter: (id) => `/base/cheatsheets/${id}/` },
);

describe('buildDeck', () => {
  it('lists every fact with its id, chapter and distractors, and labels the parts and chapters', () => {
    expect(deck.facts.map((f) => [f.c, f.q, f.d])).toEqual([
      ['alpha/01-x', 'Q1', ['no', 'maybe']],
      ['alpha/02-x', 'Q2', undefined],
      ['beta/01-x', 'Q3', undefined],
    ]);
    expect(deck.facts[0]!.id).toMatch(/^alpha\/01-x#[0-9a-z]+$/);
    expect(deck.parts).toEqual([
      { id: 'alpha', label: 'Part 1: Alpha', url: '/base/cheatsheets/alpha/' },
      { id: 'beta', label: 'Part 2: Beta', url: '/base/cheatsheets/beta/' },
    ]);
    expect(deck.chapters[1]).toEqual({ id: 'alpha/02-x', part: 'alpha', label: 'Ch 2: Loss', url: '/base/cheatsheets/alpha/02-x/' });
    expect(JSON.stringify(deck.facts[1])).not.toContain('"d"');
  });
});

describe('deckScope', () => {
  const ask = (query: string) => {
    const scope = deckScope(deck, new URLSearchParams(query));
    return { kind: scope.kind, questions: scopeFacts(deck, scope).map((f) => f.q) };
  };
  it('takes every fact, a part or a chapter from the address', () => {
    expect(ask('')).toEqual({ kind: 'all', questions: ['Q1', 'Q2', 'Q3'] });
    expect(ask('part=alpha')).toEqual({ kind: 'part', questions: ['Q1', 'Q2'] });
    expect(ask('chapter=beta/01-x')).toEqual({ kind: 'chapter', questions: ['Q3'] });
  });
  it('names a part or chapter the garden does not have, with no facts', () => {
    expect(deckScope(deck, new URLSearchParams('part=gamma'))).toEqual({ kind: 'unknown', asked: 'part "gamma"' });
    expect(ask('chapter=alpha/09-y')).toEqual({ kind: 'unknown', questions: [] });
  });
});
