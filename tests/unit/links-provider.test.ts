import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { createLinkTargetsProvider } from '../../src/build/link-targets';
import { FileMemo } from '../../src/build/file-memo';
import { gardenUrls } from '../../src/lib/urls';
import { ROOT } from '../helpers/build';

const NEW_BIT = '---\ntitle: Freshly added\nwhy: To be found.\ntags: [test]\ndate: 2026-01-01\n---\n\nBody.\n';

function gardenCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'garden-provider-'));
  cpSync(join(ROOT, 'tests/fixtures/good'), dir, { recursive: true });
  return dir;
}

describe('the link targets provider', () => {
  it('sees a note added while `astro dev` runs, once its refresh interval has passed', () => {
    const dir = gardenCopy();
    let clock = 0;
    const targets = createLinkTargetsProvider(dir, gardenUrls('/'), { now: () => clock });
    expect(targets().has('bits/freshly-added')).toBe(false);
    writeFileSync(join(dir, 'bits/freshly-added.md'), NEW_BIT);
    clock = 500;
    expect(targets().has('bits/freshly-added')).toBe(false);
    clock = 1500;
    expect(targets().has('bits/freshly-added')).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it('looks at the folder no more once frozen for a build', () => {
    const dir = gardenCopy();
    let clock = 0;
    const targets = createLinkTargetsProvider(dir, gardenUrls('/'), { now: () => clock });
    targets.freeze();
    const first = targets();
    expect(first.size).toBeGreaterThan(3);
    writeFileSync(join(dir, 'bits/freshly-added.md'), NEW_BIT);
    clock = 60_000;
    expect(targets()).toBe(first);
    expect(targets().has('bits/freshly-added')).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands out the files it read with the targets, and leaves unread a file over the size limit', () => {
    const dir = gardenCopy();
    writeFileSync(join(dir, 'bits/too-big.md'), NEW_BIT.replace('Freshly added', 'Too big') + 'x'.repeat(4000));
    const targets = createLinkTargetsProvider(dir, gardenUrls('/'), { maxBytes: 2000 });
    const { files, targets: map } = targets.snapshot();
    expect(map).toBe(targets());
    expect(files.find((file) => file.path === 'bits/too-big.md')).toMatchObject({ text: '', size: expect.any(Number) });
    expect(map.has('bits/too-big')).toBe(false);
    expect(files.filter((file) => file.text !== '').length).toBeGreaterThan(3);
    rmSync(dir, { recursive: true, force: true });
  });

  describe('with a memo of each file\'s link facts', () => {
    it('gives the targets it gives without one, and works out again only the files whose text changed', () => {
      const dir = gardenCopy();
      const memoFile = join(dir, '.cache/garden-files.bin');
      const withMemo = (digest = 'd1') => {
        const memo = new FileMemo(memoFile, digest);
        const targets = createLinkTargetsProvider(dir, gardenUrls('/'), { memo })();
        memo.save();
        return targets;
      };
      const plain = createLinkTargetsProvider(dir, gardenUrls('/'))();
      expect(withMemo()).toEqual(plain);
      // Mark one remembered title: only facts taken from the memo can carry the mark.
      const stored = deserialize(readFileSync(memoFile)) as { files: Map<string, [string, { links?: { title: string } | null }]> };
      const [key, entry] = [...stored.files].find(([path, value]) => path.startsWith('bits/') && value[1].links)!;
      entry[1].links!.title = 'Remembered';
      writeFileSync(memoFile, serialize(stored));
      const id = key.replace(/\.mdx?$/, '');
      expect(withMemo().get(id)?.title).toBe('Remembered');
      // A different digest (changed link code) and an edited file are both worked out afresh.
      expect(withMemo('d2').get(id)?.title).toBe(plain.get(id)?.title);
      writeFileSync(join(dir, key), readFileSync(join(dir, key), 'utf8').replace(/^title: .*$/m, 'title: Edited'));
      expect(withMemo('d2').get(id)?.title).toBe('Edited');
      rmSync(dir, { recursive: true, force: true });
    });
  });
});
