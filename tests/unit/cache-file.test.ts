import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCacheFile, writeCacheFile } from '../../src/build/cache-file';

describe('cache files', () => {
  it('read back what was written while the digest matches', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'garden-cachefile-')), 'deep/memo.json');
    writeCacheFile(file, { digest: 'a', n: 1 });
    expect(readCacheFile<{ digest: string; n: number }>(file, 'a')).toEqual({ digest: 'a', n: 1 });
    expect(readCacheFile(file, 'b')).toBeUndefined();
  });

  it('never throw: a missing or torn file reads as nothing, an unwritable place is skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'garden-cachefile-'));
    expect(readCacheFile(join(dir, 'none.json'), 'a')).toBeUndefined();
    writeFileSync(join(dir, 'torn.json'), '{"digest": "a", ');
    expect(readCacheFile(join(dir, 'torn.json'), 'a')).toBeUndefined();
    writeFileSync(join(dir, 'a-file'), '');
    expect(() => writeCacheFile(join(dir, 'a-file', 'memo.json'), { digest: 'a' })).not.toThrow();
  });
});
