import { describe, expect, it } from 'vitest';
import { gardenCacheDir, resolveContentDir } from '../../src/lib/content-dir';

const ROOT = '/project';

describe('resolveContentDir', () => {
  it.each<[string | undefined, string]>([
    [undefined, '/project/content'],
    ['', '/project/content'],
    ['   ', '/project/content'],
    ['/home/me/garden', '/home/me/garden'],
    ['  /home/me/garden  ', '/home/me/garden'],
    ['my-garden', '/project/my-garden'],
    ['../elsewhere/garden', '/elsewhere/garden'],
    ['./content', '/project/content'],
  ])('GARDEN_CONTENT=%j → %s', (value, expected) => {
    expect(resolveContentDir({ GARDEN_CONTENT: value }, ROOT)).toBe(expected);
  });

  it('works without the variable', () => {
    expect(resolveContentDir({}, ROOT)).toBe('/project/content');
  });

  // Regression (content-dir.ts, resolveContentDir): a relative value is normalised by resolve(),
  // an absolute one is returned as written. GARDEN_CONTENT=/project/content/ then fails
  // gardenCacheDir's equality test and gets a second Astro cache for the project's own
  // garden, and every path built from it carries "//" or "..".
  it.each([
    ['/home/me/garden/', '/home/me/garden'],
    ['/home/me/x/../garden', '/home/me/garden'],
    ['/project/content/', '/project/content'],
  ])('normalises the absolute GARDEN_CONTENT=%j to %s', (value, expected) => {
    expect(resolveContentDir({ GARDEN_CONTENT: value }, ROOT)).toBe(expected);
  });
});

describe('gardenCacheDir', () => {
  it("uses Astro's usual cache for the project's own garden", () => {
    expect(gardenCacheDir('/project/content', ROOT)).toBe('/project/node_modules/.astro');
  });

  it('gives a garden elsewhere a cache of its own, stable per path', () => {
    const a = gardenCacheDir('/home/me/garden', ROOT);
    const b = gardenCacheDir('/home/me/other', ROOT);
    expect(a).toMatch(/^\/project\/node_modules\/\.astro\/garden-[0-9a-z]+$/);
    expect(b).toMatch(/^\/project\/node_modules\/\.astro\/garden-[0-9a-z]+$/);
    expect(a).not.toBe(b);
    expect(gardenCacheDir('/home/me/garden', ROOT)).toBe(a);
  });

  it("treats the project's own garden written with a trailing slash as the project's own garden", () => {
    expect(gardenCacheDir(resolveContentDir({ GARDEN_CONTENT: '/project/content/' }, ROOT), ROOT)).toBe('/project/node_modules/.astro');
  });

  it('hashes with 31 as the multiplier, as 32-bit unsigned, in base 36', () => {
    // "ab": ((0*31 + 97) * 31 + 98) = 3105 → "2e9" in base 36.
    expect(gardenCacheDir('ab', ROOT)).toBe('/project/node_modules/.astro/garden-2e9');
  });
});
