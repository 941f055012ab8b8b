/**
 * Finding things, in headless Chromium against built gardens: the /bits/ tag
 * and keyword filter, the /shorts/ search with its track filter, the header's
 * site-wide search dialog, the no-JavaScript fallback (all on the fixture
 * garden, tests/fixtures/site), and a garden whose titles hold HTML that must
 * show as text and never run (tests/fixtures/search-xss).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildGarden, OUTPUT, ROOT } from '../helpers/build';
import { buildFixtureSite } from '../helpers/fixture-site';
import { serveStatic } from '../helpers/serve';
import { launchChromium } from '../helpers/browser';
import { read } from '../helpers/files';
import type { SearchIndexJson } from '../../src/lib/search/build-index';
import { axeViolations } from '../helpers/axe';

let browser: Browser;
let garden: { url: string; close: () => Promise<void> };
let xss: { url: string; close: () => Promise<void> };
let bitsIndex: SearchIndexJson;
let shortsIndex: SearchIndexJson;

beforeAll(async () => {
  const built = await buildFixtureSite();
  expect(built.code, built.output).toBe(0);
  // The garden with HTML in its titles is published under a base path, as on GitHub Pages: /garden/.
  const xssBuild = await buildGarden('search-xss', join(ROOT, 'tests/fixtures/search-xss'), { SITE_BASE: '/garden/' });
  expect(xssBuild.code, xssBuild.output).toBe(0);
  const hosted = join(OUTPUT, 'search-xss', 'host');
  mkdirSync(hosted, { recursive: true });
  symlinkSync(xssBuild.outDir, join(hosted, 'garden'));
  bitsIndex = JSON.parse(read(built.outDir, 'search/bits.json')) as SearchIndexJson;
  shortsIndex = JSON.parse(read(built.outDir, 'search/shorts.json')) as SearchIndexJson;
  garden = await serveStatic(built.outDir);
  xss = await serveStatic(hosted);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await garden?.close();
  await xss?.close();
});

/** A fresh page that records script errors; every test checks there were none. */
async function openPage(path: string, options: { javaScriptEnabled?: boolean; site?: string } = {}) {
  const context: BrowserContext = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto((options.site ?? garden.url) + path);
  return { page, context, errors, requests };
}

/** Slugs of the cards shown, in page order. */
const shownSlugs = (page: Page) =>
  page.$$eval('[data-items] > [data-slug]', (cards) => cards.filter((card) => !(card as HTMLElement).hidden).map((card) => (card as HTMLElement).dataset.slug ?? ''));

const countLine = (page: Page) => page.locator('[data-count]');

async function waitForCount(page: Page, text: string) {
  await page.waitForFunction((want) => document.querySelector('[data-count]')?.textContent === want, text, { timeout: 10_000 });
}

const withTags = (index: SearchIndexJson, ...tags: string[]) => index.entries.filter((e) => tags.every((t) => e.tags.includes(t))).map((e) => e.id);
const chip = (page: Page, tag: string) => page.locator(`button.chip[data-tag="${tag}"]`);
const query = (page: Page) => new URL(page.url()).search;

describe('/bits/: filter by tag and keyword', () => {
  it('turns tag links into chips with counts; one chip shows the bits carrying that tag', async () => {
    const { page, context, errors } = await openPage('/bits/');
    const total = bitsIndex.entries.length;
    await expect(countLine(page).textContent()).resolves.toBe(`${total} of ${total} bits`);
    const expected = withTags(bitsIndex, 'python');
    await expect(chip(page, 'python').textContent()).resolves.toMatch(new RegExp(`^python \\(${expected.length}\\)$`));
    await expect(chip(page, 'python').getAttribute('aria-pressed')).resolves.toBe('false');
    // Every tag used by a bit has a chip.
    const chipTags = await page.$$eval('button.chip', (chips) => chips.map((c) => (c as HTMLElement).dataset.tag));
    expect(new Set(chipTags)).toEqual(new Set(bitsIndex.entries.flatMap((e) => e.tags)));

    await chip(page, 'python').click();
    await waitForCount(page, `${expected.length} of ${total} bits`);
    expect(await shownSlugs(page)).toEqual(expected);
    await expect(chip(page, 'python').getAttribute('aria-pressed')).resolves.toBe('true');
    expect(query(page)).toBe('?tag=python');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('combines chips: only bits carrying all the chosen tags', async () => {
    const { page, context, errors } = await openPage('/bits/');
    const both = withTags(bitsIndex, 'python', 'hashing');
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(withTags(bitsIndex, 'python').length);
    await chip(page, 'python').click();
    await chip(page, 'hashing').click();
    await waitForCount(page, `${both.length} of ${bitsIndex.entries.length} bits`);
    expect(await shownSlugs(page)).toEqual(both);
    expect(query(page)).toBe('?tag=python&tag=hashing');
    // Unchoosing one widens the view again.
    await chip(page, 'python').click();
    await waitForCount(page, `${withTags(bitsIndex, 'hashing').length} of ${bitsIndex.entries.length} bits`);
    expect(await shownSlugs(page)).toEqual(withTags(bitsIndex, 'hashing'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds a bit by an identifier inside its code, and ranks title matches first', async () => {
    const { page, context, errors } = await openPage('/bits/');
    await page.fill('input[name="q"]', 'bisect_right');
    await page.waitForFunction(
      (all) => /^\d+ of \d+ bits$/.test(document.querySelector('[data-count]')?.textContent ?? '') && !document.querySelector('[data-count]')?.textContent?.startsWith(`${all} of`),
      bitsIndex.entries.length,
    );
    const shown = await shownSlugs(page);
    expect(shown[0]).toBe('consistent-hashing-ring');
    expect(query(page)).toBe('?q=bisect_right');

    await page.fill('input[name="q"]', 'hash');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'hash');
    const ranked = await shownSlugs(page);
    const titles = new Map(bitsIndex.entries.map((e) => [e.id, e.title.toLowerCase()]));
    const inTitle = ranked.filter((slug) => titles.get(slug)!.includes('hash'));
    expect(inTitle.length).toBeGreaterThan(1);
    // Bits with the word in their title come before those with it only in the body.
    expect(ranked.slice(0, inTitle.length).sort()).toEqual([...inTitle].sort());
    expect(ranked.length).toBeGreaterThan(inTitle.length);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('combines a keyword with chips', async () => {
    const { page, context, errors } = await openPage('/bits/');
    await page.fill('input[name="q"]', 'hash');
    await page.waitForFunction((all) => !document.querySelector('[data-count]')?.textContent?.startsWith(`${all} of`), bitsIndex.entries.length);
    const keywordOnly = await shownSlugs(page);
    await chip(page, 'python').click();
    await page.waitForFunction(() => location.search === '?q=hash&tag=python');
    const both = await shownSlugs(page);
    const python = new Set(withTags(bitsIndex, 'python'));
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(keywordOnly.length);
    expect(both.every((slug) => python.has(slug) && keywordOnly.includes(slug))).toBe(true);
    expect(both).toContain('hash-join-in-python');
    await expect(countLine(page).textContent()).resolves.toBe(`${both.length} of ${bitsIndex.entries.length} bits`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows an empty state whose button clears the filters', async () => {
    const { page, context, errors } = await openPage('/bits/');
    const empty = page.getByText('No bits matched your filters. Try a different keyword or tag.');
    await expect(empty.isVisible()).resolves.toBe(false);
    await chip(page, 'sql').click();
    await page.fill('input[name="q"]', 'qwxzv');
    await waitForCount(page, `0 of ${bitsIndex.entries.length} bits`);
    await expect(empty.isVisible()).resolves.toBe(true);
    expect(await shownSlugs(page)).toEqual([]);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await waitForCount(page, `${bitsIndex.entries.length} of ${bitsIndex.entries.length} bits`);
    await expect(empty.isVisible()).resolves.toBe(false);
    expect(await shownSlugs(page)).toEqual(bitsIndex.entries.map((e) => e.id));
    await expect(page.inputValue('input[name="q"]')).resolves.toBe('');
    await expect(chip(page, 'sql').getAttribute('aria-pressed')).resolves.toBe('false');
    expect(query(page)).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a shared link in the same view, and keeps it on reload', async () => {
    const { page, context, errors } = await openPage('/bits/?q=hash&tag=python');
    await page.waitForFunction(() => !document.querySelector('[data-count]')?.textContent?.startsWith('Searching'));
    const shown = await shownSlugs(page);
    expect(shown).toContain('hash-join-in-python');
    expect(shown.every((slug) => withTags(bitsIndex, 'python').includes(slug))).toBe(true);
    await expect(page.inputValue('input[name="q"]')).resolves.toBe('hash');
    await expect(chip(page, 'python').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.reload();
    await page.waitForFunction(() => /^\d+ of \d+ bits$/.test(document.querySelector('[data-count]')?.textContent ?? ''));
    expect(await shownSlugs(page)).toEqual(shown);
    await expect(page.inputValue('input[name="q"]')).resolves.toBe('hash');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('restores each state on back and forward; typing a word is one history step', async () => {
    const { page, context, errors } = await openPage('/bits/');
    const total = bitsIndex.entries.length;
    await chip(page, 'python').click();
    await chip(page, 'hashing').click();
    await page.locator('input[name="q"]').pressSequentially('join');
    await page.waitForFunction(() => location.search === '?q=join&tag=python&tag=hashing');
    const typed = await shownSlugs(page);

    await page.goBack();
    await page.waitForFunction(() => location.search === '?tag=python&tag=hashing');
    await waitForCount(page, `${withTags(bitsIndex, 'python', 'hashing').length} of ${total} bits`);
    await expect(page.inputValue('input[name="q"]')).resolves.toBe('');
    await page.goBack();
    await waitForCount(page, `${withTags(bitsIndex, 'python').length} of ${total} bits`);
    await expect(chip(page, 'hashing').getAttribute('aria-pressed')).resolves.toBe('false');
    await page.goBack();
    await waitForCount(page, `${total} of ${total} bits`);
    expect(query(page)).toBe('');

    await page.goForward();
    await page.goForward();
    await page.goForward();
    await page.waitForFunction(() => location.search === '?q=join&tag=python&tag=hashing');
    await page.waitForFunction((n) => document.querySelectorAll('[data-items] > [data-slug]:not([hidden])').length === n, typed.length);
    expect(await shownSlugs(page)).toEqual(typed);
    await expect(page.inputValue('input[name="q"]')).resolves.toBe('join');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fetches the index lazily, once; pages without search UI never load Fuse', async () => {
    const home = await openPage('/');
    await home.page.waitForLoadState('networkidle');
    expect(home.requests.filter((p) => /\/search\/|fuse/i.test(p))).toEqual([]);
    await home.context.close();

    const { page, context, requests, errors } = await openPage('/bits/');
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => /\/search\/|fuse/i.test(p))).toEqual([]);
    await page.focus('input[name="q"]');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/search/bits.json')));
    await page.fill('input[name="q"]', 'hash');
    await page.fill('input[name="q"]', 'checksum');
    await page.waitForFunction(() => location.search === '?q=checksum');
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => p.endsWith('/search/bits.json'))).toHaveLength(1);
    expect(requests.filter((p) => /fuse/i.test(p))).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('/shorts/: search the feed', () => {
  const newestFirst = () => shortsIndex.entries.map((e) => e.id);

  it('ranks by relevance with a query and goes back to newest first without one', async () => {
    const { page, context, errors } = await openPage('/shorts/');
    expect(await shownSlugs(page)).toEqual(newestFirst());
    await page.fill('input[name="q"]', 'vector search');
    await page.waitForFunction(() => location.search === '?q=vector+search' && !document.querySelector('[data-count]')?.textContent?.startsWith('Searching'));
    const ranked = await shownSlugs(page);
    expect(ranked[0]).toBe('hnsw-for-vector-search');
    expect(ranked.length).toBeLessThan(shortsIndex.entries.length);
    const total = shortsIndex.entries.length;
    await expect(countLine(page).textContent()).resolves.toBe(`${ranked.length} of ${total} shorts`);
    // Relevance, not the feed's date order.
    expect(ranked).not.toEqual(newestFirst().filter((slug) => ranked.includes(slug)));

    await page.fill('input[name="q"]', '');
    await waitForCount(page, `${total} of ${total} shorts`);
    expect(await shownSlugs(page)).toEqual(newestFirst());
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters by track, and by track and tag together', async () => {
    const { page, context, errors } = await openPage('/shorts/');
    const total = shortsIndex.entries.length;
    const inTrack = shortsIndex.entries.filter((e) => e.track === 'llm').map((e) => e.id);
    await page.selectOption('select[name="track"]', 'llm');
    await waitForCount(page, `${inTrack.length} of ${total} shorts`);
    expect(await shownSlugs(page)).toEqual(inTrack);
    expect(query(page)).toBe('?track=llm');

    await chip(page, 'postgres').click();
    const both = shortsIndex.entries.filter((e) => e.track === 'llm' && e.tags.includes('postgres')).map((e) => e.id);
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(inTrack.length);
    await waitForCount(page, `${both.length} of ${total} shorts`);
    expect(await shownSlugs(page)).toEqual(both);

    await page.goBack();
    await waitForCount(page, `${inTrack.length} of ${total} shorts`);
    await page.goBack();
    await waitForCount(page, `${total} of ${total} shorts`);
    await expect(page.inputValue('select[name="track"]')).resolves.toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('restores search, tag and track from a shared link, with the same empty state', async () => {
    const { page, context, errors } = await openPage('/shorts/?q=index&track=llm');
    await page.waitForFunction(() => /^\d+ of \d+ shorts$/.test(document.querySelector('[data-count]')?.textContent ?? ''));
    const shown = await shownSlugs(page);
    const llm = new Set(shortsIndex.entries.filter((e) => e.track === 'llm').map((e) => e.id));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((slug) => llm.has(slug))).toBe(true);
    await expect(page.inputValue('select[name="track"]')).resolves.toBe('llm');

    await page.fill('input[name="q"]', 'sourdough');
    await waitForCount(page, `0 of ${shortsIndex.entries.length} shorts`);
    await expect(page.getByText('No shorts matched your filters. Try a different keyword or tag.').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await waitForCount(page, `${shortsIndex.entries.length} of ${shortsIndex.entries.length} shorts`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('site-wide search dialog', () => {
  const dialogOpen = (page: Page) => page.evaluate(() => document.querySelector<HTMLDialogElement>('site-search dialog')!.open);
  const options = (page: Page) => page.locator('[role="listbox"] [role="option"]');

  it('opens with the header button, / and Ctrl/Cmd-K, and gives focus back on close', async () => {
    const { page, context, errors } = await openPage('/cheatsheets/');
    const button = page.getByRole('button', { name: 'Search', exact: true });
    await button.click();
    expect(await dialogOpen(page)).toBe(true);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('combobox');
    await page.keyboard.press('Escape');
    expect(await dialogOpen(page)).toBe(false);
    await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-search-open'))).resolves.toBe(true);

    const link = page.getByRole('link', { name: 'Tags', exact: true });
    await link.focus();
    await page.keyboard.press('Control+k');
    expect(await dialogOpen(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Tags');

    await page.keyboard.press('Meta+k');
    expect(await dialogOpen(page)).toBe(true);
    await page.keyboard.press('Escape');

    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    expect(await dialogOpen(page)).toBe(true);
    // The slash opened the dialog; it was not typed into the box.
    await expect(page.inputValue('[data-search-input]')).resolves.toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is an accessible dialog with a combobox driving a listbox', async () => {
    const { page, context, errors } = await openPage('/');
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search the garden' });
    await expect(dialog.isVisible()).resolves.toBe(true);
    const combobox = dialog.getByRole('combobox');
    await expect(combobox.getAttribute('aria-controls')).resolves.toBe('site-search-results');
    await expect(page.locator('#site-search-results').getAttribute('role')).resolves.toBe('listbox');
    await combobox.fill('index');
    await options(page).first().waitFor();
    await expect(combobox.getAttribute('aria-expanded')).resolves.toBe('true');
    const groups = await page.$$eval('[role="listbox"] [role="group"]', (els) => els.map((el) => document.getElementById(el.getAttribute('aria-labelledby')!)?.textContent ?? ''));
    expect(groups.length).toBeGreaterThanOrEqual(3);
    expect(groups.map((g) => g.replace(/ \(.*$/, ''))).toEqual(expect.arrayContaining(['Bits', 'Shorts', 'Chapters']));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('goes from typing to a result with the keyboard alone', async () => {
    const { page, context, errors } = await openPage('/');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('OrderedDict');
    await options(page).first().waitFor();
    const first = options(page).nth(0);
    const second = options(page).nth(1);
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(first.getAttribute('data-url')).resolves.toBe('/bits/lru-cache-with-ordereddict/');
    const combobox = page.getByRole('combobox');
    await expect(combobox.getAttribute('aria-activedescendant')).resolves.toBe(await first.getAttribute('id'));
    await page.keyboard.press('ArrowDown');
    await expect(second.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(first.getAttribute('aria-selected')).resolves.toBe('false');
    await expect(combobox.getAttribute('aria-activedescendant')).resolves.toBe(await second.getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
    // Up from the first wraps to the last.
    await page.keyboard.press('ArrowUp');
    await expect(options(page).last().getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL('**/bits/lru-cache-with-ordereddict/'), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toContain('OrderedDict');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds chapter sections (to the heading) and quiz facts, with matched words marked', async () => {
    const { page, context, errors } = await openPage('/');
    await page.keyboard.press('/');
    await page.keyboard.type('compaction');
    await options(page).first().waitFor();
    const chapters = page.locator('[role="option"][data-collection="chapters"]');
    const facts = page.locator('[role="option"][data-collection="facts"]');
    expect(await chapters.count()).toBeGreaterThan(0);
    expect(await facts.count()).toBeGreaterThan(0);
    const urls = await chapters.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.url ?? ''));
    expect(urls.some((url) => /^\/cheatsheets\/[^/]+\/[^/]+\/#[a-z0-9-]+$/.test(url))).toBe(true);
    const marks = await page.$$eval('[role="listbox"] mark', (els) => els.map((el) => el.textContent?.toLowerCase()));
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m?.includes('compaction'))).toBe(true);
    await expect(facts.first().locator('.search-result__label').textContent()).resolves.toBe('Quiz fact');

    // The heading link lands on the section.
    const sectionOption = page.locator('[role="option"][data-collection="chapters"][data-url*="#"]').first();
    const target = (await sectionOption.getAttribute('data-url'))!;
    await sectionOption.click();
    await page.waitForURL(`**${target}`);
    const id = decodeURIComponent(target.split('#')[1]!);
    await expect(page.locator(`[id="${id}"]`).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('filters that stay out of the way', () => {
  it('on a phone the chips fold behind "Tags (N)", so the first entry comes before them', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${garden.url}/shorts/`);
    const summary = page.locator('.chip-fold > summary');
    await expect(summary.textContent()).resolves.toMatch(/^Tags \(\d+\)$/);
    await expect(page.locator('button.chip').first().isVisible()).resolves.toBe(false);
    const firstShort = await page.locator('[data-items] > [data-slug]').first().boundingBox();
    expect(firstShort!.y).toBeLessThan(800);
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('button.chip').first().isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('chip counts follow the filter, and "Clear all" clears it', async () => {
    const { page, context, errors } = await openPage('/bits/');
    const chipOf = (tag: string) => chip(page, tag);
    const total = bitsIndex.entries.length;
    await chipOf('hashing').click();
    await waitForCount(page, `${withTags(bitsIndex, 'hashing').length} of ${total} bits`);
    // python's chip now counts only the hashing bits that carry it too.
    await expect(chipOf('python').locator('.chip__count').textContent()).resolves.toBe(`(${withTags(bitsIndex, 'hashing', 'python').length})`);
    await expect(chipOf('hashing').locator('.chip__count').textContent()).resolves.toBe(`(${withTags(bitsIndex, 'hashing').length})`);
    const clearAll = page.getByRole('button', { name: 'Clear all' });
    await clearAll.click();
    await waitForCount(page, `${total} of ${total} bits`);
    await expect(clearAll.isVisible()).resolves.toBe(false);
    await expect(chipOf('python').locator('.chip__count').textContent()).resolves.toBe(`(${withTags(bitsIndex, 'python').length})`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a shared link with a tag the listing lacks says so instead of dropping it silently', async () => {
    const { page, context, errors } = await openPage('/shorts/?tag=retreival');
    const note = page.locator('[data-unknown]');
    await note.waitFor();
    await expect(note.textContent()).resolves.toBe('No shorts have the tag “retreival”: left out of the filter.');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('every result reachable', () => {
  const options = (page: Page) => page.locator('[role="listbox"] [role="option"]');
  const chapterOptions = (page: Page) => page.locator('[role="option"][data-collection="chapters"]');

  it('the dialog shows all of a group by keyboard, the next result taking the place of "Show all"', async () => {
    const { page, context, errors } = await openPage('/');
    await page.keyboard.press('/');
    await page.keyboard.type('index');
    const more = page.locator('[role="option"][data-expand="chapters"]');
    await more.waitFor();
    const label = (await more.textContent())!;
    const total = Number(/Show all (\d+) chapters/.exec(label)?.[1]);
    expect(total).toBeGreaterThan(5);
    await expect(chapterOptions(page).count()).resolves.toBe(5);
    // Down from the input until "Show all" is the active option, then Enter.
    for (let step = 0; step < 40 && (await more.getAttribute('aria-selected')) !== 'true'; step++) await page.keyboard.press('ArrowDown');
    await expect(more.getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('[role="option"][data-collection="chapters"]').length === n, total);
    await expect(page.locator('[role="option"][data-expand="chapters"]').count()).resolves.toBe(0);
    await expect(page.locator('#site-search-group-chapters').textContent()).resolves.toBe(`Chapters (${total})`);
    // The sixth chapter result is active, so the reader carries on from where the option was.
    const active = await page.getByRole('combobox').getAttribute('aria-activedescendant');
    await expect(chapterOptions(page).nth(5).getAttribute('id')).resolves.toBe(active);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the dialog leads to /search/?q=…, which lists every result as links and keeps the query in the address', async () => {
    const { page, context, errors } = await openPage('/bits/');
    await page.keyboard.press('/');
    await page.keyboard.type('index');
    const all = page.locator('[role="option"]', { hasText: 'on a page of their own' });
    await all.waitFor();
    const total = Number(/All (\d+) results/.exec((await all.textContent())!)?.[1]);
    // Up from the first result wraps to the last option: the results page.
    await page.keyboard.press('ArrowUp');
    await expect(all.getAttribute('aria-selected')).resolves.toBe('true');
    await Promise.all([page.waitForURL('**/search/?q=index'), page.keyboard.press('Enter')]);
    await page.waitForFunction(() => /^\d+ results? for/.test(document.querySelector('search-page [data-search-status]')?.textContent ?? ''));
    await expect(page.locator('search-page [data-search-status]').textContent()).resolves.toBe(`${total} results for “index”.`);
    await expect(page.locator('.search-page__list a').count()).resolves.toBe(total);
    await expect(page.inputValue('#search-page-input')).resolves.toBe('index');
    // Every result is a link the keyboard reaches.
    await page.focus('#search-page-input');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.closest('.search-page__list') !== null)).resolves.toBe(true);

    // Typing updates the results and the address; Back restores the earlier search.
    await page.fill('#search-page-input', 'OrderedDict');
    await page.waitForFunction(() => location.search === '?q=OrderedDict');
    await page.waitForFunction(() => document.querySelector('search-page [data-search-status]')?.textContent?.endsWith('for “OrderedDict”.'));
    await expect(page.locator('.search-page__list a').first().getAttribute('href')).resolves.toBe('/bits/lru-cache-with-ordereddict/');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('search-page [data-search-status]')?.textContent?.endsWith('for “index”.'));
    await expect(page.inputValue('#search-page-input')).resolves.toBe('index');
    await expect(page.title()).resolves.toMatch(/^index · Search/);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('/search/ says so when nothing matches, and what it needs without JavaScript', async () => {
    const { page, context, errors } = await openPage('/search/?q=zzqxjv');
    await page.waitForFunction(() => document.querySelector('search-page [data-search-status]')?.textContent?.startsWith('No results'));
    await expect(page.locator('.search-page__list').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
    const plain = await openPage('/search/?q=index', { javaScriptEnabled: false });
    await expect(plain.page.locator('main').textContent()).resolves.toContain('Search runs in your browser and needs JavaScript');
    await expect(plain.page.locator('main a[href="/tags/"]').count()).resolves.toBe(1);
    await plain.context.close();
  });

  it('the open dialog with results has no axe violations', async () => {
    const { page, context, errors } = await openPage('/');
    await page.keyboard.press('/');
    await page.keyboard.type('index');
    await options(page).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('on a phone', () => {
  it('the filter bar and the open dialog fit 360 px without horizontal scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await page.goto(`${garden.url}/shorts/?q=index&track=llm`);
    await page.waitForFunction(() => /^\d+ of \d+ shorts$/.test(document.querySelector('[data-count]')?.textContent ?? ''));
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.keyboard.type('vector search');
    await page.locator('[role="option"]').first().waitFor();
    const box = await page.locator('site-search dialog').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('/bits/ shows every bit, chips are links to tag pages, no dead controls', async () => {
    const { page, context } = await openPage('/bits/', { javaScriptEnabled: false });
    expect(await shownSlugs(page)).toEqual(bitsIndex.entries.map((e) => e.id));
    const links = page.locator('nav[aria-label="Bit tags"] a');
    expect(await links.count()).toBe(new Set(bitsIndex.entries.flatMap((e) => e.tags)).size);
    await expect(links.first().getAttribute('href')).resolves.toMatch(/^\/tags\/[a-z0-9-]+\/$/);
    await expect(page.locator('nav[aria-label="Bit tags"] a[href="/tags/python/"]').count()).resolves.toBe(1);
    await expect(page.locator('input[name="q"]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-search-open]').isVisible()).resolves.toBe(false);
    await expect(page.getByText('No bits matched your filters').isVisible()).resolves.toBe(false);
    await expect(page.getByText(`${bitsIndex.entries.length} bits`, { exact: true }).isVisible()).resolves.toBe(true);
    await Promise.all([page.waitForURL('**/tags/python/'), page.locator('nav[aria-label="Bit tags"] a[href="/tags/python/"]').click()]);
    await context.close();
  });

  it('/shorts/ shows the whole feed newest first, without the search box or track select', async () => {
    const { page, context } = await openPage('/shorts/', { javaScriptEnabled: false });
    expect(await shownSlugs(page)).toEqual(shortsIndex.entries.map((e) => e.id));
    await expect(page.locator('input[name="q"]').isVisible()).resolves.toBe(false);
    await expect(page.locator('select[name="track"]').isVisible()).resolves.toBe(false);
    await expect(page.locator('nav[aria-label="Short tags"] a[href="/tags/vector-search/"]').count()).resolves.toBe(1);
    await context.close();
  });
});

describe('HTML in titles is shown as text, never run (a garden published under /garden/)', () => {
  const TITLE = '<img src=x onerror=alert(1)>';

  async function guarded(path: string) {
    const opened = await openPage(path, { site: xss.url });
    const dialogs: string[] = [];
    opened.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return { ...opened, dialogs };
  }

  it('in the site-wide search dialog', async () => {
    const { page, context, errors, dialogs, requests } = await guarded('/garden/');
    await page.keyboard.press('/');
    await page.keyboard.type('onerror');
    await options(page).first().waitFor();
    const titles = await page.$$eval('[role="option"] .search-result__title', (els) => els.map((el) => el.textContent));
    expect(titles).toContain(TITLE);
    expect(titles).toContain('Why <b>onerror</b> handlers are dangerous');
    // Indexes and result links live under the base path.
    expect(requests.filter((p) => p.includes('/search/')).every((p) => p.startsWith('/garden/search/'))).toBe(true);
    expect(requests.filter((p) => p.endsWith('/search/manifest.json'))).toHaveLength(1);
    expect(requests.filter((p) => /\/search\/terms\/\d+\.json$/.test(p)).length).toBeGreaterThan(0);
    const urls = await page.$$eval('[role="option"]', (els) => els.map((el) => (el as HTMLElement).dataset.url ?? ''));
    expect(urls).toContain('/garden/bits/html-in-the-title/');
    expect(urls.every((url) => url.startsWith('/garden/'))).toBe(true);
    await expect(page.locator('[role="listbox"] img, [role="listbox"] b, [role="listbox"] script').count()).resolves.toBe(0);
    // The marked word sits inside the literal text.
    const html = await page.locator('[role="option"] .search-result__title').first().innerHTML();
    expect(html).toContain('&lt;img');
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();

    function options(p: Page) {
      return p.locator('[role="listbox"] [role="option"]');
    }
  });

  it('in the /bits/ grid and filter', async () => {
    const { page, context, errors, dialogs } = await guarded('/garden/bits/');
    await page.fill('input[name="q"]', 'onerror');
    await waitForCount(page, '1 of 2 bits');
    await expect(page.locator('[data-slug="html-in-the-title"] h2 a').textContent()).resolves.toBe(TITLE);
    await expect(page.locator('[data-items] img').count()).resolves.toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
