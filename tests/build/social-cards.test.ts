import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGarden, OUTPUT, ROOT, type BuildResult } from '../helpers/build';
import { exists, listFiles, read } from '../helpers/files';

/**
 * Social cards (SOCIAL_CARDS=on): every indexable page's og:image is a
 * 1200 × 630 PNG in dist/, addressed with the site's URL and base path; a
 * rebuild after one note's title changed redraws that note's card only.
 */
const SITE = 'https://gardener.github.io';
const BASE = '/garden/';
const GARDEN = join(OUTPUT, 'cards-garden');
const CACHE = join(OUTPUT, 'cards-cache');
const DIST = join(OUTPUT, 'cards-dist');
const EDITED = 'og/bits/stable-softmax.png';
const env = { SOCIAL_CARDS: 'on', SITE_URL: SITE, SITE_BASE: BASE, GARDEN_CACHE_DIR: CACHE, GARDEN_OUT_DIR: DIST };
let first: BuildResult;
let second: BuildResult;
let pages: string[];
let cardsBefore: Map<string, { mtime: number; bytes: Buffer }>;

const cardFiles = () => listFiles(DIST).filter((file) => file.startsWith('og/'));
const meta = (html: string, property: string) => new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html)?.[1];

/** Width and height from a PNG's IHDR chunk, after checking its signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

beforeAll(async () => {
  for (const dir of [GARDEN, CACHE, DIST]) rmSync(dir, { recursive: true, force: true });
  cpSync(join(ROOT, 'tests/fixtures/good'), GARDEN, { recursive: true });
  first = await buildGarden('cards-first', GARDEN, env);
  pages = first.code === 0 ? listFiles(DIST).filter((file) => file.endsWith('.html')) : [];
  cardsBefore = new Map(cardFiles().map((file) => [file, { mtime: statSync(join(DIST, file)).mtimeMs, bytes: readFileSync(join(DIST, file)) }]));
  const note = join(GARDEN, 'bits/stable-softmax.md');
  writeFileSync(note, readFileSync(note, 'utf8').replace(/^title: .*$/m, 'title: Softmax that never overflows'));
  second = await buildGarden('cards-second', GARDEN, env);
}, 300_000);

describe('social cards', () => {
  it('build', () => {
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
  });

  it('give every indexable page an og:image: a 1200 × 630 PNG at the site URL and base path, and a large Twitter card', () => {
    const indexable = pages.filter((page) => !read(DIST, page).includes('<meta name="robots" content="noindex"'));
    expect(indexable.length).toBeGreaterThan(10);
    for (const page of indexable) {
      const html = read(DIST, page);
      const image = meta(html, 'og:image');
      expect(image, page).toMatch(new RegExp(`^${SITE}${BASE}og/.+\\.png$`));
      const file = image!.slice(`${SITE}${BASE}`.length);
      expect(exists(DIST, file), `${page} → ${file}`).toBe(true);
      expect(pngSize(readFileSync(join(DIST, file)))).toEqual({ width: 1200, height: 630 });
      expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    }
    expect(meta(read(DIST, 'bits/stable-softmax/index.html'), 'og:image')).toBe(`${SITE}${BASE}${EDITED}`);
    expect(meta(read(DIST, 'index.html'), 'og:image')).toBe(`${SITE}${BASE}og/index.png`);
  });

  it('leave noindex pages (the 404 and search pages) without one', () => {
    for (const page of ['404.html', 'search/index.html']) expect(meta(read(DIST, page), 'og:image'), page).toBeUndefined();
  });

  it('are drawn again after an edit only for the note whose title changed', () => {
    expect(cardFiles()).toEqual([...cardsBefore.keys()]);
    const redrawn = cardFiles().filter((file) => statSync(join(DIST, file)).mtimeMs !== cardsBefore.get(file)!.mtime);
    expect(redrawn).toEqual([EDITED]);
    expect(readFileSync(join(DIST, EDITED)).equals(cardsBefore.get(EDITED)!.bytes)).toBe(false);
  });
});
