/**
 * What is due, pure and scheduler-free: the review queue of a session, the
 * counts the sheets show and the forecast at the end of a session. Days are
 * the reader's local calendar days (midnight to midnight in the time zone
 * `now` is read in); every function takes `now`.
 */
import { firstStudied, recordOf, type History } from './history';
import type { Marks } from './progress';

export const DEFAULT_NEW_PER_DAY = 20;
export const MAX_NEW_PER_DAY = 999;

export function startOfDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/** Midnight `days` calendar days after today's (right across daylight-saving changes). */
export function dayStart(now: Date, days: number): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
}

/** A limit as the reader typed it, made a whole number from 0 to MAX_NEW_PER_DAY; anything else is the default. */
export function newPerDayLimit(value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return DEFAULT_NEW_PER_DAY;
  return Math.max(0, Math.min(MAX_NEW_PER_DAY, Math.floor(number)));
}

/** How many of these facts were studied for the first time today (seeds from marks do not count). */
export function newStudiedToday(ids: readonly string[], history: History, now: Date): number {
  const from = startOfDay(now).getTime();
  const until = dayStart(now, 1).getTime();
  return ids.filter((id) => {
    const first = firstStudied(recordOf(history, id));
    return first !== undefined && first >= from && first < until;
  }).length;
}

export interface Queue {
  /** Facts seen before and due before tomorrow, the most overdue first. */
  due: string[];
  /** Never-seen facts let in today, in garden order, within the day's new-fact limit. */
  fresh: string[];
  /** Never-seen facts waiting for another day (over the limit). */
  waiting: number;
}

/**
 * Today's queue over these facts (the ones of the page's scope, in garden
 * order). A fact with a mark but no history counts as seen: shaky and unknown
 * are due today, known is not (see seedFromMarks, which the review page runs first).
 */
export function reviewQueue(ids: readonly string[], history: History, marks: Marks, now: Date, newPerDay: number): Queue {
  const tomorrow = dayStart(now, 1).getTime();
  const due: { id: string; at: number }[] = [];
  const unseen: string[] = [];
  for (const id of ids) {
    const record = recordOf(history, id);
    const mark = Object.hasOwn(marks, id) ? marks[id] : undefined;
    if (record) {
      if (record.due < tomorrow) due.push({ id, at: record.due });
    } else if (mark === 'shaky' || mark === 'unknown') due.push({ id, at: now.getTime() });
    else if (!mark) unseen.push(id);
  }
  due.sort((a, b) => a.at - b.at);
  const allowance = Math.max(0, newPerDay - newStudiedToday(ids, history, now));
  return { due: due.map((entry) => entry.id), fresh: unseen.slice(0, allowance), waiting: Math.max(0, unseen.length - allowance) };
}

export interface Forecast {
  /** Due during tomorrow. */
  tomorrow: number;
  /** Due from tomorrow through the seventh day from today. */
  week: number;
}

/** What will come due after today, among these facts (facts deleted from the garden are not among them). */
export function forecast(ids: readonly string[], history: History, now: Date): Forecast {
  const [tomorrow, after, weekEnd] = [1, 2, 8].map((days) => dayStart(now, days).getTime()) as [number, number, number];
  let dueTomorrow = 0;
  let week = 0;
  for (const id of ids) {
    const due = recordOf(history, id)?.due;
    if (due === undefined || due < tomorrow) continue;
    if (due < after) dueTomorrow++;
    if (due < weekEnd) week++;
  }
  return { tomorrow: dueTomorrow, week };
}

/** "3 due · 5 new", "Nothing due", for a count beside a chapter. */
export function describeCounts(queue: Queue): string {
  const due = queue.due.length;
  const fresh = queue.fresh.length;
  if (due === 0 && fresh === 0) return 'Nothing due';
  return [due > 0 ? `${due} due` : '', fresh > 0 ? `${fresh} new` : ''].filter(Boolean).join(' · ');
}
