import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileMemo } from '../../src/build/file-memo';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const memoFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'garden-memo-'));
  dirs.push(dir);
  return join(dir, 'cache/garden-files.bin');
};

describe('the per-file memo', () => {
  it('gives back what was worked out from a file only for the same text, under the same digest', () => {
    const file = memoFile();
    const first = new FileMemo(file, 'code-1');
    expect(first.of('bits/a.md', 'text')).toEqual({});
    first.of('bits/a.md', 'text').note = { targets: 't1', key: 'key-a' };
    first.of('bits/a.md', 'text').links = null;
    first.of('bits/b.md', 'other').note = { targets: 't1', key: 'key-b' };
    first.save();

    const same = new FileMemo(file, 'code-1');
    expect(same.of('bits/a.md', 'text')).toEqual({ note: { targets: 't1', key: 'key-a' }, links: null });
    expect(same.of('bits/b.md', 'edited')).toEqual({});
    // An edited file's earlier facts stay at hand for this run (the note renderer reuses its code blocks).
    expect(same.previous('bits/b.md')?.note?.key).toBe('key-b');
    expect(new FileMemo(file, 'code-2').of('bits/a.md', 'text')).toEqual({});
  });

  it('keeps only the files a run looked at, so deleted and edited versions fall away', () => {
    const file = memoFile();
    const first = new FileMemo(file, 'code');
    first.of('bits/a.md', 'a').links = null;
    first.of('bits/gone.md', 'gone').links = null;
    first.of('bits/b.md', 'b, first version').links = null;
    first.save();
    const second = new FileMemo(file, 'code');
    second.of('bits/a.md', 'a');
    second.of('bits/b.md', 'b, second version').links = null;
    second.save();
    const third = new FileMemo(file, 'code');
    expect(third.previous('bits/gone.md')).toBeUndefined();
    expect(third.of('bits/a.md', 'a')).toEqual({ links: null });
    expect(third.previous('bits/b.md')).toEqual({ links: null });
    expect(third.of('bits/b.md', 'b, first version')).toEqual({});
  });

  it('keeps YAML values JSON cannot hold', () => {
    const file = memoFile();
    const first = new FileMemo(file, 'code');
    first.of('shorts/x.md', 'x').check = { read: [], schema: [], body: [], parsed: { data: { title: Infinity, summary: NaN }, yamlRange: [1, 3] } };
    first.save();
    expect(new FileMemo(file, 'code').of('shorts/x.md', 'x').check?.parsed?.data).toEqual({ title: Infinity, summary: NaN });
  });

  it('starts empty from a torn file', () => {
    const file = memoFile();
    const first = new FileMemo(file, 'code');
    first.of('bits/a.md', 'a').links = null;
    first.save();
    writeFileSync(file, 'torn');
    expect(new FileMemo(file, 'code').of('bits/a.md', 'a')).toEqual({});
  });
});
