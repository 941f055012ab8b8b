/**
 * A reader's review history: for every fact they have reviewed, each review
 * (when, and how well they recalled it) and when the fact is due next. The
 * same shape is kept in localStorage and written to an export file, so moving
 * history between browsers is export here, import there.
 *
 * Reviews are the record; `due` is derived from them by the scheduler
 * (schedule.ts) and kept beside them so that counting what is due needs no
 * scheduler on the page. This module knows nothing of FSRS.
 */

export const HISTORY_FORMAT = 'garden-review-history';
export const HISTORY_VERSION = 1;

/** Again, Hard, Good, Easy: the four answers a reader gives, as FSRS numbers them. */
export const RATINGS = [1, 2, 3, 4] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_NAMES: Readonly<Record<Rating, string>> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/**
 * One review: its time (milliseconds since 1970) and rating. A third element
 * `"mark"` says it was made from a known/shaky/unknown mark rather than a
 * review, so it is not counted as a new fact studied that day.
 */
export type Review = readonly [at: number, rating: Rating] | readonly [at: number, rating: Rating, from: 'mark'];

export interface FactRecord {
  /** In time order. */
  reviews: readonly Review[];
  /** When the fact is next due (milliseconds since 1970). */
  due: number;
}

/** Fact id (src/lib/study/ids.ts) → its record. Facts deleted from the garden keep theirs. */
export type History = Readonly<Record<string, FactRecord>>;

export interface HistoryFile {
  format: typeof HISTORY_FORMAT;
  version: typeof HISTORY_VERSION;
  /** ISO time of the export; absent in localStorage. */
  exportedAt?: string | undefined;
  facts: History;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export function isRating(value: unknown): value is Rating {
  return typeof value === 'number' && (RATINGS as readonly number[]).includes(value);
}

function isReview(value: unknown): value is Review {
  if (!Array.isArray(value) || (value.length !== 2 && value.length !== 3)) return false;
  const [at, rating, from] = value as unknown[];
  return typeof at === 'number' && Number.isFinite(at) && at >= 0 && isRating(rating) && (value.length === 2 || from === 'mark');
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a history file (or the stored copy). Anything that is not exactly a
 * history of this format is refused with a sentence saying why, and nothing
 * is returned: a half-read history must never replace or merge into a good one.
 */
export function parseHistory(text: string): Parsed<History> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not JSON: it may be damaged or cut short.' };
  }
  if (!isObject(value) || value.format !== HISTORY_FORMAT) {
    return { ok: false, error: `This is not a review history exported by this garden (expected "format": "${HISTORY_FORMAT}").` };
  }
  if (value.version !== HISTORY_VERSION) {
    return { ok: false, error: `This review history has version ${JSON.stringify(value.version)}; this page reads version ${HISTORY_VERSION}.` };
  }
  if (!isObject(value.facts)) return { ok: false, error: 'This review history has no "facts" object.' };
  const facts: Record<string, FactRecord> = {};
  for (const [id, record] of Object.entries(value.facts)) {
    if (!isObject(record) || !Array.isArray(record.reviews) || typeof record.due !== 'number' || !Number.isFinite(record.due)) {
      return { ok: false, error: `Fact "${id}" is not a record of reviews and a due time.` };
    }
    const bad = record.reviews.findIndex((review) => !isReview(review));
    if (bad !== -1) return { ok: false, error: `Fact "${id}", review ${bad + 1}: expected [time in milliseconds, rating 1–4], got ${JSON.stringify(record.reviews[bad])}.` };
    if (record.reviews.length === 0) return { ok: false, error: `Fact "${id}" has no reviews.` };
    // defineProperty keeps a fact named "__proto__" an ordinary entry.
    Object.defineProperty(facts, id, { value: { reviews: record.reviews as Review[], due: record.due }, enumerable: true, writable: true, configurable: true });
  }
  return { ok: true, value: facts };
}

export function serialiseHistory(facts: History, exportedAt?: Date): string {
  const file: HistoryFile = { format: HISTORY_FORMAT, version: HISTORY_VERSION, ...(exportedAt ? { exportedAt: exportedAt.toISOString() } : {}), facts };
  return JSON.stringify(file);
}

/** The record of one fact, if any (own entries only: a fact id is never looked up on the prototype). */
export function recordOf(history: History, id: string): FactRecord | undefined {
  return Object.hasOwn(history, id) ? history[id] : undefined;
}

/** When the reader first studied the fact for real (not from a mark), if they have. */
export function firstStudied(record: FactRecord | undefined): number | undefined {
  return record?.reviews.find((review) => review.length === 2)?.[0];
}
