/**
 * The review deck: every quiz fact of the garden as one small JSON document
 * (/review/facts.json), which the review page, the exam and the due counts
 * download. Field names are short because a garden of 1,000 facts ships them all.
 */
import type { StudyGroup } from './facts';

export interface DeckFact {
  /** The stable fact id (ids.ts), the key of its review history. */
  id: string;
  /** Chapter id. */
  c: string;
  q: string;
  a: string;
  /** Explanation. */
  e: string;
  /** Distractors: with them the fact is asked as multiple choice. */
  d?: string[] | undefined;
}

export interface DeckChapter {
  id: string;
  part: string;
  /** "Ch 3: The backward pass" */
  label: string;
  /** The chapter's page, with the site's base path. */
  url: string;
}

export interface DeckPart {
  id: string;
  /** "Part 1: ML Foundations" */
  label: string;
  url: string;
}

export interface Deck {
  parts: DeckPart[];
  chapters: DeckChapter[];
  facts: DeckFact[];
}

export interface DeckPartSource {
  id: string;
  number: number;
  title: string;
  /** The part's groups of facts, chapter by chapter (studyGroups of factsByChapter). */
  groups: readonly StudyGroup[];
}

export function buildDeck(parts: readonly DeckPartSource[], urls: { part(id: string): string; chapter(id: string): string }): Deck {
  const deck: Deck = { parts: [], chapters: [], facts: [] };
  for (const part of parts) {
    deck.parts.push({ id: part.id, label: `Part ${part.number}: ${part.title}`, url: urls.part(part.id) });
    for (const { chapter, facts } of part.groups) {
      deck.chapters.push({ id: chapter.id, part: part.id, label: `Ch ${chapter.chapter}: ${chapter.title}`, url: urls.chapter(chapter.id) });
      for (const fact of facts) {
        const distractors = fact.choices?.filter((choice) => !choice.correct).map((choice) => choice.text);
        deck.facts.push({ id: fact.id, c: chapter.id, q: fact.question, a: fact.answer, e: fact.explanation, ...(distractors ? { d: distractors } : {}) });
      }
    }
  }
  return deck;
}

export type Scope = { kind: 'all' } | { kind: 'part'; part: DeckPart } | { kind: 'chapter'; chapter: DeckChapter } | { kind: 'unknown'; asked: string };

/** The scope `?part=…` or `?chapter=…` asks for; a name the deck does not hold is `unknown`, for the page to say so. */
export function deckScope(deck: Deck, search: URLSearchParams): Scope {
  const chapterId = search.get('chapter');
  if (chapterId !== null) {
    const chapter = deck.chapters.find((c) => c.id === chapterId);
    return chapter ? { kind: 'chapter', chapter } : { kind: 'unknown', asked: `chapter "${chapterId}"` };
  }
  const partId = search.get('part');
  if (partId !== null) {
    const part = deck.parts.find((p) => p.id === partId);
    return part ? { kind: 'part', part } : { kind: 'unknown', asked: `part "${partId}"` };
  }
  return { kind: 'all' };
}

/** The facts of a scope, in garden order. */
export function scopeFacts(deck: Deck, scope: Scope): DeckFact[] {
  if (scope.kind === 'all') return deck.facts;
  if (scope.kind === 'unknown') return [];
  const chapters = new Set(scope.kind === 'chapter' ? [scope.chapter.id] : deck.chapters.filter((c) => c.part === scope.part.id).map((c) => c.id));
  return deck.facts.filter((fact) => chapters.has(fact.c));
}
