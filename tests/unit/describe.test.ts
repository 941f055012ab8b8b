import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/lib/describe';

describe('describeValue', () => {
  it.each<[unknown, string]>([
    [undefined, 'nothing'],
    [null, 'an empty value'],
    ['June 7', '"June 7"'],
    ['', 'an empty string'],
    ['   ', 'an empty string'],
    ['say "hi"', '"say \\"hi\\""'],
    [42, 'number 42'],
    [1.5, 'number 1.5'],
    [true, 'boolean true'],
    [false, 'boolean false'],
    [new Date('2026-06-07T00:00:00Z'), 'date 2026-06-07'],
    [new Date('invalid'), 'an invalid date'],
    [[], 'an empty list'],
    [['a', 1], 'a list (["a",1])'],
    [{ a: 1 }, 'an object ({"a":1})'],
  ])('%o → %s', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it('truncates long strings to 60 characters with an ellipsis', () => {
    const described = describeValue('x'.repeat(100));
    expect(described).toBe(`"${'x'.repeat(59)}…"`);
  });

  it('keeps a string of exactly 60 characters whole', () => {
    expect(describeValue('y'.repeat(60))).toBe(`"${'y'.repeat(60)}"`);
  });

  it('truncates long lists and objects', () => {
    const list = describeValue(Array.from({ length: 40 }, (_, i) => i));
    expect(list.startsWith('a list ([0,1,2,')).toBe(true);
    expect(list.endsWith('…)')).toBe(true);
    expect(list.length).toBe('a list ()'.length + 60);
  });
});
