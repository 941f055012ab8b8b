/**
 * FSRS scheduling with a fixed clock: every time below is written out, and
 * "days later" is computed from it, never read from the machine's clock.
 */
import { describe, expect, it } from 'vitest';
import { MARK_RATING, preview, replay, review, seedFromMarks } from '../../src/lib/study/schedule';
import type { FactRecord, Rating } from '../../src/lib/study/history';

const MINUTE = 60_000;
const DAY = 86_400_000;
const START = new Date(2026, 2, 2, 9, 0); // Monday 2 March 2026, 09:00 local time

/** Reviews one fact with these ratings, each at the moment it comes due; returns the record and the gaps between reviews. */
function studyWhenDue(ratings: readonly Rating[], start = START) {
  let record: FactRecord | undefined;
  let at = start;
  const gaps: number[] = [];
  for (const rating of ratings) {
    record = review(record, rating, at);
    gaps.push(record.due - at.getTime());
    at = new Date(record.due);
  }
  return { record: record!, gaps };
}

describe('a first review', () => {
  it('brings a new fact back in minutes for Again, Hard and Good, and in days for Easy', () => {
    const due = (rating: Rating) => review(undefined, rating, START).due - START.getTime();
    expect(due(1)).toBe(1 * MINUTE);
    expect(due(2)).toBe(6 * MINUTE);
    expect(due(3)).toBe(10 * MINUTE);
    expect(due(4)).toBeGreaterThanOrEqual(5 * DAY);
    expect(due(4)).toBeLessThanOrEqual(12 * DAY);
  });

  it('keeps the review itself: its time and rating', () => {
    expect(review(undefined, 3, START).reviews).toEqual([[START.getTime(), 3]]);
  });

  it('gives the same schedule for the same history, whenever it is replayed (no fuzz)', () => {
    const a = studyWhenDue([3, 3, 3, 2, 3]);
    const b = studyWhenDue([3, 3, 3, 2, 3]);
    expect(a.record).toEqual(b.record);
    expect(replay(a.record.reviews).due.getTime()).toBe(a.record.due);
  });
});

describe('an interval across simulated weeks', () => {
  it('grows with every Good once the fact has left the learning steps', () => {
    const { gaps } = studyWhenDue([3, 3, 3, 3, 3, 3]);
    // Two learning steps (10 minutes, then a day or more), then intervals in days that keep growing.
    expect(gaps[0]).toBe(10 * MINUTE);
    expect(gaps[1]).toBeGreaterThanOrEqual(DAY);
    for (let i = 2; i < gaps.length; i++) expect(gaps[i]!, `gap ${i}`).toBeGreaterThan(gaps[i - 1]!);
    expect(gaps.at(-1)!).toBeGreaterThan(30 * DAY);
  });

  it('grows faster with Easy than with Good, and slower with Hard', () => {
    const after = (rating: Rating) => studyWhenDue([3, 3, rating, rating, rating]).gaps.at(-1)!;
    expect(after(4)).toBeGreaterThan(after(3));
    expect(after(3)).toBeGreaterThan(after(2));
  });
});

describe('a lapse', () => {
  it('brings a well-known fact back within minutes and counts the lapse', () => {
    const { record } = studyWhenDue([3, 3, 3, 3]);
    const lapsedAt = new Date(record.due);
    const lapsed = review(record, 1, lapsedAt);
    expect(lapsed.due - lapsedAt.getTime()).toBe(10 * MINUTE);
    expect(replay(lapsed.reviews).lapses).toBe(1);
  });

  it('shrinks the next interval below what it was before the lapse', () => {
    const { record, gaps } = studyWhenDue([3, 3, 3, 3]);
    const relearnt = studyWhenDue([1, 3], new Date(record.due));
    const merged = { reviews: [...record.reviews, ...relearnt.record.reviews] };
    const card = replay(merged.reviews);
    const intervalAfterLapse = card.due.getTime() - merged.reviews.at(-1)![0];
    expect(intervalAfterLapse).toBeLessThan(gaps.at(-1)!);
  });
});

describe('preview', () => {
  it('gives each rating its next due time, Again soonest and Easy latest', () => {
    const { record } = studyWhenDue([3, 3]);
    const now = new Date(record.due);
    const next = preview(record, now);
    expect(next[1]).toBeLessThan(next[2]);
    expect(next[2]).toBeLessThan(next[3]);
    expect(next[3]).toBeLessThan(next[4]);
    expect(next[3]).toBe(review(record, 3, now).due);
  });
});

describe('seedFromMarks', () => {
  it('turns each mark into a first review: known is Easy, shaky Hard, unknown Again', () => {
    const history = seedFromMarks({}, ['k', 's', 'u', 'none'], { k: 'known', s: 'shaky', u: 'unknown' }, START);
    expect(Object.keys(history).sort()).toEqual(['k', 's', 'u']);
    expect(history.k!.reviews).toEqual([[START.getTime(), MARK_RATING.known, 'mark']]);
    expect(history.k!.due - START.getTime()).toBeGreaterThan(DAY);
    expect(history.s!.due - START.getTime()).toBeLessThan(DAY);
    expect(history.u!.due - START.getTime()).toBe(MINUTE);
  });

  it('never touches a fact that already has history, and ignores marks of facts not asked about', () => {
    const studied = review(undefined, 3, START);
    const history = { a: studied };
    expect(seedFromMarks(history, ['a'], { a: 'unknown', b: 'known' }, START)).toBe(history);
  });
});
