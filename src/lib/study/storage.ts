/**
 * Where a reader's marks live: one localStorage entry for the whole site, so
 * a fact marked on its chapter page is marked on the night-before sheet too.
 * Storage may be disabled (reading `localStorage` throws), full (writing
 * throws) or hold something that is not ours (corrupt JSON, wrong shape). None
 * of that may break the page: the store then keeps marks in memory for as
 * long as the page is open and says so through `persistent`.
 */
import { isMark, type Mark } from './progress';

export const STORAGE_KEY = 'garden-study-marks';
const VERSION = 1;

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type MarkMap = Record<string, Mark>;

export interface MarkStore {
  /** False once storage could not be read or written; marks then last as long as the page. */
  readonly persistent: boolean;
  /** Every mark, freshly read (another tab may have added some). */
  read(): MarkMap;
  /** Sets (or with `undefined` removes) one mark, keeping everyone else's; returns every mark. */
  set(id: string, mark: Mark | undefined): MarkMap;
  /** Removes the marks of these facts only; returns every mark left. */
  clear(ids: readonly string[]): MarkMap;
}

/** The marks in a stored value; anything unreadable counts as no marks, a bad entry is dropped. */
export function parseMarks(raw: string | null): MarkMap {
  if (raw === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!value || typeof value !== 'object') return {};
  const marks = (value as { marks?: unknown }).marks;
  if (!marks || typeof marks !== 'object' || Array.isArray(marks)) return {};
  return Object.fromEntries(Object.entries(marks).filter((entry): entry is [string, Mark] => isMark(entry[1])));
}

export function serialiseMarks(marks: MarkMap): string {
  return JSON.stringify({ v: VERSION, marks });
}

/** `storage` is a function because merely reading `window.localStorage` throws when storage is disabled. */
export function createMarkStore(storage: () => StorageLike | null | undefined, key: string = STORAGE_KEY): MarkStore {
  let persistent = true;
  let memory: MarkMap = {};

  const read = (): MarkMap => {
    if (!persistent) return { ...memory };
    try {
      const target = storage();
      if (!target) throw new Error('no storage');
      memory = parseMarks(target.getItem(key));
    } catch {
      persistent = false;
    }
    return { ...memory };
  };

  const write = (marks: MarkMap): MarkMap => {
    memory = marks;
    if (persistent) {
      try {
        const target = storage();
        if (!target) throw new Error('no storage');
        target.setItem(key, serialiseMarks(marks));
      } catch {
        // Full or refused: from now on this page keeps its marks in memory only.
        persistent = false;
      }
    }
    return { ...memory };
  };

  return {
    get persistent() {
      return persistent;
    },
    read,
    set(id, mark) {
      const marks = read();
      if (mark) marks[id] = mark;
      else delete marks[id];
      return write(marks);
    },
    clear(ids) {
      const marks = read();
      for (const id of ids) delete marks[id];
      return write(marks);
    },
  };
}
