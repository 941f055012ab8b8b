import type { StorageLike } from '../../src/lib/study/storage';

/** An in-memory localStorage, optionally refusing writes like a full one. */
export function memoryStorage(initial: Record<string, string> = {}, { full = false } = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(key, value);
    },
  };
}
