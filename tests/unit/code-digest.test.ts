import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeDigest } from '../../src/build/code-digest';
import { FileMemo } from '../../src/build/file-memo';
import { NoteCache } from '../../src/build/note-cache';
import { pageCacheKey } from '../../src/lib/page-cache';
import type { LocalCheck } from '../../src/lib/check/check';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project with a file in each place the digest walks, and some it must not look at. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'garden-code-'));
  dirs.push(root);
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('package-lock.json', '{"packages":{"node_modules/katex":{"version":"0.16.47"}}}');
  write('astro.config.ts', 'export default {};');
  write('src/lib/markdown/deep/plugin.ts', 'export const a = 1;');
  write('src/pages/index.astro', '<p>Home</p>');
  write('scripts/render-worker.mjs', '// worker');
  write('public/favicon.svg', '<svg/>');
  write('content/bits/a.md', '---\ntitle: A\n---\nBody.\n');
  write('tests/unit/a.test.ts', '// test');
  return { root, write };
}

/** What the build keeps between runs, made with one digest: a note's cache key, a file's remembered check, a page key. */
function cachesOf(root: string, digest: string) {
  const memo = new FileMemo(join(root, 'cache/garden-files.bin'), digest);
  return {
    noteKey: new NoteCache(join(root, 'cache/garden-notes'), join(root, 'content'), digest).key('Body.', join(root, 'content/bits/a.md'), new Map()),
    rememberedCheck: memo.of('bits/a.md', 'text').check,
    pageKey: pageCacheKey({ slug: 'a' }, digest),
    remember: () => {
      memo.of('bits/a.md', 'text').check = { read: [], schema: [], body: [] } satisfies LocalCheck;
      memo.save();
    },
  };
}

describe('the code digest', () => {
  it('is the same while nothing changes, and differs with the base path', () => {
    const { root } = project();
    expect(codeDigest(root, '/')).toBe(codeDigest(root, '/'));
    expect(codeDigest(root, '/garden/')).not.toBe(codeDigest(root, '/'));
  });

  it.each([
    ['a package version in package-lock.json', 'package-lock.json', '{"packages":{"node_modules/katex":{"version":"0.16.48"}}}'],
    ['a file deep under src/', 'src/lib/markdown/deep/plugin.ts', 'export const a = 2;'],
    ['a file added under src/', 'src/styles/new.css', 'p {}'],
    ['a file under scripts/', 'scripts/render-worker.mjs', '// worker, changed'],
    ['a file under public/', 'public/favicon.svg', '<svg></svg>'],
    ['astro.config.ts', 'astro.config.ts', 'export default { base: "/x/" };'],
  ])('changes with %s, and with it every note cache key, the per-file memo and every page key', (_what, path, text) => {
    const { root, write } = project();
    const before = codeDigest(root, '/');
    const old = cachesOf(root, before);
    old.remember();
    // Unchanged code: everything made before is found again.
    const same = cachesOf(root, codeDigest(root, '/'));
    expect(same.rememberedCheck).toEqual({ read: [], schema: [], body: [] });
    expect(same.noteKey).toBe(old.noteKey);
    expect(same.pageKey).toBe(old.pageKey);

    write(path, text);
    const after = codeDigest(root, '/');
    expect(after).not.toBe(before);
    const fresh = cachesOf(root, after);
    expect(fresh.rememberedCheck).toBeUndefined();
    expect(fresh.noteKey).not.toBe(old.noteKey);
    expect(fresh.pageKey).not.toBe(old.pageKey);
  });

  it('does not change with the garden, the tests or anything else outside the code', () => {
    const { root, write } = project();
    const before = codeDigest(root, '/');
    write('content/bits/a.md', '---\ntitle: A, edited\n---\nBody.\n');
    write('tests/unit/a.test.ts', '// test, edited');
    write('node_modules/.astro/data-store.json', '{}');
    expect(codeDigest(root, '/')).toBe(before);
  });
});
