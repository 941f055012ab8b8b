/**
 * Scheduling with FSRS (ts-fsrs, FSRS-6 with its default parameters, no
 * fuzz): a fact's schedule is its reviews replayed, so the same history gives
 * the same due dates in every browser, and a merged history is rescheduled by
 * replaying it. Every function takes the time it acts at; none reads a clock.
 */
import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';
import { recordOf, type FactRecord, type History, type Rating, type Review } from './history';
import type { Mark, Marks } from './progress';

/** Default FSRS-6 weights, 90 % retention, learning steps 1 and 10 minutes, relearning 10 minutes. */
const scheduler = fsrs();

/** The card state after these reviews (in time order); a fact never reviewed is a new card due at once. */
export function replay(reviews: readonly Review[]): Card {
  let card = createEmptyCard(new Date(reviews[0]?.[0] ?? 0));
  for (const [at, rating] of reviews) card = scheduler.next(card, new Date(at), rating as Grade).card;
  return card;
}

/** The record after one more review at `now`. */
export function review(record: FactRecord | undefined, rating: Rating, now: Date, from?: 'mark'): FactRecord {
  const reviews: Review[] = [...(record?.reviews ?? []), from ? [now.getTime(), rating, from] : [now.getTime(), rating]];
  // A review dated before the last one (a clock moved back) still goes last in time order.
  reviews.sort((a, b) => a[0] - b[0]);
  return { reviews, due: replay(reviews).due.getTime() };
}

/** The record with its due time worked out again from its reviews (after a merge). */
export function rescheduled(reviews: readonly Review[]): FactRecord {
  return { reviews, due: replay(reviews).due.getTime() };
}

/** When each rating would bring the fact back, for the labels of the rating buttons. */
export function preview(record: FactRecord | undefined, now: Date): Record<Rating, number> {
  const card = record ? replay(record.reviews) : createEmptyCard(now);
  const outcomes = scheduler.repeat(card, now);
  return { 1: outcomes[1].card.due.getTime(), 2: outcomes[2].card.due.getTime(), 3: outcomes[3].card.due.getTime(), 4: outcomes[4].card.due.getTime() };
}

/**
 * How a study-mode mark seeds the first schedule: known as an Easy review
 * (back in about a week), shaky as Hard and unknown as Again (both due today).
 */
export const MARK_RATING: Readonly<Record<Mark, Rating>> = { known: 4, shaky: 2, unknown: 1 };

/**
 * The history with a first review, at `now`, for each of these facts that
 * carries a mark and has no history yet. Facts already reviewed keep theirs.
 * Returns the same object when nothing was seeded.
 */
export function seedFromMarks(history: History, ids: readonly string[], marks: Marks, now: Date): History {
  let seeded: Record<string, FactRecord> | undefined;
  for (const id of ids) {
    const mark = Object.hasOwn(marks, id) ? marks[id] : undefined;
    if (!mark || recordOf(history, id)) continue;
    seeded ??= { ...history };
    seeded[id] = review(undefined, MARK_RATING[mark], now, 'mark');
  }
  return seeded ?? history;
}
