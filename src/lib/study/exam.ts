/**
 * Exam mode, pure: which facts an exam asks (a seeded draw, so a test or a
 * shared link gets the same exam), how each is asked (multiple choice where
 * the fact has distractors, else typed), the score, the time left and the
 * missed facts sent to review. Time and randomness are inputs.
 */
import { factChoices, type DeckFact } from './deck';
import { recordOf, type History } from './history';
import { review } from './schedule';
import { seededRandom, shuffled } from './shuffle';

export const DEFAULT_EXAM_SIZE = 10;
export const MAX_EXAM_SIZE = 100;
export const EXAM_MINUTES = [0, 5, 10, 20, 30] as const;

export interface ExamSettings {
  /** How many facts to ask (fewer when the scope has fewer). */
  size: number;
  /** The time limit in minutes; 0 for none. */
  minutes: number;
  seed: number;
}

const wholeNumber = (value: string | null, min: number, max: number, fallback: number) => {
  const number = value === null || value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(number) ? Math.max(min, Math.min(max, Math.floor(number))) : fallback;
};

/** The settings `?n=…&minutes=…&seed=…` ask for; the seed defaults to `newSeed` (a random one on the page). */
export function examSettings(search: URLSearchParams, newSeed: number): ExamSettings {
  return {
    size: wholeNumber(search.get('n'), 1, MAX_EXAM_SIZE, DEFAULT_EXAM_SIZE),
    minutes: wholeNumber(search.get('minutes'), 0, 24 * 60, 0),
    seed: wholeNumber(search.get('seed'), 0, 2 ** 32 - 1, newSeed),
  };
}

export type ExamQuestion = { fact: DeckFact; kind: 'choice'; choices: { html: string; right: boolean }[] } | { fact: DeckFact; kind: 'typed' };

/** The facts an exam draws from: follow-ups stay with review, where their fact is asked first. */
export function examPool(facts: readonly DeckFact[]): DeckFact[] {
  return facts.filter((fact) => fact.p === undefined);
}

/** `size` facts of the pool drawn at random, each with its choices dealt; the same seed draws the same exam. */
export function drawExam(facts: readonly DeckFact[], size: number, seed: number): ExamQuestion[] {
  const random = seededRandom(seed);
  return shuffled(examPool(facts), random)
    .slice(0, size)
    .map((fact) => (fact.d ? { fact, kind: 'choice', choices: factChoices(fact, random) } : { fact, kind: 'typed' }));
}

/** An answer as compared: NFKC, lower case, letters and digits only ("65,536" and "65536" match, as do "The max." and "the max"). */
export function normaliseAnswer(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** What the reader gave: the index of a choice, or typed text; `selfGraded` once they count a typed answer right themselves. */
export interface ExamAnswer {
  choice?: number | undefined;
  typed?: string | undefined;
  selfGraded?: boolean | undefined;
}

export interface ExamResult {
  question: ExamQuestion;
  right: boolean;
  /** A typed answer that did not match the answer as written: the reader may count it right. */
  gradable: boolean;
}

export function gradeAnswer(question: ExamQuestion, answer: ExamAnswer | undefined): ExamResult {
  if (question.kind === 'choice') {
    return { question, right: answer?.choice !== undefined && question.choices[answer.choice]?.right === true, gradable: false };
  }
  const typed = normaliseAnswer(answer?.typed ?? '');
  const matches = typed !== '' && typed === normaliseAnswer(question.fact.t ?? '');
  return { question, right: matches || answer?.selfGraded === true, gradable: !matches && typed !== '' };
}

export interface ExamScore {
  right: number;
  total: number;
  /** Whole per cent. */
  percent: number;
  missed: ExamResult[];
}

export function scoreExam(questions: readonly ExamQuestion[], answers: ReadonlyMap<string, ExamAnswer>): ExamScore {
  const results = questions.map((question) => gradeAnswer(question, answers.get(question.fact.id)));
  const right = results.filter((result) => result.right).length;
  const total = questions.length;
  return { right, total, percent: total ? Math.round((right / total) * 100) : 0, missed: results.filter((result) => !result.right) };
}

/** Milliseconds left of a time limit started at `startedAt` (never below 0); Infinity without a limit. */
export function timeLeft(startedAt: number, minutes: number, now: number): number {
  return minutes > 0 ? Math.max(0, startedAt + minutes * 60_000 - now) : Infinity;
}

/** "4:05", "0:09": minutes and seconds left, rounded up so 0:00 means the time is up. */
export function describeTimeLeft(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The history with each missed fact recorded as a lapse (Again) at `now`
 * and due now, so review asks it today.
 */
export function sendToReview(history: History, ids: readonly string[], now: Date): History {
  const next: Record<string, History[string]> = { ...history };
  for (const id of ids) {
    const record = review(recordOf(history, id), 1, now);
    Object.defineProperty(next, id, { value: { ...record, due: Math.min(record.due, now.getTime()) }, enumerable: true, writable: true, configurable: true });
  }
  return next;
}
