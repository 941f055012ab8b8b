/**
 * The header's "N due", on every page: reads the stored history and marks
 * (keys in data-history-key, data-marks-key) and, only when something may be
 * due today, loads the due count (due-count.ts), which downloads the deck and
 * counts. A reader with no history pays for this file alone.
 */
import { mayBeDueToday } from '../lib/study/due-today';

const count = document.querySelector<HTMLElement>('due-count[data-header]');
if (count) {
  let due = false;
  try {
    due = mayBeDueToday(localStorage.getItem(count.dataset.historyKey!), localStorage.getItem(count.dataset.marksKey!), new Date());
  } catch {
    // Storage turned off: no history, nothing due.
  }
  if (due) void import('./due-count');
}
