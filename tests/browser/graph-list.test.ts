/**
 * The map's text alternative when it runs to several pages: the fixture
 * garden (28 notes) built with 10 notes a page (GARDEN_GRAPH_LIST_PAGE_SIZE),
 * so /graph/ links to /graph/links/ and its two later pages. Every note and
 * every link is reachable from /graph/ without JavaScript, by keyboard and by
 * mouse; the pages are axe-clean in both themes and fit a phone. The list on
 * /graph/ itself, for a garden that fits one page, is graph.test.ts's.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { read } from '../helpers/files';
import { servedGarden } from '../helpers/site';
import { FIXTURE_SITE } from '../helpers/fixture-site';
import { axeViolations } from '../helpers/axe';
import { GRAPH_LIST_PAGE_SIZE_ENV } from '../../src/lib/graph/list-pages';
import type { GardenGraph } from '../../src/lib/graph/model';

const PAGE_SIZE = 10;
const site = servedGarden('graph-list', FIXTURE_SITE, { [GRAPH_LIST_PAGE_SIZE_ENV]: String(PAGE_SIZE) });

const gardenGraph = (): GardenGraph => JSON.parse(read(site.build.outDir, 'graph/garden.json')) as GardenGraph;
const lastPage = () => Math.ceil(gardenGraph().nodes.length / PAGE_SIZE);
const LIST_LINK = 'The list of every note and the notes it links to';

async function open(path: string, options: BrowserContextOptions = {}) {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  await page.goto(site.url + path);
  return { context, page };
}

/** Each entry of the page's list: the note's address, then those of the notes it links to. */
const entries = (page: Page) => page.$$eval('.graph-list section li', (items) => items.map((li) => [...li.querySelectorAll('a')].map((a) => a.pathname)));

/** Presses Tab until the focused element matches `selector` (at most 80 times), then Enter, and waits for `url`. */
async function tabToAndEnter(page: Page, selector: string, url: string | RegExp) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) break;
  }
  await expect(page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)).resolves.toBe(true);
  await Promise.all([page.waitForURL(url), page.keyboard.press('Enter')]);
}

describe("the map's list over several pages", () => {
  it('reaches every note and every link from /graph/ without JavaScript, page after page', async () => {
    const { context, page } = await open('/graph/', { javaScriptEnabled: false });
    // /graph/ holds no list of its own now, only the way to it.
    await expect(page.locator('details.graph-list').count()).resolves.toBe(0);
    await Promise.all([page.waitForURL(`${site.url}/graph/links/`), page.getByRole('link', { name: LIST_LINK }).click()]);
    const found: string[][] = [];
    const labels: string[] = [];
    for (;;) {
      found.push(...(await entries(page)));
      labels.push((await page.locator('.pagination__label').textContent()) ?? '');
      const next = page.locator('a[rel="next"]');
      if ((await next.count()) === 0) break;
      await Promise.all([page.waitForURL(/\/graph\/links\/page\/\d+\/$/), next.click()]);
    }
    const graph = gardenGraph();
    const last = lastPage();
    expect(last).toBeGreaterThan(2);
    expect(labels).toEqual(Array.from({ length: last }, (_, i) => `Page ${i + 1} of ${last}`));
    expect(found.map(([note]) => note).sort()).toEqual(graph.nodes.map((n) => n.url).sort());
    const links = found.flatMap(([note, ...targets]) => targets.map((target) => `${note} > ${target}`));
    expect(links.sort()).toEqual(graph.edges.map(([from, to]) => `${graph.nodes[from]!.url} > ${graph.nodes[to]!.url}`).sort());
    await expect(page.locator('.count-line').textContent()).resolves.toBe(`${graph.nodes.length} notes, page ${last} of ${last}`);
    await context.close();
  });

  it('is reachable by keyboard: the list from /graph/, the next page, a collection', async () => {
    const { context, page } = await open('/graph/');
    await tabToAndEnter(page, '.graph-list p a', `${site.url}/graph/links/`);
    await tabToAndEnter(page, 'a[rel="next"]', `${site.url}/graph/links/page/2/`);
    await expect(page.locator('.pagination a[aria-current="page"]').textContent()).resolves.toBe('2');
    const chapters = gardenGraph().collections.at(-1)!;
    await tabToAndEnter(page, `.graph-list__contents a[href$="#graph-list-${chapters.id}"]`, new RegExp(`#graph-list-${chapters.id}$`));
    const heading = page.locator(`#graph-list-${chapters.id}`);
    await expect(heading.textContent()).resolves.toBe(chapters.label);
    await expect(heading.evaluate((h) => h.matches(':target'))).resolves.toBe(true);
    await expect(page.locator('.pagination a[aria-current="page"]').textContent()).resolves.toBe(String(lastPage()));
    await context.close();
  });

  it('is reachable by mouse: a collection from /graph/, then any page by its number', async () => {
    const { context, page } = await open('/graph/');
    const shorts = page.locator('.graph-list__contents a', { hasText: 'Shorts' });
    const href = (await shorts.getAttribute('href'))!;
    expect(href).toMatch(/^\/graph\/links\/(page\/\d+\/)?#graph-list-shorts$/);
    await Promise.all([page.waitForURL(`${site.url}${href}`), shorts.click()]);
    await expect(page.locator('#graph-list-shorts').isVisible()).resolves.toBe(true);
    await Promise.all([page.waitForURL(`${site.url}/graph/links/page/${lastPage()}/`), page.locator('.pagination a', { hasText: String(lastPage()) }).click()]);
    await Promise.all([page.waitForURL(`${site.url}/graph/links/`), page.getByRole('link', { name: 'Page 1', exact: true }).click()]);
    await Promise.all([page.waitForURL(`${site.url}/graph/`), page.locator('.lede a', { hasText: 'map of the garden' }).click()]);
    await context.close();
  });

  it.each([
    { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    { name: 'desktop', viewport: { width: 1280, height: 800 } },
  ])('has no axe violations in either theme and fits the screen ($name)', async ({ name: _name, ...options }) => {
    for (const path of ['/graph/', '/graph/links/page/2/']) {
      const { context, page } = await open(path, options);
      await expect(axeViolations(page)).resolves.toEqual([]);
      await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
      await expect(axeViolations(page)).resolves.toEqual([]);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(options.viewport.width);
      await context.close();
    }
  });
});
