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
  /** Facts seen before and due by now, the most overdue first. */
  due: string[];
  /** Never-seen facts let in today, in garden order, within the day's new-fact limit. */
  fresh: string[];
  /** Facts seen before that come due later today (a learning step, a lapse), soonest first: asked after the rest. */
  later: string[];
  /** Never-seen facts waiting for another day (over the limit). */
  waiting: number;
}

/** The queue in the order a session asks it. */
export function sessionOrder(queue: Queue): string[] {
  return [...queue.due, ...queue.fresh, ...queue.later];
}

/**
 * Today's queue over these facts (the ones of the page's scope, in garden
 * order). A fact with a mark but no history counts as seen: shaky and unknown
 * are due now, known is not (see seedFromMarks, which the review page runs first).
 */
export function reviewQueue(ids: readonly string[], history: History, marks: Marks, now: Date, newPerDay: number): Queue {
  const tomorrow = dayStart(now, 1).getTime();
  const seen: { id: string; at: number }[] = [];
  const unseen: string[] = [];
  for (const id of ids) {
    const record = recordOf(history, id);
    const mark = Object.hasOwn(marks, id) ? marks[id] : undefined;
    if (record) {
      if (record.due < tomorrow) seen.push({ id, at: record.due });
    } else if (mark === 'shaky' || mark === 'unknown') seen.push({ id, at: now.getTime() });
    else if (!mark) unseen.push(id);
  }
  seen.sort((a, b) => a.at - b.at);
  const allowance = Math.max(0, newPerDay - newStudiedToday(ids, history, now));
  const ids_ = (entries: typeof seen) => entries.map((entry) => entry.id);
  return {
    due: ids_(seen.filter((entry) => entry.at <= now.getTime())),
    fresh: unseen.slice(0, allowance),
    later: ids_(seen.filter((entry) => entry.at > now.getTime())),
    waiting: Math.max(0, unseen.length - allowance),
  };
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
  const due = queue.due.length + queue.later.length;
  const fresh = queue.fresh.length;
  if (due === 0 && fresh === 0) return 'Nothing due';
  return [due > 0 ? `${due} due` : '', fresh > 0 ? `${fresh} new` : ''].filter(Boolean).join(' · ');
}

/** "1 min", "6 min", "3 h", "2 days", "4 mo", "1.5 yr": how far away a due time is, for the rating buttons. */
export function describeInterval(from: Date, due: number): string {
  const minutes = Math.max(1, Math.round((due - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  if (days < 31) return days === 1 ? '1 day' : `${days} days`;
  if (days < 365) return `${Math.round(days / 30.4)} mo`;
  return `${Math.round((days / 365) * 10) / 10} yr`;
}
