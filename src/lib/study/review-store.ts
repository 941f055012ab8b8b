/**
 * Where review history and the review settings live: localStorage, read and
 * written through a store that survives storage being disabled (reading
 * throws), full (writing throws) or holding something that is not ours. The
 * session then goes on in memory and `problem` says what went wrong, for the
 * page to tell the reader.
 */
import { parseHistory, serialiseHistory, type History } from './history';
import { newPerDayLimit } from './queue';
import type { StorageLike } from './storage';

export const HISTORY_KEY = 'garden-review-history';
export const SETTINGS_KEY = 'garden-review-settings';

export type StorageProblem = 'unavailable' | 'full';

export interface ReviewSettings {
  newPerDay: number;
}

export interface ReviewStore {
  /** Undefined while history is being saved; otherwise why it is not. */
  readonly problem: StorageProblem | undefined;
  /** The stored history, freshly read; stored text that is not a history reads as none. */
  read(): History;
  /** Saves the whole history; returns false (and sets `problem`) when it could not. */
  write(history: History): boolean;
  settings(): ReviewSettings;
  saveSettings(settings: ReviewSettings): void;
}

export function createReviewStore(storage: () => StorageLike | null | undefined): ReviewStore {
  let problem: StorageProblem | undefined;
  let memory: History = {};
  let settings: ReviewSettings | undefined;

  const target = (): StorageLike => {
    const found = storage();
    if (!found) throw new Error('no storage');
    return found;
  };

  return {
    get problem() {
      return problem;
    },
    read() {
      if (problem) return memory;
      try {
        const raw = target().getItem(HISTORY_KEY);
        const parsed = raw === null ? undefined : parseHistory(raw);
        memory = parsed?.ok ? parsed.value : {};
      } catch {
        problem = 'unavailable';
      }
      return memory;
    },
    write(history) {
      memory = history;
      if (problem === 'unavailable') return false;
      try {
        target().setItem(HISTORY_KEY, serialiseHistory(history));
        problem = undefined;
        return true;
      } catch {
        problem = 'full';
        return false;
      }
    },
    settings() {
      if (settings) return settings;
      let stored: unknown;
      try {
        stored = JSON.parse(target().getItem(SETTINGS_KEY) ?? 'null');
      } catch {
        stored = null;
      }
      settings = { newPerDay: newPerDayLimit((stored as Partial<ReviewSettings> | null)?.newPerDay) };
      return settings;
    },
    saveSettings(next) {
      settings = { newPerDay: newPerDayLimit(next.newPerDay) };
      try {
        target().setItem(SETTINGS_KEY, JSON.stringify(settings));
      } catch {
        // The setting then lasts as long as the page; the storage note already says why.
      }
    },
  };
}
