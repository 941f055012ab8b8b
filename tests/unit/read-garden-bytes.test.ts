import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_BYTES, readGardenFiles } from '../../src/lib/check/read-garden';
import { maxBytesFromEnv, formatBytes } from '../../src/lib/check/limits';
import { checkGarden } from '../../src/lib/check/check';
import { formatProblem } from '../../src/lib/errors';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'author-bytes-'));
  mkdirSync(join(root, 'bits'));
  mkdirSync(join(root, 'images'));
  writeFileSync(join(root, 'bits/ok.md'), '---\ntitle: Ok é\ntags: [python]\n---\n```python\nx = 1\n```\n');
  writeFileSync(join(root, 'bits/latin1.md'), Buffer.from('---\ntitle: Caf\xe9\ntags: [python]\n---\n', 'latin1'));
  // One byte over the default limit of 2 MB.
  writeFileSync(join(root, 'bits/huge.md'), `---\ntitle: Huge\ntags: [python]\n---\n${'x'.repeat(DEFAULT_MAX_BYTES)}`);
  writeFileSync(join(root, 'images/photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readGardenFiles, byte by byte', () => {
  it('reads content files with their size', () => {
    const ok = readGardenFiles(root, root).find((f) => f.path === 'bits/ok.md');
    expect(ok).toMatchObject({ text: '---\ntitle: Ok é\ntags: [python]\n---\n```python\nx = 1\n```\n', size: 56 });
    expect(ok?.invalidUtf8).toBeUndefined();
  });

  it('marks a file that is not UTF-8 with where it breaks, and reads no text from it', () => {
    const latin1 = readGardenFiles(root, root).find((f) => f.path === 'bits/latin1.md');
    expect(latin1).toMatchObject({ text: '', invalidUtf8: { line: 2, column: 11, byte: 0xe9 } });
  });

  it('does not read a file over the limit, but reports its size', () => {
    const huge = readGardenFiles(root, root).find((f) => f.path === 'bits/huge.md');
    expect(huge).toMatchObject({ text: '' });
    expect(huge?.size).toBeGreaterThan(DEFAULT_MAX_BYTES);
    const small = readGardenFiles(root, root, { maxBytes: 10 }).find((f) => f.path === 'bits/ok.md');
    expect(small).toMatchObject({ text: '', size: 56 });
  });

  it('lists ignored files without reading them', () => {
    expect(readGardenFiles(root, root).find((f) => f.path === 'images/photo.png')).toEqual({ path: 'images/photo.png', displayPath: 'images/photo.png', text: '' });
  });

  it('feeds the checker one error per bad file, with the default 2 MB limit', () => {
    const lines = checkGarden(readGardenFiles(root, root)).map(formatProblem);
    expect(lines).toEqual([
      `bits/huge.md: (file): the file is over the 2 MB size limit (expected at most 2 MB, got ${DEFAULT_MAX_BYTES + 35} bytes; keep data and logs out of the garden)`,
      'bits/latin1.md:2: (encoding): byte 0xE9 at column 11 is not UTF-8 (expected UTF-8 text, got a byte from another encoding such as Latin-1 or Windows-1252; re-save the file as UTF-8)',
    ]);
  });
});

describe('size limits', () => {
  it('reads GARDEN_MAX_BYTES, and ignores what is not a whole number of bytes', () => {
    expect(maxBytesFromEnv({})).toBe(2 * 1024 * 1024);
    expect(maxBytesFromEnv({ GARDEN_MAX_BYTES: '32768' })).toBe(32768);
    for (const bad of ['', '2MB', '-5', '0', '1.5']) expect(maxBytesFromEnv({ GARDEN_MAX_BYTES: bad })).toBe(DEFAULT_MAX_BYTES);
  });

  it('formats sizes for messages', () => {
    expect(formatBytes(900)).toBe('900 bytes');
    expect(formatBytes(32768)).toBe('32 KB');
    expect(formatBytes(52943)).toBe('51.7 KB');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2 MB');
    expect(formatBytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
  });
});
