/**
 * Listings that scale, on a generated garden of a few thousand notes: /bits/,
 * /shorts/ and tag pages are cut into static pages whose every entry is
 * reachable by mouse, keyboard and without JavaScript; a filter covers the
 * whole listing (results drawn from the slim listing index, a page at a time)
 * and its shared URL opens the same view on any page. /bits/ shows compact
 * cards whose snippet opens on request.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { OUTPUT } from '../helpers/build';
import { servedGarden } from '../helpers/site';
import { axeViolations } from '../helpers/axe';
import { writeGarden } from '../../bench/garden-generator';
import { LISTING_PAGE_SIZE } from '../../src/lib/pagination';
import { LISTING_SNIPPET_LIMIT } from '../../src/lib/listing';
import type { BitListingEntry, ListingIndex, ShortListingEntry } from '../../src/lib/listing-pages';
import { formatCount } from '../../src/lib/plural';

const NOTES = 2000;
const CONTENT = join(OUTPUT, 'listing-pages-content');
let bits = 0;
const site = servedGarden('listing-pages', () => {
  bits = writeGarden(CONTENT, NOTES, 7).bits;
  return CONTENT;
});

const listing = <E>(collection: 'bits' | 'shorts') => JSON.parse(readFileSync(join(site.build.outDir, 'listing', `${collection}.json`), 'utf8')) as ListingIndex<E>;
const withTag = <E extends { tags: string[] }>(entries: E[], tag: string) => entries.filter((e) => e.tags.includes(tag));
const pagesOf = (n: number) => Math.ceil(n / LISTING_PAGE_SIZE);

async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const context: BrowserContext = await site.browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url + path);
  return { page, context, errors };
}

/** Slugs of the cards shown, in page order. */
const shownSlugs = (page: Page) => page.$$eval('[data-items] > [data-slug]', (cards) => cards.filter((c) => !(c as HTMLElement).hidden).map((c) => (c as HTMLElement).dataset.slug!));
const waitForCount = (page: Page, text: string) => page.waitForFunction((want) => document.querySelector('[data-count]')?.textContent === want, text, { timeout: 15_000 });
const more = (page: Page) => page.locator('button.listing-more');

/** Follows rel=next from `path` to the last page, collecting the slugs of each page's cards (`cards`: a selector of their title links). */
async function walkPages(page: Page, path: string, cards: string): Promise<{ slugs: string[]; labels: string[] }> {
  const slugs: string[] = [];
  const labels: string[] = [];
  await page.goto(site.url + path);
  for (;;) {
    slugs.push(...(await page.$$eval(cards, (links) => links.map((a) => (a as HTMLAnchorElement).pathname.split('/').filter(Boolean).pop()!))));
    labels.push((await page.locator('.pagination__label').textContent()) ?? '');
    const next = page.locator('a[rel="next"]');
    if ((await next.count()) === 0) return { slugs, labels };
    await Promise.all([page.waitForURL(/\/page\/\d+\/$/), next.click()]);
  }
}

describe('paginated listings without JavaScript', () => {
  it('reach every bit through plain page links, "Page n of N" on each, in listing order', async () => {
    const { page, context } = await open('/bits/', { javaScriptEnabled: false });
    const all = listing<BitListingEntry>('bits').entries.map((e) => e.id);
    expect(all).toHaveLength(bits);
    const { slugs, labels } = await walkPages(page, '/bits/', '[data-items] > [data-slug] h2 a');
    expect(slugs).toEqual(all);
    const last = pagesOf(bits);
    expect(labels).toEqual(Array.from({ length: last }, (_, i) => `Page ${i + 1} of ${last}`));
    await expect(page.locator('a[rel="prev"]').getAttribute('href')).resolves.toBe(`/bits/page/${last - 1}/`);
    await expect(page.locator('.pagination a[aria-current="page"]').textContent()).resolves.toBe(String(last));
    await expect(page.locator('button:visible').count()).resolves.toBe(0);
    await context.close();
  }, 120_000);

  it('reach every short of a tag through the tag\'s pages: the chip is a link to them', async () => {
    const { page, context } = await open('/shorts/', { javaScriptEnabled: false });
    const shorts = listing<ShortListingEntry>('shorts').entries;
    const tag = [...new Set(shorts.flatMap((s) => s.tags))].find((t) => withTag(shorts, t).length > LISTING_PAGE_SIZE)!;
    const chip = page.locator(`nav[aria-label="Short tags"] a[data-tag="${tag}"]`);
    await Promise.all([page.waitForURL(`**/tags/${tag}/`), chip.click()]);
    // A tag page lists bits, then shorts, then chapters, across its pages.
    const { slugs } = await walkPages(page, `/tags/${tag}/`, 'section[aria-labelledby="tag-shorts"] h3 a');
    expect(slugs).toEqual(withTag(shorts, tag).map((s) => s.id));
    await context.close();
  }, 120_000);
});

describe('paginated listings by mouse and keyboard', () => {
  it('a page number link leads to that page, which holds the next slice of the listing', async () => {
    const { page, context, errors } = await open('/shorts/');
    const shorts = listing<ShortListingEntry>('shorts').entries;
    await expect(page.locator('[data-count]').textContent()).resolves.toBe(`${formatCount(shorts.length)} shorts, page 1 of ${pagesOf(shorts.length)}`);
    const last = pagesOf(shorts.length);
    await Promise.all([page.waitForURL(`**/shorts/page/${last}/`), page.getByRole('link', { name: `Page ${last}`, exact: true }).click()]);
    expect(await shownSlugs(page)).toEqual(shorts.slice((last - 1) * LISTING_PAGE_SIZE).map((s) => s.id));
    // Around the current page: its neighbours are linked too.
    await Promise.all([page.waitForURL(`**/shorts/page/${last - 1}/`), page.getByRole('link', { name: `Page ${last - 1}`, exact: true }).click()]);
    expect(await shownSlugs(page)).toEqual(shorts.slice((last - 2) * LISTING_PAGE_SIZE, (last - 1) * LISTING_PAGE_SIZE).map((s) => s.id));
    await expect(page.locator('.pagination a[aria-current="page"]').getAttribute('aria-label')).resolves.toBe(`Page ${last - 1}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('from the last card, Tab reaches the page links and Enter on "Next" opens page 2', async () => {
    const { page, context, errors } = await open('/bits/');
    await page.locator('[data-items] > [data-slug]').last().locator('h2 a').focus();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('rel') === 'next')) break;
    }
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Next page →');
    await Promise.all([page.waitForURL('**/bits/page/2/'), page.keyboard.press('Enter')]);
    expect((await shownSlugs(page))[0]).toBe(listing<BitListingEntry>('bits').entries[LISTING_PAGE_SIZE]!.id);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a filter covers the whole listing', () => {
  it('a chip on a later page shows every bit with the tag, a page at a time, by mouse and keyboard', async () => {
    const { page, context, errors } = await open('/bits/page/4/');
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const entries = listing<BitListingEntry>('bits').entries;
    const tag = [...new Set(entries.flatMap((e) => e.tags))].find((t) => withTag(entries, t).length > 2 * LISTING_PAGE_SIZE)!;
    const expected = withTag(entries, tag).map((e) => e.id);
    await page.locator(`button.chip[data-tag="${tag}"]`).click();
    await waitForCount(page, `${formatCount(expected.length)} of ${formatCount(entries.length)} bits`);
    // Only the tag's slice of the listing index is fetched, not the whole index.
    expect(fetched.filter((p) => p.startsWith('/listing/'))).toEqual([`/listing/bits/tag/${tag}.json`]);
    expect(new URL(page.url()).search).toBe(`?tag=${tag}`);
    await expect(page.locator('[data-pagination]').isVisible()).resolves.toBe(false);
    expect(await shownSlugs(page)).toEqual(expected.slice(0, LISTING_PAGE_SIZE));
    await expect(page.locator(`button.chip[data-tag="${tag}"] .chip__count`).textContent()).resolves.toBe(`(${expected.length})`);

    // Mouse: the next page of results comes under the first.
    await more(page).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-items] > [data-slug]:not([hidden])').length === n, 2 * LISTING_PAGE_SIZE);
    // Keyboard: Enter on the button, and the focus lands on the first new result.
    await more(page).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('[data-items] > [data-slug]:not([hidden])').length === n, Math.min(expected.length, 3 * LISTING_PAGE_SIZE));
    await expect(page.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-slug]')?.dataset.slug)).resolves.toBe(expected[2 * LISTING_PAGE_SIZE]);
    while (await more(page).isVisible()) await more(page).click();
    expect(await shownSlugs(page)).toEqual(expected);

    // Clearing goes back to page 4 as the server made it.
    await page.getByRole('button', { name: 'Clear all' }).click();
    await waitForCount(page, `${formatCount(entries.length)} bits, page 4 of ${pagesOf(entries.length)}`);
    expect(await shownSlugs(page)).toEqual(entries.slice(3 * LISTING_PAGE_SIZE, 4 * LISTING_PAGE_SIZE).map((e) => e.id));
    await expect(page.locator('[data-pagination]').isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a keyword finds a bit that sits on the last page', async () => {
    const { page, context, errors } = await open('/bits/');
    const entries = listing<BitListingEntry>('bits').entries;
    const late = entries[entries.length - 1]!;
    await page.fill('input[name="q"]', late.title);
    await page.waitForFunction(() => /^[\d,]+ of [\d,]+ bits$/.test(document.querySelector('[data-count]')?.textContent ?? ''), undefined, { timeout: 20_000 });
    expect(await shownSlugs(page)).toContain(late.id);
    const card = page.locator(`[data-items] > [data-slug="${late.id}"]:not([hidden])`);
    await expect(card.locator('h2 a').getAttribute('href')).resolves.toBe(`/bits/${late.id}/`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the shared URL of a filtered view opens the same view on any page, and says an unknown tag', async () => {
    const shorts = listing<ShortListingEntry>('shorts').entries;
    const track = shorts.find((s) => s.track)!.track!;
    const tag = [...new Set(shorts.filter((s) => s.track === track).flatMap((s) => s.tags))][0]!;
    const query = `?tag=${tag}&tag=no-such-tag&track=${track}`;
    const views: string[][] = [];
    for (const path of ['/shorts/', '/shorts/page/2/', `/shorts/page/${pagesOf(shorts.length)}/`]) {
      const { page, context, errors } = await open(path + query);
      const expected = shorts.filter((s) => s.track === track && s.tags.includes(tag)).map((s) => s.id);
      await waitForCount(page, `${formatCount(expected.length)} of ${formatCount(shorts.length)} shorts`);
      await expect(page.locator('[data-unknown]').textContent()).resolves.toBe('No shorts have the tag “no-such-tag”: left out of the filter.');
      await expect(page.locator(`button.chip[data-tag="${tag}"]`).getAttribute('aria-pressed')).resolves.toBe('true');
      await expect(page.inputValue('select[name="track"]')).resolves.toBe(track);
      while (await more(page).isVisible()) await more(page).click();
      views.push(await shownSlugs(page));
      expect(views.at(-1)).toEqual(expected);
      // The card drawn from the index names the track as the select does.
      const label = await page.locator(`select[name="track"] option[value="${track}"]`).textContent();
      await expect(page.locator(`[data-items] > [data-slug="${expected[0]}"]:not([hidden]) .track`).textContent()).resolves.toBe(label);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});

describe('accessible and fitting', () => {
  it('a later page, and filtered results with "Show more", have no axe violations, light and dark, and fit 390 px', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await site.browser.newContext({ colorScheme, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${site.url}/tags/${listing<BitListingEntry>('bits').entries[0]!.tags[0]}/page/2/`);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.url}/shorts/page/2/`);
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      const entries = listing<BitListingEntry>('bits').entries;
      const busiest = [...new Set(entries.flatMap((e) => e.tags))].sort((a, b) => withTag(entries, b).length - withTag(entries, a).length)[0];
      await page.goto(`${site.url}/bits/page/2/?tag=${busiest}`);
      await more(page).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await context.close();
    }
  }, 120_000);
});

describe('/bits/ past the snippet limit', () => {
  it('ships compact cards: no snippet, no math, no KaTeX stylesheet', () => {
    expect(bits).toBeGreaterThan(LISTING_SNIPPET_LIMIT);
    const html = readFileSync(join(site.build.outDir, 'bits/index.html'), 'utf8');
    expect(html.match(/data-slug=/g)).toHaveLength(LISTING_PAGE_SIZE);
    expect(html.match(/data-snippet-toggle/g)).toHaveLength(LISTING_PAGE_SIZE);
    expect(html).not.toContain('class="katex');
    expect(html).not.toContain('class="astro-code');
    expect(html).not.toMatch(/<link rel="stylesheet" href="[^"]*katex/);
  });

  it('opens a snippet on request, highlighted, with KaTeX styles when it has math: on the page and on a filtered result', async () => {
    const { page, context, errors } = await open('/bits/page/2/');
    const hasMath = (slug: string) => readFileSync(join(site.build.outDir, 'bits', slug, 'index.html'), 'utf8').includes('class="katex');
    const openSnippet = async (slug: string) => {
      const card = page.locator(`[data-items] > [data-slug="${slug}"]:not([hidden])`);
      const button = card.locator('button[data-snippet-toggle]');
      await button.click();
      await card.locator('[data-snippet] .katex, [data-snippet] .astro-code').first().waitFor({ timeout: 10_000 });
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
      await expect(button.textContent()).resolves.toBe('Hide snippet');
      await button.click();
      await expect(card.locator('[data-snippet]').isHidden()).resolves.toBe(true);
    };
    const onPage = await shownSlugs(page);
    const withMath = onPage.find(hasMath)!;
    expect(withMath).toBeDefined();
    await expect(page.locator('link[rel="stylesheet"][href*="katex"]').count()).resolves.toBe(0);
    await openSnippet(withMath);
    await expect(page.locator('link[rel="stylesheet"][href*="katex"]').count()).resolves.toBe(1);

    // A card drawn from the listing index opens its snippet the same way.
    const entries = listing<BitListingEntry>('bits').entries;
    const late = entries.slice(5 * LISTING_PAGE_SIZE).find((e) => hasMath(e.id))!;
    await page.locator(`button.chip[data-tag="${late.tags[0]}"]`).click();
    await page.waitForFunction(() => /^[\d,]+ of [\d,]+ bits$/.test(document.querySelector('[data-count]')?.textContent ?? ''));
    while ((await page.locator(`[data-items] > [data-slug="${late.id}"]:not([hidden])`).count()) === 0) await more(page).click();
    await openSnippet(late.id);
    expect(errors).toEqual([]);
    await context.close();
  });
});
