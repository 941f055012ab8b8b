import { describe, expect, it } from 'vitest';
import { countProgress, isFilter, isMark, matchesFilter, printedLine, progressLine, progressShares, type Mark } from '../../src/lib/study/progress';

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
const marks: Record<string, Mark> = { a: 'known', b: 'known', c: 'shaky', d: 'unknown', other: 'known' };

describe('countProgress', () => {
  it('counts each mark of this page\'s facts and the unmarked rest', () => {
    expect(countProgress(ids, marks)).toEqual({ total: 6, known: 2, shaky: 1, unknown: 1, unmarked: 2 });
  });

  it('ignores marks of facts that are not on the page', () => {
    expect(countProgress(['x'], marks)).toEqual({ total: 1, known: 0, shaky: 0, unknown: 0, unmarked: 1 });
  });

  it('counts an invalid mark as unmarked and is safe with inherited keys', () => {
    const odd = { a: 'maybe', toString: 'known' } as unknown as Record<string, Mark>;
    expect(countProgress(['a', 'constructor', 'toString'], odd)).toEqual({ total: 3, known: 1, shaky: 0, unknown: 0, unmarked: 2 });
  });

  it('handles a page without facts', () => {
    expect(countProgress([], marks)).toEqual({ total: 0, known: 0, shaky: 0, unknown: 0, unmarked: 0 });
  });
});

describe('progressLine and progressShares', () => {
  it('reads like the issue asks', () => {
    expect(progressLine({ total: 40, known: 12, shaky: 5, unknown: 3, unmarked: 20 })).toBe('12 of 40 known · 5 shaky · 3 unknown');
  });

  it('gives the bar its three shares in percent', () => {
    expect(progressShares({ total: 3, known: 1, shaky: 1, unknown: 0, unmarked: 1 })).toEqual({ known: 33.3, shaky: 33.3, unknown: 0 });
    expect(progressShares({ total: 0, known: 0, shaky: 0, unknown: 0, unmarked: 0 })).toEqual({ known: 0, shaky: 0, unknown: 0 });
  });
});

describe('filters', () => {
  it.each<[Mark | undefined, boolean, boolean, boolean]>([
    // mark,     all,  weak,  unmarked
    ['known', true, false, false],
    ['shaky', true, true, false],
    ['unknown', true, true, false],
    [undefined, true, false, true],
  ])('a fact marked %s: all %s, weak %s, unmarked %s', (mark, all, weak, unmarked) => {
    expect(matchesFilter(mark, 'all')).toBe(all);
    expect(matchesFilter(mark, 'weak')).toBe(weak);
    expect(matchesFilter(mark, 'unmarked')).toBe(unmarked);
  });

  it('recognises marks and filters by name only', () => {
    expect([isMark('known'), isMark('Known'), isMark(1), isMark(undefined)]).toEqual([true, false, false, false]);
    expect([isFilter('weak'), isFilter('shaky'), isFilter(null)]).toEqual([true, false, false]);
  });
});

describe('printedLine', () => {
  const progress = { total: 50, known: 30, shaky: 9, unknown: 3, unmarked: 8 };
  it('names the whole set when nothing is filtered', () => {
    expect(printedLine(progress, 'all')).toBe('50 key facts');
    expect(printedLine({ ...progress, total: 1 }, 'all')).toBe('1 key fact');
  });

  it('says what a filter kept, out of how many', () => {
    expect(printedLine(progress, 'weak')).toBe('12 shaky and unknown facts of 50');
    expect(printedLine(progress, 'unmarked')).toBe('8 unmarked facts of 50');
    expect(printedLine({ ...progress, shaky: 1, unknown: 0 }, 'weak')).toBe('1 shaky and unknown fact of 50');
  });
});
