/** The review store when storage works, is disabled, is full, or holds something that is not a history. */
import { describe, expect, it } from 'vitest';
import { createReviewStore, HISTORY_KEY, SETTINGS_KEY } from '../../src/lib/study/review-store';
import { review } from '../../src/lib/study/schedule';
import { memoryStorage } from '../helpers/memory-storage';


const NOW = new Date(2026, 2, 2, 9);
const record = review(undefined, 3, NOW);

describe('createReviewStore', () => {
  it('saves history and reads it back in a new store (a reload)', () => {
    const storage = memoryStorage();
    expect(createReviewStore(() => storage).write({ a: record })).toBe(true);
    const again = createReviewStore(() => storage);
    expect(again.read()).toEqual({ a: record });
    expect(again.problem).toBeUndefined();
  });

  it('reads stored text that is not a history as none, without failing', () => {
    const store = createReviewStore(() => memoryStorage({ [HISTORY_KEY]: '{"broken' }));
    expect(store.read()).toEqual({});
    expect(store.problem).toBeUndefined();
  });

  it('says storage is unavailable when reading throws, and keeps history in memory for the page', () => {
    const store = createReviewStore(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(store.read()).toEqual({});
    expect(store.problem).toBe('unavailable');
    expect(store.write({ a: record })).toBe(false);
    expect(store.read()).toEqual({ a: record });
  });

  it('says storage is full when writing throws, keeps the session going in memory, and recovers when a write succeeds', () => {
    const storage = memoryStorage({}, { full: true });
    const store = createReviewStore(() => storage);
    expect(store.read()).toEqual({});
    expect(store.write({ a: record })).toBe(false);
    expect(store.problem).toBe('full');
    expect(store.read()).toEqual({ a: record });
    const roomy = memoryStorage();
    const recovering = createReviewStore(() => (recovering.problem ? roomy : storage));
    recovering.write({ a: record });
    expect(recovering.write({ a: record, b: record })).toBe(true);
    expect(recovering.problem).toBeUndefined();
    expect(JSON.parse(roomy.data.get(HISTORY_KEY)!).facts).toHaveProperty('b');
  });

  it('keeps the new-per-day limit, 20 unless set, and survives a full storage', () => {
    const storage = memoryStorage();
    expect(createReviewStore(() => storage).settings()).toEqual({ newPerDay: 20 });
    createReviewStore(() => storage).saveSettings({ newPerDay: 7 });
    expect(JSON.parse(storage.data.get(SETTINGS_KEY)!)).toEqual({ newPerDay: 7 });
    expect(createReviewStore(() => storage).settings()).toEqual({ newPerDay: 7 });
    const full = createReviewStore(() => memoryStorage({}, { full: true }));
    full.saveSettings({ newPerDay: 3 });
    expect(full.settings()).toEqual({ newPerDay: 3 });
  });
});
