import { describe, expect, it } from 'vitest';
import { countTags, normaliseTags, toTagSlug, visibleTags, type TagSlug } from '../../src/lib/tags';

const t = (...tags: string[]) => tags as TagSlug[];

describe('toTagSlug', () => {
  it.each([
    ['Time Series', 'time-series'],
    ['time_series', 'time-series'],
    ['TIME-series', 'time-series'],
    ['time-series', 'time-series'],
    ['  time   series  ', 'time-series'],
    ['kv cache', 'kv-cache'],
    ['LLM', 'llm'],
    ['GPT4', 'gpt4'],
    ['Ünïcode Café', 'unicode-cafe'],
    ['C++', 'c-plus-plus'],
    ['Node.js', 'node.js'],
    ['.NET', '.net'],
    ['etc.', 'etc'],
    ['a. b', 'a-b'],
    ['--leading and trailing--', 'leading-and-trailing'],
    ['ml/ops', 'ml-ops'],
    ['a___b', 'a-b'],
    ['', ''],
    ['   ', ''],
    ['---', ''],
    ['!!!', ''],
  ])('%j → %j', (raw, expected) => {
    expect(toTagSlug(raw)).toBe(expected);
  });

  // Regression (tags.ts, toTagSlug): the camelCase split turns brand names into a second topic:
  // "NumPy" → "num-py" while "numpy" → "numpy". The doc comment promises that tag
  // pages "must never split one topic in two", and the garden already has the tags
  // `numpy`, `pytorch` and `deepseek`: an author writing the brand's own spelling
  // silently starts a second tag page.
  it.each([
    ['NumPy', 'numpy'],
    ['PyTorch', 'pytorch'],
    ['DeepSeek', 'deepseek'],
  ])('spells a brand name %j the same as its lowercase form %j', (brand, lower) => {
    expect(toTagSlug(brand)).toBe(toTagSlug(lower));
  });
});

describe('normaliseTags', () => {
  it.each([
    { raw: ['Python', 'python', 'PYTHON'], expected: ['python'] },
    { raw: ['Time Series', 'time_series', 'ml'], expected: ['time-series', 'ml'] },
    { raw: ['b', 'a', 'b'], expected: ['b', 'a'] },
    { raw: ['  ', '!!', 'ok'], expected: ['ok'] },
    { raw: ['', '---'], expected: [] },
    { raw: [], expected: [] },
  ])('$raw → $expected', ({ raw, expected }) => {
    expect(normaliseTags(raw)).toEqual(expected);
  });

  it('does not modify its input', () => {
    const raw = ['A b', 'C'];
    normaliseTags(raw);
    expect(raw).toEqual(['A b', 'C']);
  });
});

describe('countTags', () => {
  it('counts over entries, most used first, ties alphabetically', () => {
    const entries = [{ tags: t('python', 'ml') }, { tags: t('ml', 'zeta') }, { tags: t('alpha', 'ml', 'python') }, { tags: t() }];
    expect(countTags(entries)).toEqual([
      { tag: 'ml', count: 3 },
      { tag: 'python', count: 2 },
      { tag: 'alpha', count: 1 },
      { tag: 'zeta', count: 1 },
    ]);
  });

  it('returns an empty list for no entries', () => {
    expect(countTags([])).toEqual([]);
  });
});

describe('visibleTags', () => {
  it.each([
    { tags: ['a', 'b', 'c', 'd'], max: 2, shown: ['a', 'b'], hidden: 2 },
    { tags: ['a', 'b'], max: 2, shown: ['a', 'b'], hidden: 0 },
    { tags: ['a'], max: 5, shown: ['a'], hidden: 0 },
    { tags: [], max: 3, shown: [], hidden: 0 },
    { tags: ['a', 'b'], max: 0, shown: [], hidden: 2 },
  ])('$tags with max $max shows $shown and hides $hidden', ({ tags, max, shown, hidden }) => {
    expect(visibleTags(tags, max)).toEqual({ shown, hidden });
  });
});
