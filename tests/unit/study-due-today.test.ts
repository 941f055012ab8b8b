/** The header's first look at stored history and marks: it loads the deck only when something may be due today. */
import { describe, expect, it } from 'vitest';
import { mayBeDueToday } from '../../src/lib/study/due-today';
import { review } from '../../src/lib/study/schedule';
import { serialiseHistory } from '../../src/lib/study/history';
import { serialiseMarks } from '../../src/lib/study/storage';

const NOW = new Date(2026, 2, 2, 9, 0);

describe('mayBeDueToday', () => {
  it('is false with nothing stored, unreadable text, or only known marks', () => {
    expect(mayBeDueToday(null, null, NOW)).toBe(false);
    expect(mayBeDueToday('{not json', '[1,2', NOW)).toBe(false);
    expect(mayBeDueToday(serialiseHistory({}), serialiseMarks({ a: 'known' }), NOW)).toBe(false);
  });
  it('is true with a shaky or unknown mark', () => {
    expect(mayBeDueToday(null, serialiseMarks({ a: 'known', b: 'unknown' }), NOW)).toBe(true);
  });
  it('follows the due time of stored records: later today counts, tomorrow does not until the day comes', () => {
    const easy = review(undefined, 4, NOW);
    expect(mayBeDueToday(serialiseHistory({ a: easy }), null, NOW)).toBe(false);
    expect(mayBeDueToday(serialiseHistory({ a: easy }), null, new Date(easy.due))).toBe(true);
    expect(mayBeDueToday(serialiseHistory({ a: review(undefined, 3, NOW) }), null, NOW)).toBe(true);
    const tonight = new Date(2026, 2, 2, 23, 59).getTime();
    expect(mayBeDueToday(serialiseHistory({ a: { reviews: [[NOW.getTime(), 1]], due: tonight } }), null, NOW)).toBe(true);
  });
});
