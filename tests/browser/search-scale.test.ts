import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUTPUT } from '../helpers/build';
import { servedGarden } from '../helpers/site';
import { writeGarden } from '../../bench/garden-generator';
import { shardsForWord, type SearchManifest } from '../../src/lib/search/shard-map';

/**
 * Site-wide search on a generated garden of a few thousand notes: a query
 * fetches the manifest, the term shards its words sort into and the entry
 * chunks of the results on screen, and nothing else of the index.
 */
const CONTENT = join(OUTPUT, 'search-scale-content');
const NOTES = 2500;
/** A bit whose words sort after everything the generator writes: they live only in the last shards. */
const LATE = { slug: 'zymurgy-for-yeasty-tokens', title: 'Zymurgy for yeasty tokens', word: 'zymurgy' };
const site = servedGarden('search-scale', () => {
  writeGarden(CONTENT, NOTES, 5);
  writeFileSync(join(CONTENT, 'bits', `${LATE.slug}.md`), `---\ntitle: ${LATE.title}\ntags: [python]\ndate: 2020-01-01\n---\nZymurgy, the study of fermentation, has yeasty zythum in it.\n`);
  return CONTENT;
});

const manifest = () => JSON.parse(readFileSync(join(site.build.outDir, 'search', 'manifest.json'), 'utf8')) as SearchManifest;

async function open(path: string) {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(site.url + path);
  return { page, context, errors, requests };
}

const searchFiles = (requests: readonly string[]) => requests.filter((path) => path.startsWith('/search/')).sort();
const options = (page: Page) => page.locator('[role="listbox"] [role="option"]');

describe(`site-wide search over ${NOTES} notes`, () => {
  it('finds an entry whose words live only in the last shard, fetching that shard and the chunks shown', async () => {
    const { shards, chunk } = manifest();
    expect(shards.length).toBeGreaterThan(10);
    const wanted = shardsForWord({ shards }, LATE.word);
    expect(wanted).toEqual([shards.length - 1]);

    const { page, context, errors, requests } = await open('/');
    await page.keyboard.press('/');
    await page.keyboard.type(LATE.word);
    await page.waitForFunction(() => /result/.test(document.querySelector('site-search [data-search-status]')?.textContent ?? ''));
    await expect(options(page).first().locator('.search-result__title').textContent()).resolves.toBe(LATE.title);
    await expect(options(page).first().getAttribute('data-url')).resolves.toBe(`/bits/${LATE.slug}/`);
    // Newest first: the new bit is dated before every generated one, so it is the last bit of the index.
    const bits = manifest().collections.find((c) => c.collection === 'bits')!;
    const lastChunk = Math.floor((bits.start + bits.count - 1) / chunk);
    expect(searchFiles(requests)).toEqual(['/search/entries/' + lastChunk + '.json', '/search/manifest.json', `/search/terms/${wanted[0]}.json`].sort());
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fetches for a later query only the shards its new words need', async () => {
    const { page, context, errors, requests } = await open('/search/?q=gradient');
    const status = page.locator('search-page [data-search-status]');
    await page.waitForFunction(() => /results? for “gradient”/.test(document.querySelector('search-page [data-search-status]')?.textContent ?? ''));
    const { shards } = manifest();
    const termFiles = () => searchFiles(requests).filter((path) => path.startsWith('/search/terms/'));
    expect(termFiles()).toEqual(shardsForWord({ shards }, 'gradient').map((n) => `/search/terms/${n}.json`).sort());
    const before = new Set(termFiles());
    await page.fill('#search-page-input', 'gradient kernel');
    await page.waitForFunction(() => /“gradient kernel”/.test(document.querySelector('search-page [data-search-status]')?.textContent ?? ''));
    const added = termFiles().filter((path) => !before.has(path));
    const kernel = shardsForWord({ shards }, 'kernel').map((n) => `/search/terms/${n}.json`).filter((path) => !before.has(path));
    expect(added.sort()).toEqual(kernel.sort());
    expect(termFiles().length).toBeLessThan(shards.length / 4);
    await expect(status.textContent()).resolves.toMatch(/results? for “gradient kernel”\.$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('when no note holds every word, shows those holding most of them and says so', async () => {
    const { page, context, errors } = await open(`/search/?q=${LATE.word}+photosynthesis`);
    await page.waitForFunction(() => (document.querySelector('search-page [data-search-status]')?.textContent ?? '').startsWith('No entry holds every word'));
    await expect(page.locator('search-page [data-search-status]').textContent()).resolves.toBe(`No entry holds every word of “${LATE.word} photosynthesis”; showing 1 result with 1 of its 2 words.`);
    await expect(page.locator('.search-page__list a').first().getAttribute('href')).resolves.toBe(`/bits/${LATE.slug}/`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
