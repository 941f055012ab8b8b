import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { buildGarden, OUTPUT, ROOT, type BuildResult } from '../helpers/build';
import { exists, read } from '../helpers/files';

/**
 * A garden kept outside the project (GARDEN_CONTENT in a temporary folder)
 * whose bit shows images beside it, in an assets folder and by Obsidian's
 * `![[name]]`: built cold, after an edit of the note's text (no image is
 * encoded again), and after an image is replaced (the page shows the new one).
 */
const GARDEN = mkdtempSync(join(tmpdir(), 'garden-images-'));
const CACHE = join(OUTPUT, 'images-cache');
const PAGE = 'bits/block-diagram/index.html';
let cold: BuildResult;
let coldPage: string;
let edited: BuildResult;
let replaced: BuildResult;

// One cache for the three builds, each written to an output folder of its own (tests/.output/<name>/dist).
const build = (name: string) => buildGarden(name, GARDEN, { GARDEN_CACHE_DIR: CACHE });
const DIST = join(OUTPUT, 'images-cold', 'dist');
/** The `<img>` tags of a page, each as its attributes. */
const images = (html: string) => [...html.matchAll(/<img ([^>]*)>/g)].map((m) => Object.fromEntries([...(m[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
/** What Astro logs for each optimised image it writes: encoded now, or taken from its cache. */
const encoded = (output: string) => output.split('\n').filter((line) => /▶ \/_astro\/.*\(before: /.test(line));
const reused = (output: string) => output.split('\n').filter((line) => /▶ \/_astro\/.*\(reused cache entry\)/.test(line));

beforeAll(async () => {
  rmSync(CACHE, { recursive: true, force: true });
  cpSync(join(ROOT, 'tests/fixtures/images'), GARDEN, { recursive: true });
  cold = await build('images-cold');
  coldPage = exists(cold.outDir, PAGE) ? read(cold.outDir, PAGE) : '';
  const note = join(GARDEN, 'bits/block-diagram.md');
  writeFileSync(note, readFileSync(note, 'utf8').replace('The blocks, drawn beside this note:', 'The blocks, as drawn beside this note:'));
  edited = await build('images-edited');
  await sharp({ create: { width: 800, height: 500, channels: 3, background: '#884422' } }).png().toFile(join(GARDEN, 'bits/img/blocks.png'));
  replaced = await build('images-replaced');
}, 400_000);

describe('images beside notes', () => {
  it('builds, warning about the image without alt text', () => {
    expect(cold.code, cold.output).toBe(0);
    expect(cold.output).toMatch(/warning: .*bits\/block-diagram\.md:20: image: !\[\]\(\.\/img\/blocks\.png\): the image has no alt text/);
  });

  it('shows each raster image as WebP in several widths, with its width and height, lazily, in a link to the original', () => {
    const [blocks, wide] = images(coldPage);
    expect(blocks).toMatchObject({ alt: 'Three blocks in a row', width: '1200', height: '600', loading: 'lazy', decoding: 'async', sizes: '(min-width: 48rem) 720px, 100vw' });
    expect(blocks!.src).toMatch(/^\/_astro\/blocks\.[\w-]+\.webp$/);
    const candidates = blocks!.srcset!.split(', ').map((candidate) => candidate.split(' '));
    expect(candidates.map(([, width]) => width)).toEqual(['640w', '750w', '828w', '1080w', '1200w']);
    for (const [url] of candidates) expect(exists(DIST, url!.slice(1)), url).toBe(true);
    expect(readFileSync(join(DIST, candidates[0]![0]!.slice(1))).subarray(8, 12).toString()).toBe('WEBP');
    // Obsidian's ![[wide.jpg|A wide figure]], found in assets/figures/.
    expect(wide).toMatchObject({ alt: 'A wide figure', width: '1600', height: '400', loading: 'lazy' });
    const original = /<a class="note-image" href="(\/_astro\/blocks\.[\w-]+\.png)"><img alt="Three blocks in a row"/.exec(coldPage)?.[1];
    expect(original).toBeDefined();
    expect(readFileSync(join(DIST, original!.slice(1)))).toEqual(readFileSync(join(ROOT, 'tests/fixtures/images/bits/img/blocks.png')));
    expect(coldPage).toMatch(/<a class="note-image" href="\/_astro\/wide\.[\w-]+\.jpg"><img alt="A wide figure"/);
  });

  it('copies an SVG as it is, sized by its own width and height', () => {
    const svg = images(coldPage).find((image) => image.alt === 'An arrow');
    expect(svg).toMatchObject({ width: '120', height: '40', loading: 'lazy' });
    expect(svg!.src).toMatch(/^\/_astro\/arrow\.[\w-]+\.svg$/);
    expect(read(DIST, svg!.src!.slice(1))).toBe(readFileSync(join(ROOT, 'tests/fixtures/images/assets/arrow.svg'), 'utf8'));
  });

  it('puts no second link around an image already in one, and names the link of an image without alt text', () => {
    expect(coldPage).toMatch(/<a href="https:\/\/example\.com\/blocks"><img alt="Blocks, linked"/);
    expect(coldPage).toMatch(/<a class="note-image" href="\/_astro\/blocks\.[\w-]+\.png" aria-label="Open the image at full size"><img alt=""/);
    expect(coldPage).not.toContain('data-garden-image');
  });

  it('shows the images of an embedded note, from the embedded note’s folder', () => {
    const short = read(cold.outDir, 'shorts/embedded-diagram/index.html');
    const embed = short.slice(short.indexOf('<aside class="embed"'), short.indexOf('</aside>'));
    expect(embed).toMatch(/<a class="note-image" href="\/_astro\/blocks\.[\w-]+\.png"><img alt="Three blocks in a row" [^>]*width="1200" height="600"/);
    expect(embed).toMatch(/<img alt="A wide figure" [^>]*src="\/_astro\/wide\.[\w-]+\.webp"/);
    expect(embed).not.toContain('data-garden-image');
  });

  it('does not encode an image again when only the note’s text changed', () => {
    expect(edited.code, edited.output).toBe(0);
    expect(read(edited.outDir, PAGE)).toContain('The blocks, as drawn beside this note:');
    expect(edited.output).not.toContain(`${PAGE} (cached)`);
    expect(encoded(cold.output).length).toBeGreaterThan(5);
    expect(encoded(edited.output)).toEqual([]);
    expect(reused(edited.output)).toHaveLength(encoded(cold.output).length);
  });

  it('shows the new image once the file is replaced', () => {
    expect(replaced.code, replaced.output).toBe(0);
    const [blocks] = images(read(replaced.outDir, PAGE));
    expect(blocks).toMatchObject({ alt: 'Three blocks in a row', width: '800', height: '500' });
    // The note that embeds it shows the new one too.
    expect(images(read(replaced.outDir, 'shorts/embedded-diagram/index.html'))[0]).toMatchObject({ alt: 'Three blocks in a row', width: '800', height: '500' });
    expect(encoded(replaced.output).length).toBeGreaterThan(0);
  });
});
