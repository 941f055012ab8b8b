/** How well a reader knows a fact, and what the study toolbar counts and filters by. */
import { plural } from '../plural';
export const MARKS = ['known', 'shaky', 'unknown'] as const;
export type Mark = (typeof MARKS)[number];
export type Marks = Readonly<Record<string, Mark>>;

export function isMark(value: unknown): value is Mark {
  return typeof value === 'string' && (MARKS as readonly string[]).includes(value);
}

export interface Progress {
  total: number;
  known: number;
  shaky: number;
  unknown: number;
  unmarked: number;
}

/** Counts the marks of the given facts only; marks of facts not on this page are ignored. */
export function countProgress(ids: readonly string[], marks: Marks): Progress {
  const progress: Progress = { total: ids.length, known: 0, shaky: 0, unknown: 0, unmarked: 0 };
  for (const id of ids) {
    const mark = Object.hasOwn(marks, id) ? marks[id] : undefined;
    if (mark && isMark(mark)) progress[mark]++;
    else progress.unmarked++;
  }
  return progress;
}

/** "12 of 40 known · 5 shaky · 3 unknown" */
export function progressLine(progress: Progress): string {
  return `${progress.known} of ${progress.total} known · ${progress.shaky} shaky · ${progress.unknown} unknown`;
}

/** Percentages of the bar's three segments, rounded to one decimal. */
export function progressShares(progress: Progress): Record<Mark, number> {
  const share = (count: number) => (progress.total === 0 ? 0 : Math.round((count / progress.total) * 1000) / 10);
  return { known: share(progress.known), shaky: share(progress.shaky), unknown: share(progress.unknown) };
}

export const FILTERS = ['all', 'weak', 'unmarked'] as const;
export type Filter = (typeof FILTERS)[number];

export function isFilter(value: unknown): value is Filter {
  return typeof value === 'string' && (FILTERS as readonly string[]).includes(value);
}

/** `weak`: only shaky and unknown facts; `unmarked`: facts not yet marked. */
export function matchesFilter(mark: Mark | undefined, filter: Filter): boolean {
  if (filter === 'weak') return mark === 'shaky' || mark === 'unknown';
  if (filter === 'unmarked') return mark === undefined;
  return true;
}

/**
 * What a printed sheet holds, for the heading above it: "50 key facts" when
 * nothing is filtered, "12 shaky and unknown facts of 50" under a filter, so
 * a printed weak-facts sheet never claims to be the whole set.
 */
export function printedLine(progress: Progress, filter: Filter): string {
  if (filter === 'weak') return `${plural(progress.shaky + progress.unknown, 'shaky and unknown fact')} of ${progress.total}`;
  if (filter === 'unmarked') return `${plural(progress.unmarked, 'unmarked fact')} of ${progress.total}`;
  return plural(progress.total, 'key fact');
}
