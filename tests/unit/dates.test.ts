import { describe, expect, it } from 'vitest';
import { compareNewestFirst, formatDate, parseIsoDate, toUtcDate, type IsoDate } from '../../src/lib/dates';

const d = (s: string) => s as IsoDate;

describe('parseIsoDate', () => {
  it.each([
    ['2026-06-07', '2026-06-07'],
    ['  2026-06-07  ', '2026-06-07'],
    ['2024-02-29', '2024-02-29'],
    ['2026-12-31', '2026-12-31'],
    ['2026-01-01', '2026-01-01'],
  ])('accepts the string %j as %j', (input, expected) => {
    expect(parseIsoDate(input)).toBe(expected);
  });

  it.each([
    ['June 7'],
    ['2026-02-30'],
    ['2025-02-29'],
    ['2026-13-01'],
    ['2026-00-10'],
    ['2026-06-00'],
    ['2026-6-7'],
    ['26-06-07'],
    ['2026/06/07'],
    ['2026-06-07T10:00:00Z'],
    [''],
  ])('rejects the string %j', (input) => {
    expect(parseIsoDate(input)).toBeUndefined();
  });

  it.each([
    [new Date(Date.UTC(2026, 5, 7)), '2026-06-07'],
    [new Date('2024-02-29T00:00:00Z'), '2024-02-29'],
  ])('turns the YAML Date %o into %j', (input, expected) => {
    expect(parseIsoDate(input)).toBe(expected);
  });

  it.each([[new Date('nope')], [20260607], [null], [undefined], [true], [['2026-06-07']], [{ date: '2026-06-07' }]])(
    'rejects the non-date %o',
    (input) => {
      expect(parseIsoDate(input)).toBeUndefined();
    },
  );
});

describe('formatDate', () => {
  it.each([
    ['2026-06-07', 'Jun 7, 2026'],
    ['2026-01-01', 'Jan 1, 2026'],
    ['2025-12-31', 'Dec 31, 2025'],
  ])('%s → %s (in UTC, whatever the machine zone)', (input, expected) => {
    expect(formatDate(d(input))).toBe(expected);
  });
});

describe('toUtcDate', () => {
  it('is midnight UTC of that day', () => {
    const date = toUtcDate(d('2026-06-07'));
    expect(date.toISOString()).toBe('2026-06-07T00:00:00.000Z');
  });
});

describe('compareNewestFirst', () => {
  it.each([
    { a: '2026-06-07', b: '2026-06-07', sign: 0 },
    { a: '2026-06-08', b: '2026-06-07', sign: -1 },
    { a: '2026-06-07', b: '2026-06-08', sign: 1 },
    { a: undefined, b: '2026-06-07', sign: 1 },
    { a: '2026-06-07', b: undefined, sign: -1 },
    { a: undefined, b: undefined, sign: 0 },
  ])('($a, $b) has sign $sign', ({ a, b, sign }) => {
    expect(Math.sign(compareNewestFirst(a as IsoDate | undefined, b as IsoDate | undefined))).toBe(sign);
  });

  it('sorts newest first with undated entries last', () => {
    const dates = [undefined, '2024-01-01', '2026-06-07', undefined, '2025-03-03'] as (IsoDate | undefined)[];
    expect(dates.sort(compareNewestFirst)).toEqual(['2026-06-07', '2025-03-03', '2024-01-01', undefined, undefined]);
  });
});
