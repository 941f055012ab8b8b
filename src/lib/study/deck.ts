/**
 * The review deck: every quiz fact of the garden as one small JSON document
 * (/review/facts.json), which the review page, the exam and the due counts
 * download. Field names are short because a garden of 1,000 facts ships them all.
 */
import type { StudyGroup } from './facts';
import { shuffled, type Random } from './shuffle';

export interface DeckFact {
  /** The stable fact id (ids.ts), the key of its review history. */
  id: string;
  /** Chapter id. */
  c: string;
  /** Question, answer and explanation as HTML: their inline Markdown rendered by the build (formulas typeset, code), raw HTML escaped. */
  q: string;
  a: string;
  /** Explanation; empty for a follow-up. */
  e: string;
  /** The answer as plain text, which an exam compares a typed answer with; only on facts without distractors. */
  t?: string | undefined;
  /** Distractors, as HTML: with them the fact is asked as multiple choice. */
  d?: string[] | undefined;
  /** The fact's level (site.config.ts `levels`); a follow-up has its parent's. */
  l?: number | undefined;
  /** On a follow-up: the id of the fact it follows, which is asked first. */
  p?: string | undefined;
}

export interface DeckLevel {
  level: number;
  /** "L2 Intermediate" */
  label: string;
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
  /** The levels the site declares, in order. */
  levels: DeckLevel[];
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

export function buildDeck(
  parts: readonly DeckPartSource[],
  urls: { part(id: string): string; chapter(id: string): string },
  levels: Readonly<Record<number, string>> = {},
): Deck {
  const deck: Deck = { levels: Object.entries(levels).map(([level, label]) => ({ level: Number(level), label })).sort((x, y) => x.level - y.level), parts: [], chapters: [], facts: [] };
  for (const part of parts) {
    deck.parts.push({ id: part.id, label: `Part ${part.number}: ${part.title}`, url: urls.part(part.id) });
    for (const { chapter, facts } of part.groups) {
      deck.chapters.push({ id: chapter.id, part: part.id, label: `Ch ${chapter.chapter}: ${chapter.title}`, url: urls.chapter(chapter.id) });
      for (const fact of facts) {
        const distractors = fact.choices?.filter((choice) => !choice.correct).map((choice) => choice.html);
        const level = fact.level === undefined ? {} : { l: fact.level };
        const html = fact.html;
        deck.facts.push({ id: fact.id, c: chapter.id, q: html.question, a: html.answer, e: html.explanation, ...(distractors ? { d: distractors } : { t: fact.answer }), ...level });
        for (const followup of fact.followups ?? []) {
          deck.facts.push({ id: followup.id, c: chapter.id, q: followup.question.html, a: followup.answer.html, e: '', t: followup.answer.text, ...level, p: fact.id });
        }
      }
    }
  }
  return deck;
}

export type Scope =
  | (({ kind: 'all' } | { kind: 'part'; part: DeckPart } | { kind: 'chapter'; chapter: DeckChapter }) & { level?: DeckLevel | undefined })
  | { kind: 'unknown'; asked: string };

/**
 * The scope `?part=…` or `?chapter=…` asks for, limited to `&level=…` if
 * given; a name or level the deck does not hold is `unknown`, for the page to say so.
 */
export function deckScope(deck: Deck, search: URLSearchParams): Scope {
  const asked = search.get('level');
  // An empty level (the exam form's "All levels") is no level.
  if (asked === null || asked === '') return placeScope(deck, search);
  const level = deck.levels.find((known) => String(known.level) === asked);
  if (!level) return { kind: 'unknown', asked: `level "${asked}"` };
  const place = placeScope(deck, search);
  return place.kind === 'unknown' ? place : { ...place, level };
}

function placeScope(deck: Deck, search: URLSearchParams): Scope {
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
  if (scope.kind === 'unknown') return [];
  const level = scope.level?.level;
  const atLevel = level === undefined ? deck.facts : deck.facts.filter((fact) => fact.l === level);
  if (scope.kind === 'all') return atLevel;
  const chapters = new Set(scope.kind === 'chapter' ? [scope.chapter.id] : deck.chapters.filter((c) => c.part === scope.part.id).map((c) => c.id));
  return atLevel.filter((fact) => chapters.has(fact.c));
}

/**
 * The order a session asks these ids in, with each follow-up moved to just
 * after its fact when both are asked; a follow-up whose fact is not asked
 * keeps its place (the page shows the fact it follows).
 */
export function followupsAfterParents(order: readonly string[], facts: readonly DeckFact[]): string[] {
  const parentOf = new Map(facts.filter((fact) => fact.p !== undefined).map((fact) => [fact.id, fact.p!]));
  const asked = new Set(order);
  const after = new Map<string, string[]>();
  for (const id of order) {
    const parent = parentOf.get(id);
    if (parent !== undefined && asked.has(parent)) after.set(parent, [...(after.get(parent) ?? []), id]);
  }
  return order.flatMap((id) => {
    const parent = parentOf.get(id);
    if (parent !== undefined && asked.has(parent)) return [];
    return [id, ...(after.get(id) ?? [])];
  });
}

/** A multiple-choice fact's choices in random order, each as HTML and whether it is the answer; none without distractors. */
export function factChoices(fact: DeckFact, random: Random = Math.random): { html: string; right: boolean }[] {
  if (!fact.d) return [];
  return shuffled([{ html: fact.a, right: true }, ...fact.d.map((html) => ({ html, right: false }))], random);
}
