/**
 * Moving history between browsers: the export file, and importing one by
 * merging it into what this browser holds. A merge is the union of both
 * sides' reviews per fact, by review time: a review present on either side is
 * kept, so nothing newer is ever dropped, and importing the same file twice
 * changes nothing. Each fact that gained reviews is rescheduled by replaying them.
 */
import { parseHistory, recordOf, serialiseHistory, type FactRecord, type History, type Review } from './history';
import { rescheduled } from './schedule';

export interface MergeResult {
  history: History;
  /** Facts that gained at least one review from the imported file. */
  changed: number;
  /** Reviews taken from the imported file. */
  added: number;
}

/** The reviews of both, in time order; at a time both hold, this browser's review stays. */
function mergeReviews(mine: readonly Review[], theirs: readonly Review[]): { reviews: Review[]; added: number } {
  const times = new Set(mine.map((review) => review[0]));
  const extra = theirs.filter((review) => !times.has(review[0]));
  // Two reviews of one file at one time are one review.
  const unique = extra.filter((review, index) => extra.findIndex((other) => other[0] === review[0]) === index);
  return { reviews: [...mine, ...unique].sort((a, b) => a[0] - b[0]), added: unique.length };
}

export function mergeHistories(mine: History, theirs: History): MergeResult {
  const history: Record<string, FactRecord> = { ...mine };
  let changed = 0;
  let added = 0;
  for (const id of Object.keys(theirs)) {
    const incoming = recordOf(theirs, id)!;
    const own = recordOf(mine, id);
    const merged = mergeReviews(own?.reviews ?? [], incoming.reviews);
    if (merged.added === 0) continue;
    Object.defineProperty(history, id, { value: rescheduled(merged.reviews), enumerable: true, writable: true, configurable: true });
    changed++;
    added += merged.added;
  }
  return { history, changed, added };
}

export type ImportResult = { ok: true; merge: MergeResult } | { ok: false; error: string };

/** Parses an export file and merges it into `mine`; a file that cannot be read leaves `mine` as it was and says why. */
export function importHistory(mine: History, text: string): ImportResult {
  const parsed = parseHistory(text);
  if (!parsed.ok) return parsed;
  return { ok: true, merge: mergeHistories(mine, parsed.value) };
}

/** The export file's text. */
export function exportHistory(history: History, now: Date): string {
  return serialiseHistory(history, now);
}

/** `garden-review-2026-03-02.json`, dated in the reader's time zone. */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `garden-review-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
