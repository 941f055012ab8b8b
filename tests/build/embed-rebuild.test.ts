import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGarden, OUTPUT, ROOT, type BuildResult } from '../helpers/build';
import { read } from '../helpers/files';

/**
 * A note that embeds another shows the other's text, though Astro's content
 * store keeps a note's rendering while its own file is unchanged: an edit of
 * the embedded note alone (same title, headings and preview, so the link
 * targets stay the same) must still reach the embedding page.
 */
const GARDEN = join(OUTPUT, 'embed-rebuild-garden');
const CACHE = join(OUTPUT, 'embed-rebuild-cache');
let first: BuildResult;
let second: BuildResult;

beforeAll(async () => {
  rmSync(GARDEN, { recursive: true, force: true });
  rmSync(CACHE, { recursive: true, force: true });
  cpSync(join(ROOT, 'tests/fixtures/real-notes'), GARDEN, { recursive: true });
  first = await buildGarden('embed-rebuild-first', GARDEN, { GARDEN_CACHE_DIR: CACHE });
  const bit = join(GARDEN, 'bits/kahan-summation.md');
  writeFileSync(bit, readFileSync(bit, 'utf8').replace('carry = (t - total) - y', 'carry = (t - total) - y  # what the sum lost'));
  second = await buildGarden('embed-rebuild-second', GARDEN, { GARDEN_CACHE_DIR: CACHE });
}, 240_000);

describe('an edit of an embedded note alone', () => {
  it('reaches the page that embeds it on the next build', () => {
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
    expect(read(first.outDir, 'cheatsheets/numerics/01-float-formats/index.html')).not.toContain('what the sum lost');
    expect(read(second.outDir, 'bits/kahan-summation/index.html')).toContain('what the sum lost');
    expect(read(second.outDir, 'cheatsheets/numerics/01-float-formats/index.html')).toContain('what the sum lost');
  });
});
