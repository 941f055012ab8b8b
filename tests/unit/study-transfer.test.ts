/** Export and import of review history: merging by fact and review time, and refusing what is not a history. */
import { describe, expect, it } from 'vitest';
import { exportFileName, exportHistory, importHistory, mergeHistories } from '../../src/lib/study/transfer';
import { parseHistory, serialiseHistory, type History } from '../../src/lib/study/history';
import { replay, review } from '../../src/lib/study/schedule';

const DAY = 86_400_000;
const T = (day: number, hour = 9) => new Date(2026, 2, 2 + day, hour);

/** A fact reviewed with these ratings on these days. */
function studied(...steps: [day: number, rating: 1 | 2 | 3 | 4][]) {
  return steps.reduce<ReturnType<typeof review> | undefined>((record, [day, rating]) => review(record, rating, T(day)), undefined)!;
}

describe('export', () => {
  it('writes a file that reads back as the same history, with the export time', () => {
    const history: History = { 'part/01-a#abc': studied([0, 3], [1, 3]), 'part/01-a#def': studied([0, 1]) };
    const text = exportHistory(history, T(2));
    expect(JSON.parse(text)).toMatchObject({ format: 'garden-review-history', version: 1, exportedAt: T(2).toISOString() });
    expect(parseHistory(text)).toEqual({ ok: true, value: history });
  });

  it('keeps the history of facts deleted from the garden (export writes every record it holds)', () => {
    const history: History = { 'gone/01-x#1': studied([0, 3]) };
    expect(Object.keys(JSON.parse(exportHistory(history, T(1))).facts)).toEqual(['gone/01-x#1']);
  });

  it('names the file by the local date', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 30))).toBe('garden-review-2026-01-05.json');
  });
});

describe('merge', () => {
  it('takes facts only the file has, and keeps facts only this browser has', () => {
    const mine: History = { a: studied([0, 3]) };
    const theirs: History = { b: studied([1, 4]) };
    const { history, changed, added } = mergeHistories(mine, theirs);
    expect(history).toEqual({ a: mine.a, b: theirs.b });
    expect([changed, added]).toEqual([1, 1]);
  });

  it('unites the reviews of a fact studied in both browsers, in time order, and reschedules it', () => {
    const laptop = studied([0, 3], [1, 3]);
    const phone = { reviews: [...laptop.reviews.slice(0, 1), [T(5).getTime(), 1] as const], due: 0 };
    const { history } = mergeHistories({ f: laptop }, { f: phone });
    expect(history.f!.reviews).toEqual([[T(0).getTime(), 3], [T(1).getTime(), 3], [T(5).getTime(), 1]]);
    // The due time is worked out from the merged reviews, not taken from either side.
    expect(history.f!.due).toBe(replay(history.f!.reviews).due.getTime());
    expect(history.f!.due - T(5).getTime()).toBeLessThan(DAY);
  });

  it('never drops a newer record: an older file merged into newer history changes nothing', () => {
    const old = studied([0, 3]);
    const newer = studied([0, 3], [2, 3], [9, 3]);
    const result = mergeHistories({ f: newer }, { f: old });
    expect(result.history.f).toEqual(newer);
    expect(result.changed).toBe(0);
  });

  it('is idempotent: importing the same file twice adds nothing the second time', () => {
    const file = exportHistory({ f: studied([0, 3], [3, 2]) }, T(4));
    const first = importHistory({}, file);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = importHistory(first.merge.history, file);
    expect(second).toEqual({ ok: true, merge: { history: first.merge.history, changed: 0, added: 0 } });
  });

  it('keeps this browser’s review when both hold one at the same time', () => {
    const mine: History = { f: { reviews: [[T(0).getTime(), 3]], due: 1 } };
    const theirs: History = { f: { reviews: [[T(0).getTime(), 1]], due: 2 } };
    expect(mergeHistories(mine, theirs).history.f).toBe(mine.f);
  });
});

describe('import refuses what is not a history, and changes nothing', () => {
  const mine: History = { a: studied([0, 3]) };
  const before = JSON.stringify(mine);
  const valid = JSON.parse(serialiseHistory({ b: studied([0, 3]) })) as Record<string, unknown>;

  it.each([
    ['corrupt JSON', '{"format":"garden-review-history","version":1,"facts":{', /not JSON/],
    ['an empty file', '', /not JSON/],
    ['a foreign JSON file', JSON.stringify({ name: 'garden', version: '0.1.0', dependencies: {} }), /not a review history exported by this garden/],
    ['a list', '[1,2,3]', /not a review history/],
    ['study marks instead of history', JSON.stringify({ v: 1, marks: { a: 'known' } }), /not a review history/],
    ['a newer version', JSON.stringify({ ...valid, version: 2 }), /version 2; this page reads version 1/],
    ['facts that are not an object', JSON.stringify({ ...valid, facts: [] }), /no "facts" object/],
    ['a record without a due time', JSON.stringify({ ...valid, facts: { x: { reviews: [[1, 3]] } } }), /Fact "x" is not a record/],
    ['a rating out of range', JSON.stringify({ ...valid, facts: { x: { reviews: [[1, 3], [2, 5]], due: 3 } } }), /Fact "x", review 2: expected \[time in milliseconds, rating 1–4\], got \[2,5\]/],
    ['a time that is text', JSON.stringify({ ...valid, facts: { x: { reviews: [['2026-03-02', 3]], due: 3 } } }), /review 1/],
    ['a record with no reviews', JSON.stringify({ ...valid, facts: { x: { reviews: [], due: 3 } } }), /has no reviews/],
  ])('%s', (_name, text, message) => {
    const result = importHistory(mine, text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
    expect(JSON.stringify(mine)).toBe(before);
  });

  it('reads a fact named "__proto__" as an ordinary fact', () => {
    const text = JSON.stringify({ ...valid, facts: JSON.parse('{"__proto__": {"reviews": [[1, 3]], "due": 2}}') });
    const result = parseHistory(text);
    expect(result.ok && Object.keys(result.value)).toEqual(['__proto__']);
    expect(result.ok && Object.getPrototypeOf(result.value)).toBe(Object.prototype);
  });
});
