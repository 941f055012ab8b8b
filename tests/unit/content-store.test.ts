import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentStoreFile, dropStoreIfStale } from '../../src/build/content-store';

describe('dropping the content store when links change', () => {
  it('keeps the store while the links stay the same and drops it when they change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'garden-store-'));
    const store = join(dir, 'data-store.json');
    // No store yet: nothing to drop, the links are recorded.
    expect(dropStoreIfStale(store, 'links-1')).toBe(false);
    writeFileSync(store, '{}');
    expect(dropStoreIfStale(store, 'links-1')).toBe(false);
    expect(existsSync(store)).toBe(true);
    expect(dropStoreIfStale(store, 'links-2')).toBe(true);
    expect(existsSync(store)).toBe(false);
    writeFileSync(store, '{}');
    expect(dropStoreIfStale(store, 'links-2')).toBe(false);
  });

  it('drops a store filled before its links were recorded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'garden-store-'));
    const store = join(dir, 'data-store.json');
    writeFileSync(store, '{}');
    expect(dropStoreIfStale(store, 'links-1')).toBe(true);
  });

  it('finds the store where Astro keeps it', () => {
    expect(contentStoreFile({ command: 'build', cacheDir: '/p/node_modules/.astro', root: '/p' })).toBe(join('/p/node_modules/.astro', 'data-store.json'));
    expect(contentStoreFile({ command: 'dev', cacheDir: '/p/node_modules/.astro', root: '/p' })).toBe(join('/p', '.astro', 'data-store.json'));
  });
});
