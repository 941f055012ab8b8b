import { describe, expect, it } from 'vitest';
import { dataCacheKey, pageCacheKey, propsFingerprint } from '../../src/lib/page-cache';

const entry = (over: Record<string, unknown> = {}) => ({
  id: 'softmax',
  collection: 'bits',
  data: { title: 'Stable softmax' },
  body: 'A long body that should not be copied into the key.',
  filePath: 'content/bits/softmax.md',
  digest: 'abc123',
  rendered: { html: '', metadata: { gardenHtml: '/cache/garden-notes/aa/aa11.html' } },
  ...over,
});

describe('page cache keys', () => {
  it('stands an entry in by its source digest, file and rendered HTML, not its body', () => {
    const text = propsFingerprint({ entry: entry() });
    expect(text).toContain('abc123');
    expect(text).toContain('/cache/garden-notes/aa/aa11.html');
    expect(text).toContain('content/bits/softmax.md');
    expect(text).not.toContain('A long body');
  });

  it('changes with anything the page shows', () => {
    const base = { entry: entry(), backlinks: [{ key: 'bits/a', title: 'A' }], linksOut: false, neighbours: new Map([['next', 'B']]) };
    const key = pageCacheKey(base, 'code-1');
    expect(pageCacheKey({ ...base }, 'code-1')).toBe(key);
    expect(pageCacheKey(base, 'code-2')).not.toBe(key);
    expect(pageCacheKey({ ...base, entry: entry({ digest: 'changed' }) }, 'code-1')).not.toBe(key);
    expect(pageCacheKey({ ...base, entry: entry({ rendered: { metadata: { gardenHtml: '/cache/other.html' } } }) }, 'code-1')).not.toBe(key);
    expect(pageCacheKey({ ...base, backlinks: [{ key: 'bits/a', title: 'A, renamed' }] }, 'code-1')).not.toBe(key);
    expect(pageCacheKey({ ...base, linksOut: true }, 'code-1')).not.toBe(key);
    expect(pageCacheKey({ ...base, neighbours: new Map([['next', 'C']]) }, 'code-1')).not.toBe(key);
  });

  it('hashes an entry without a digest by its body and data', () => {
    const bare = (body: string) => pageCacheKey({ entry: entry({ digest: undefined, body }) }, 'code');
    expect(bare('one')).not.toBe(bare('two'));
  });

  it('keys plain data (a search index part, a listing slice) as pageCacheKey does, and by every value in it', () => {
    const part = { terms: ['softmax', 'stable'], postings: [[4, 9], [1]], entries: [{ id: 'softmax', url: '/bits/softmax/', title: 'Stable softmax', tags: ['numerics'] }] };
    expect(dataCacheKey(part, 'code')).toBe(pageCacheKey(part, 'code'));
    expect(dataCacheKey({ ...part, postings: [[4, 9], [2]] }, 'code')).not.toBe(dataCacheKey(part, 'code'));
    expect(dataCacheKey(part, 'other code')).not.toBe(dataCacheKey(part, 'code'));
  });
});
