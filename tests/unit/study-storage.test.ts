import { describe, expect, it } from 'vitest';
import { createMarkStore, parseMarks, serialiseMarks, STORAGE_KEY } from '../../src/lib/study/storage';
import { memoryStorage } from '../helpers/memory-storage';


describe('parseMarks', () => {
  it('reads what serialiseMarks wrote', () => {
    expect(parseMarks(serialiseMarks({ a: 'known', b: 'unknown' }))).toEqual({ a: 'known', b: 'unknown' });
  });

  it.each([
    ['nothing stored', null],
    ['corrupt JSON', '{"v":1,"marks":{'],
    ['a number', '42'],
    ['null', 'null'],
    ['a list', '[1,2]'],
    ['marks as a list', '{"v":1,"marks":["known"]}'],
    ['marks as text', '{"v":1,"marks":"known"}'],
  ])('treats %s as no marks', (_name, raw) => {
    expect(parseMarks(raw)).toEqual({});
  });

  it('drops entries that are not marks and keeps the rest', () => {
    const marks = parseMarks('{"v":1,"marks":{"a":"known","b":"KNOWN","c":3,"d":null,"__proto__":"shaky","e":"shaky"}}');
    expect(Object.entries(marks)).toEqual([['a', 'known'], ['__proto__', 'shaky'], ['e', 'shaky']]);
    // A "__proto__" key stays a plain own entry and never changes the object's prototype.
    expect(Object.getPrototypeOf(marks)).toBe(Object.prototype);
  });
});

describe('createMarkStore', () => {
  it('persists marks and removes them', () => {
    const storage = memoryStorage();
    const store = createMarkStore(() => storage);
    expect(store.set('a', 'known')).toEqual({ a: 'known' });
    expect(store.set('b', 'shaky')).toEqual({ a: 'known', b: 'shaky' });
    expect(store.set('a', undefined)).toEqual({ b: 'shaky' });
    expect(createMarkStore(() => storage).read()).toEqual({ b: 'shaky' });
    expect(JSON.parse(storage.data.get(STORAGE_KEY)!)).toEqual({ v: 1, marks: { b: 'shaky' } });
    expect(store.persistent).toBe(true);
  });

  it('keeps marks another tab wrote in between', () => {
    const storage = memoryStorage();
    const here = createMarkStore(() => storage);
    const there = createMarkStore(() => storage);
    here.set('a', 'known');
    there.set('b', 'unknown');
    expect(here.set('c', 'shaky')).toEqual({ a: 'known', b: 'unknown', c: 'shaky' });
  });

  it('clears only the given facts', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: serialiseMarks({ a: 'known', b: 'shaky', elsewhere: 'unknown' }) });
    const store = createMarkStore(() => storage);
    expect(store.clear(['a', 'b', 'never-marked'])).toEqual({ elsewhere: 'unknown' });
    expect(parseMarks(storage.data.get(STORAGE_KEY)!)).toEqual({ elsewhere: 'unknown' });
  });

  it('starts empty over corrupt data and replaces it on the first mark', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: 'not json at all' });
    const store = createMarkStore(() => storage);
    expect(store.read()).toEqual({});
    store.set('a', 'unknown');
    expect(parseMarks(storage.data.get(STORAGE_KEY)!)).toEqual({ a: 'unknown' });
    expect(store.persistent).toBe(true);
  });

  it('works in memory when storage is disabled (reading localStorage throws)', () => {
    const store = createMarkStore(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    expect(store.read()).toEqual({});
    expect(store.set('a', 'known')).toEqual({ a: 'known' });
    expect(store.set('b', 'shaky')).toEqual({ a: 'known', b: 'shaky' });
    expect(store.read()).toEqual({ a: 'known', b: 'shaky' });
    expect(store.persistent).toBe(false);
  });

  it('works in memory when there is no storage at all', () => {
    const store = createMarkStore(() => null);
    expect(store.set('a', 'known')).toEqual({ a: 'known' });
    expect(store.persistent).toBe(false);
  });

  it('keeps new marks in memory when storage is full, without losing them to the stored copy', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: serialiseMarks({ old: 'shaky' }) }, { full: true });
    const store = createMarkStore(() => storage);
    expect(store.set('a', 'known')).toEqual({ old: 'shaky', a: 'known' });
    expect(store.persistent).toBe(false);
    expect(store.read()).toEqual({ old: 'shaky', a: 'known' });
    expect(store.clear(['old'])).toEqual({ a: 'known' });
    expect(parseMarks(storage.data.get(STORAGE_KEY)!)).toEqual({ old: 'shaky' });
  });

  it('hands out copies, so callers cannot change its memory', () => {
    const store = createMarkStore(() => null);
    const marks = store.set('a', 'known');
    marks.b = 'shaky';
    expect(store.read()).toEqual({ a: 'known' });
  });
});
