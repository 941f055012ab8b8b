import { describe, expect, it } from 'vitest';
import { applyFilter, countLine, EMPTY_FILTER, isFiltering, readFilterState, sameFilter, tagCounts, toggleTag, unknownFilters, unknownFiltersNote, writeFilterState } from '../../src/lib/search/filter-state';

describe('filter state in the URL', () => {
  it('round-trips keyword, repeated tags and track', () => {
    const state = { q: 'causal mask', tags: ['pytorch', 'llm'], track: 'llm' };
    const search = writeFilterState(state);
    expect(search).toBe('?q=causal+mask&tag=pytorch&tag=llm&track=llm');
    expect(readFilterState(search)).toEqual(state);
  });

  it('writes nothing for the empty state and keeps unrelated parameters', () => {
    expect(writeFilterState(EMPTY_FILTER)).toBe('');
    expect(writeFilterState({ q: '', tags: ['sql'], track: '' }, '?utm=x&q=old&tag=a')).toBe('?utm=x&tag=sql');
  });

  it('drops duplicate, blank and unknown tags and unknown tracks', () => {
    const known = { tags: new Set(['sql', 'python']), tracks: new Set(['llm']) };
    expect(readFilterState('?tag=sql&tag=sql&tag=&tag=nope&track=mars', known)).toEqual({ q: '', tags: ['sql'], track: '' });
  });

  it('toggles tags and compares states', () => {
    const one = toggleTag(EMPTY_FILTER, 'sql');
    expect(one.tags).toEqual(['sql']);
    expect(toggleTag(one, 'sql').tags).toEqual([]);
    expect(sameFilter(one, { q: '', tags: ['sql'], track: '' })).toBe(true);
    expect(sameFilter(one, EMPTY_FILTER)).toBe(false);
    expect(isFiltering(EMPTY_FILTER)).toBe(false);
    expect(isFiltering({ ...EMPTY_FILTER, q: '  ' })).toBe(false);
    expect(isFiltering(one)).toBe(true);
  });
});

describe('applyFilter', () => {
  const items = [
    { id: 'a', tags: ['x', 'y'], track: 'llm' },
    { id: 'b', tags: ['x'], track: 'math' },
    { id: 'c', tags: ['y'] },
  ];

  it('keeps items with every chosen tag and the chosen track, in listing order', () => {
    expect(applyFilter(items, { q: '', tags: ['x'], track: '' }).map((i) => i.id)).toEqual(['a', 'b']);
    expect(applyFilter(items, { q: '', tags: ['x', 'y'], track: '' }).map((i) => i.id)).toEqual(['a']);
    expect(applyFilter(items, { q: '', tags: [], track: 'math' }).map((i) => i.id)).toEqual(['b']);
  });

  it('with a keyword, shows what the ranking returns among the allowed items, in its order', () => {
    let seen: string[] = [];
    const rank = (allowed: ReadonlySet<string>) => {
      seen = [...allowed];
      return ['c', 'zzz', 'a'];
    };
    expect(applyFilter(items, { q: 'word', tags: ['y'], track: '' }, rank).map((i) => i.id)).toEqual(['c', 'a']);
    expect(seen).toEqual(['a', 'c']);
  });

  it('says "N of M"', () => {
    expect(countLine(3, 26, 'bit')).toBe('3 of 26 bits');
    expect(countLine(0, 1, 'short')).toBe('0 of 1 short');
    expect(countLine(1250, 6000, 'bit')).toBe('1,250 of 6,000 bits');
  });
});

describe('what a shared link asks for that the listing lacks', () => {
  const known = { tags: new Set(['llm', 'pytorch']), tracks: new Set(['retrieval']) };

  it('names unknown tags and tracks, once each, and nothing when all are known', () => {
    expect(unknownFilters('?tag=llm&tag=retreival&tag=retreival&track=nope', known)).toEqual({ tags: ['retreival'], track: 'nope' });
    expect(unknownFilters('?tag=llm&track=retrieval&q=x', known)).toEqual({ tags: [], track: undefined });
  });

  it('says so in a sentence', () => {
    expect(unknownFiltersNote({ tags: ['retreival'] }, 'shorts')).toBe('No shorts have the tag “retreival”: left out of the filter.');
    expect(unknownFiltersNote({ tags: ['a', 'b'], track: 'x' }, 'bits')).toBe('No bits have the tags “a”, “b” or the track “x”: left out of the filter.');
    expect(unknownFiltersNote({ tags: [] }, 'bits')).toBe('');
  });
});

describe('tagCounts', () => {
  it('counts the shown items carrying each tag', () => {
    const counts = tagCounts([
      { id: 'a', tags: ['llm', 'pytorch'] },
      { id: 'b', tags: ['llm'] },
    ]);
    expect([...counts]).toEqual([
      ['llm', 2],
      ['pytorch', 1],
    ]);
    expect(tagCounts([]).size).toBe(0);
  });
});
