import { describe, expect, it } from 'vitest';
import { dayStart, DEFAULT_NEW_PER_DAY, describeCounts, describeInterval, forecast, newPerDayLimit, newStudiedToday, reviewQueue, sessionOrder } from '../../src/lib/study/queue';
import { review } from '../../src/lib/study/schedule';
import type { History } from '../../src/lib/study/history';

const START = new Date(2026, 2, 2, 9, 0);
const later = (days: number, hour = 9) => new Date(2026, 2, 2 + days, hour, 0);
const ids = (n: number, prefix = 'f') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('the new-per-day limit', () => {
  it('lets in at most the limit of never-seen facts, in garden order, and says how many wait', () => {
    const queue = reviewQueue(ids(30), {}, {}, START, 20);
    expect(queue.fresh).toEqual(ids(20));
    expect(queue.waiting).toBe(10);
    expect(queue.due).toEqual([]);
  });

  it('counts the facts first studied today against the limit, so a reload does not let in more', () => {
    let history: History = {};
    for (const id of ids(5)) history = { ...history, [id]: review(undefined, 4, START) };
    expect(newStudiedToday(ids(30), history, START)).toBe(5);
    expect(reviewQueue(ids(30), history, {}, later(0, 15), 20).fresh).toEqual(ids(30).slice(5, 20));
  });

  it('gives a new allowance the next day', () => {
    let history: History = {};
    for (const id of ids(20)) history = { ...history, [id]: review(undefined, 4, START) };
    expect(reviewQueue(ids(30), history, {}, later(0, 23), 20).fresh).toEqual([]);
    expect(reviewQueue(ids(30), history, {}, later(1), 20).fresh).toEqual(ids(30).slice(20));
  });

  it('does not count facts seeded from marks as studied', () => {
    const history = { f1: review(undefined, 4, START, 'mark') };
    expect(newStudiedToday(['f1'], history, START)).toBe(0);
  });

  it('reads a limit typed on the page', () => {
    expect(newPerDayLimit('5')).toBe(5);
    expect(newPerDayLimit(0)).toBe(0);
    expect(newPerDayLimit('7.9')).toBe(7);
    expect(newPerDayLimit(-3)).toBe(0);
    expect(newPerDayLimit('100000')).toBe(999);
    for (const bad of ['', 'ten', undefined, null, Number.NaN, {}]) expect(newPerDayLimit(bad)).toBe(DEFAULT_NEW_PER_DAY);
  });
});

describe('the review queue', () => {
  it('holds the facts due before midnight, most overdue first, and not those due later', () => {
    const history: History = {
      old: review(undefined, 4, later(-20)), // an Easy first review: due about a week later, long overdue now
      tonight: { reviews: [[START.getTime(), 3]], due: later(0, 22).getTime() },
      tomorrow: { reviews: [[START.getTime(), 3]], due: later(1, 1).getTime() },
    };
    const queue = reviewQueue(['tomorrow', 'tonight', 'old', 'brand-new'], history, {}, START, 20);
    expect(queue.due).toEqual(['old']);
    expect(queue.later).toEqual(['tonight']);
    expect(queue.fresh).toEqual(['brand-new']);
    // Overdue first, then new facts, then what comes due later today (a learning step after a reload).
    expect(sessionOrder(queue)).toEqual(['old', 'brand-new', 'tonight']);
  });

  it('treats marked facts without history as seen: shaky and unknown due, known not', () => {
    const queue = reviewQueue(['k', 's', 'u', 'n'], {}, { k: 'known', s: 'shaky', u: 'unknown' }, START, 20);
    expect(queue.due.sort()).toEqual(['s', 'u']);
    expect(queue.fresh).toEqual(['n']);
  });

  it('leaves out facts deleted from the garden: only the ids asked about count', () => {
    const history = { gone: review(undefined, 1, START) };
    expect(reviewQueue(['kept'], history, {}, START, 20)).toEqual({ due: [], fresh: ['kept'], later: [], waiting: 0 });
    expect(forecast(['kept'], { gone: review(undefined, 4, START) }, START)).toEqual({ tomorrow: 0, week: 0 });
  });
});

describe('forecast', () => {
  it('counts what comes due tomorrow and within the week, not today or later', () => {
    const due = (at: Date) => ({ reviews: [[START.getTime(), 3] as const], due: at.getTime() });
    const history: History = { today: due(later(0, 20)), tomorrow: due(later(1, 8)), friday: due(later(4)), nextMonth: due(later(30)) };
    expect(forecast(Object.keys(history), history, START)).toEqual({ tomorrow: 1, week: 2 });
  });

  it('uses calendar days: one minute before midnight, tomorrow starts in a minute', () => {
    const now = new Date(2026, 2, 2, 23, 59);
    expect(dayStart(now, 1).getTime() - now.getTime()).toBe(60_000);
  });
});

describe('describeCounts', () => {
  it('says what is due and new, or that nothing is', () => {
    expect(describeCounts({ due: ['a'], later: ['b'], fresh: ['c'], waiting: 0 })).toBe('2 due · 1 new');
    expect(describeCounts({ due: [], later: [], fresh: ['c'], waiting: 3 })).toBe('1 new');
    expect(describeCounts({ due: [], later: [], fresh: [], waiting: 0 })).toBe('Nothing due');
  });
});

describe('describeInterval', () => {
  it('says how far away a due time is, in the unit a reader expects', () => {
    const at = (ms: number) => describeInterval(START, START.getTime() + ms);
    expect(at(60_000)).toBe('1 min');
    expect(at(10 * 60_000)).toBe('10 min');
    expect(at(20_000)).toBe('1 min');
    expect(at(3 * 3_600_000)).toBe('3 h');
    expect(at(86_400_000)).toBe('1 day');
    expect(at(11 * 86_400_000)).toBe('11 days');
    expect(at(91 * 86_400_000)).toBe('3 mo');
    expect(at(548 * 86_400_000)).toBe('1.5 yr');
  });
});
