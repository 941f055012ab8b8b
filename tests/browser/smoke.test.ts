import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUTPUT } from '../helpers/build';
import { fixtureSite } from '../helpers/fixture-site';

const SHOTS = join(OUTPUT, 'screenshots');
const templates = [
  { name: 'home', path: '/' },
  { name: 'bits', path: '/bits/' },
  { name: 'bit', path: '/bits/consistent-hashing-ring/' },
  { name: 'shorts', path: '/shorts/' },
  { name: 'short', path: '/shorts/write-amplification/' },
  { name: 'cheatsheets', path: '/cheatsheets/' },
  { name: 'night-before', path: '/cheatsheets/storage-engines/' },
  { name: 'chapter', path: '/cheatsheets/query-processing/01-joins-and-plans/' },
  { name: 'tags', path: '/tags/' },
  { name: 'tag', path: '/tags/b-tree/' },
  { name: 'graph', path: '/graph/' },
  { name: 'not-found', path: '/no-such-page/' },
];

const site = fixtureSite();
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** Opens a page and records everything that went wrong while it loaded. */
async function open(page: Page, path: string) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/404 \(Not Found\)/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(site.url) && !request.url().startsWith('data:')) problems.push(`left the site: ${request.url()}`);
  });
  const response = await page.goto(site.url + path, { waitUntil: 'networkidle' });
  return { response, problems };
}

describe('every page template of the fixture garden', () => {
  for (const template of templates) {
    it(`${template.name} loads without errors and fits a desktop and a 360 px phone`, async () => {
      const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
      const { response, problems } = await open(page, template.path);
      expect(response?.status()).toBe(template.name === 'not-found' ? 404 : 200);
      expect(problems).toEqual([]);
      await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
      await page.screenshot({ path: join(SHOTS, `${template.name}.png`) });

      await page.setViewportSize({ width: 360, height: 780 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'horizontal scroll on a phone').toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SHOTS, `${template.name}-phone.png`) });
      await page.close();
    });
  }
});

describe('theme', () => {
  it('follows the system theme before paint', async () => {
    const context = await site.browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${site.url}/bits/`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.screenshot({ path: join(SHOTS, 'bits-dark.png') });
    await context.close();
  });

  it('toggles, and the choice survives a reload without a flash of the other theme', async () => {
    const context = await site.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${site.url}/shorts/write-amplification/`);
    const toggle = page.getByRole('button', { name: 'Switch to dark theme' });
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // Record the theme at the first moment the document exists, before any stylesheet or module script.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        (window as unknown as { firstTheme?: string }).firstTheme ??= document.documentElement.dataset.theme;
      });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { firstTheme?: string }).firstTheme)).toBe('dark');
    await expect(page.getByRole('button', { name: 'Switch to light theme' }).isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe('code blocks', () => {
  it('show a copy button that copies the code', async () => {
    const context = await site.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${site.url}/bits/consistent-hashing-ring/`);
    const button = page.locator('button[data-copy-code]').first();
    await button.click();
    // The label changes once the clipboard write resolves, which on a busy machine is after click()
    // returns; take the first label other than "Copy" (it goes back to "Copy" 1.6 s later).
    const changed = await page.waitForFunction((copy) => copy && copy.textContent !== 'Copy' && copy.textContent, await button.elementHandle());
    await expect(changed.jsonValue()).resolves.toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('bisect_right');
    await context.close();
  });

  it('hide the copy button when JavaScript is off', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/bits/consistent-hashing-ring/`);
    await expect(page.locator('button[data-copy-code]').first().isVisible()).resolves.toBe(false);
    await expect(page.locator('.katex, .astro-code').first().isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe('layout stability', () => {
  // Where the page's content starts on a phone: the header and the filter bar are above it.
  const contentTop = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => Math.round(element.getBoundingClientRect().top));

  for (const [path, selector] of [
    ['/bits/', '[data-items]'],
    ['/shorts/', '[data-items]'],
    ['/shorts/write-amplification/', 'main h1'],
  ] as const) {
    it(`${path}: controls revealed by scripts keep their place, so the content does not move when they appear`, async () => {
      const context = await site.browser.newContext({ viewport: { width: 412, height: 823 } });
      const before = await context.newPage();
      // JavaScript on (the pre-paint script runs), but the page's module scripts never arrive.
      await before.route('**/_astro/*.js', (route) => route.abort());
      await before.goto(site.url + path);
      const after = await context.newPage();
      await after.goto(site.url + path, { waitUntil: 'networkidle' });
      await expect(after.locator('[data-search-open]').isVisible()).resolves.toBe(true);
      expect(await contentTop(before, selector)).toBe(await contentTop(after, selector));
      await context.close();
    });
  }
});

describe('KaTeX fonts', () => {
  /**
   * The two faces nearly every formula uses are preloaded, so they are there for the first layout instead of
   * every formula being laid out again when they arrive (Lighthouse on /bits/). The preload must be the very
   * file the stylesheet asks for, with the same CORS mode, or the browser downloads the font twice.
   */
  it('a page with math preloads KaTeX_Main and KaTeX_Math, each downloaded once and used; a page without math preloads none', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/bits/`, { waitUntil: 'networkidle' });
    const preloads = await page.$$eval('head link[rel="preload"][as="font"]', (links) =>
      links.map((link) => ({ href: (link as HTMLLinkElement).href, crossorigin: link.getAttribute('crossorigin'), type: link.getAttribute('type') })),
    );
    expect(preloads.map(({ href }) => href.replace(/^.*\/(KaTeX_[\w-]+)\.[\w-]+\.woff2$/, '$1'))).toEqual(['KaTeX_Main-Regular', 'KaTeX_Math-Italic']);
    for (const preload of preloads) expect(preload).toMatchObject({ crossorigin: '', type: 'font/woff2' });
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((url) => /KaTeX_(Main-Regular|Math-Italic)\./.test(url)));
    expect(fetched.sort()).toEqual(preloads.map(({ href }) => href).sort());
    const faces = await page.evaluate(() => [...document.fonts].filter((face) => face.status === 'loaded').map((face) => `${face.family} ${face.style} ${face.weight}`));
    expect(faces).toEqual(expect.arrayContaining(['KaTeX_Main normal 400', 'KaTeX_Math italic 400']));
    await page.goto(`${site.url}/tags/`, { waitUntil: 'networkidle' });
    await expect(page.locator('head link[rel="preload"]').count()).resolves.toBe(0);
    await page.close();
  });
});

describe('/bits/ keeps its height while scrolling', () => {
  it('the page is as tall after scrolling through every card as before (no off-screen card drawn late)', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}/bits/`, { waitUntil: 'networkidle' });
    const height = () => page.evaluate(() => document.documentElement.scrollHeight);
    const before = await height();
    expect(before).toBeGreaterThan(3 * 900);
    const heights: number[] = [];
    for (let y = 0; y < before; y += 450) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      heights.push(await height());
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    // Within a pixel: a lazy image in a card takes its file's own aspect ratio once loaded, which can round
    // differently from its width and height attributes by a fraction of a pixel. Cards drawn late moved it by 1,666 px.
    const drift = [...heights, await height()].map((h) => Math.abs(h - before));
    expect(Math.max(...drift)).toBeLessThanOrEqual(1);
    await page.close();
  });
});

describe('cards that fit', () => {
  /**
   * Every code block, table and display formula on a listing either fits its
   * card or is a visibly scrollable region (the scroll shadow's gradients)
   * that the keyboard reaches; the copy button sits above the code, never on it.
   */
  it.each([
    [360, '/bits/'],
    [1280, '/bits/'],
    [360, '/'],
    [360, '/bits/consistent-hashing-ring/'],
  ])('at %i px, %s', async (width, path) => {
    const context = await site.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.url + path);
    // Cards off screen are not laid out (content-visibility): lay them all out to measure them.
    await page.addStyleTag({ content: '.grid > .bit-card { content-visibility: visible !important; }' });
    const regions = await page.$$eval('.prose pre, .prose table, .prose .katex-display', (elements) =>
      elements.map((element) => {
        const style = getComputedStyle(element);
        return {
          what: `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 60),
          overflows: element.scrollWidth > element.clientWidth + 1,
          scrollable: style.overflowX === 'auto' || style.overflowX === 'scroll',
          focusable: element.getAttribute('tabindex') === '0',
          shadowed: style.backgroundImage.includes('gradient'),
        };
      }),
    );
    expect(regions.length).toBeGreaterThan(0);
    const clipped = regions.filter((r) => r.overflows && !(r.scrollable && r.focusable && r.shadowed));
    expect(clipped).toEqual([]);
    // The page itself never scrolls sideways.
    await expect(page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).resolves.toBeLessThanOrEqual(0);
    const overlaps = await page.$$eval('.code-block', (blocks) =>
      blocks.filter((block) => {
        const button = block.querySelector<HTMLElement>('button[data-copy-code]');
        const pre = block.querySelector('pre');
        if (!button || button.hidden || !pre) return false;
        return button.getBoundingClientRect().bottom > pre.getBoundingClientRect().top + 0.5;
      }).length,
    );
    expect(overlaps).toBe(0);
    await expect(page.locator('button[data-copy-code]:visible').count()).resolves.toBeGreaterThan(0);
    await context.close();
  });

  it('code blocks name their language above the code', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/bits/consistent-hashing-ring/`);
    await expect(page.locator('.code-block__lang').first().textContent()).resolves.toBe('python');
    await context.close();
  });
});

describe('heading anchors', () => {
  it('are reached by keyboard, named for their section, and lead to it', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/cheatsheets/storage-engines/01-pages-and-records/`);
    const anchor = page.getByRole('link', { name: 'Section titled “The slotted page”' });
    await expect(anchor.count()).resolves.toBe(1);
    // Tab from the heading before it until the anchor has focus.
    await page.focus('a.heading-anchor >> nth=0');
    for (let step = 0; step < 30 && !(await anchor.evaluate((a) => a === document.activeElement)); step++) await page.keyboard.press('Tab');
    await expect(anchor.evaluate((a) => a === document.activeElement)).resolves.toBe(true);
    await expect(anchor.evaluate((a) => getComputedStyle(a).opacity)).resolves.toBe('1');
    // The heading's own name is untouched by its link.
    await expect(page.getByRole('heading', { name: 'The slotted page', exact: true }).count()).resolves.toBe(1);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#the-slotted-page');
    await context.close();
  });
});

describe('listings of chapters', () => {
  it('a tag page shows its chapters as cards with their place; the cheat sheets list summaries under titles', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/tags/b-tree/`);
    const cards = page.locator('section[aria-labelledby="tag-chapters"] li.card');
    expect(await cards.count()).toBeGreaterThan(0);
    await expect(cards.first().locator('.eyebrow').textContent()).resolves.toMatch(/^Part \d+: .+ · Chapter \d+$/);
    await Promise.all([page.waitForURL('**/cheatsheets/**'), cards.first().locator('h3 a').click()]);
    await page.goto(`${site.url}/cheatsheets/`);
    const summaries = await page.$$eval('.glance__summary', (spans) => spans.map((s) => ({ text: s.textContent ?? '', display: getComputedStyle(s).display })));
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.every((s) => s.display === 'block' && !s.text.startsWith('—'))).toBe(true);
    await context.close();
  });
});

describe('the header', () => {
  it('on a phone is one row that stays on top, with the sections in a menu the keyboard opens and Esc closes', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/cheatsheets/storage-engines/01-pages-and-records/`);
    const header = page.locator('.site-header');
    const box = (await header.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(64);
    await expect(page.locator('.site-nav').isVisible()).resolves.toBe(false);
    await page.mouse.wheel(0, 1500);
    await page.waitForFunction(() => scrollY > 1000);
    await expect(header.evaluate((h) => h.getBoundingClientRect().top)).resolves.toBe(0);
    const menu = page.getByRole('button', { name: 'Menu' }).or(page.locator('.site-menu > summary'));
    await menu.focus();
    await page.keyboard.press('Enter');
    const sections = page.getByRole('navigation', { name: 'Sections' });
    await expect(sections.getByRole('link', { name: 'Cheat sheets' }).getAttribute('aria-current')).resolves.toBe('page');
    await expect(sections.getByRole('link').count()).resolves.toBe(5);
    await page.keyboard.press('Escape');
    await expect(sections.isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.matches('.site-menu > summary'))).resolves.toBe(true);
    // A link in a section lands below the sticky header, not under it.
    const landed = await context.newPage();
    await landed.goto(`${site.url}/cheatsheets/storage-engines/01-pages-and-records/#the-slotted-page`);
    // Wait until the scroll to the heading has settled (smooth scrolling may be on).
    await landed.waitForFunction(() => {
      const top = document.getElementById('the-slotted-page')!.getBoundingClientRect().top;
      const settled = (window as unknown as { lastTop?: number }).lastTop === top;
      (window as unknown as { lastTop?: number }).lastTop = top;
      return settled && scrollY > 0;
    }, undefined, { polling: 100 });
    const headingTop = await landed.locator('#the-slotted-page').evaluate((h) => h.getBoundingClientRect().top);
    const headerHeight = await landed.locator('.site-header').evaluate((h) => h.getBoundingClientRect().height);
    expect(headingTop).toBeGreaterThanOrEqual(headerHeight);
    await context.close();
  });

  it('on a wide screen shows the sections in the row and no menu', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/bits/`);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link').count()).resolves.toBe(5);
    await expect(page.locator('.site-menu').isVisible()).resolves.toBe(false);
    await context.close();
  });
});

describe('a chapter\'s table of contents', () => {
  const chapter = '/cheatsheets/storage-engines/01-pages-and-records/';

  it('on a wide screen is shown and marks the section being read', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(site.url + chapter);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await expect(toc.getByRole('link', { name: 'The slotted page' }).isVisible()).resolves.toBe(true);
    await expect(toc.locator('[aria-current="location"]').count()).resolves.toBe(0);
    await page.locator('#free-space-and-fill-factor').evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 40));
    await page.waitForFunction(() => document.querySelector('.toc [aria-current="location"]')?.getAttribute('href') === '#free-space-and-fill-factor');
    await page.locator('#the-slotted-page').evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 40));
    await page.waitForFunction(() => document.querySelector('.toc [aria-current="location"]')?.getAttribute('href') === '#the-slotted-page');
    await expect(toc.locator('[aria-current="location"]').count()).resolves.toBe(1);
    await context.close();
  });

  it('on a phone is folded before the text, opens by keyboard and folds again when a section is chosen', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(site.url + chapter);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const link = toc.getByRole('link', { name: 'Free space and fill factor', exact: true });
    await expect(link.isVisible()).resolves.toBe(false);
    await page.focus('.toc summary');
    await page.keyboard.press('Enter');
    await expect(link.isVisible()).resolves.toBe(true);
    await link.click();
    await page.waitForFunction(() => location.hash === '#free-space-and-fill-factor');
    await expect(link.isVisible()).resolves.toBe(false);
    await context.close();
  });
});

describe('a chapter\'s part', () => {
  const chapter = '/cheatsheets/storage-engines/03-lsm-trees/';

  it('is a sidebar on a wide screen, the current chapter marked, and folded above the text on a phone', async () => {
    const wide = await site.browser.newContext({ viewport: { width: 1440, height: 800 } });
    const page = await wide.newPage();
    await page.goto(site.url + chapter);
    const nav = page.locator('nav.part-nav');
    const links = nav.getByRole('link');
    expect(await links.count()).toBeGreaterThan(3);
    await expect(links.first().isVisible()).resolves.toBe(true);
    await expect(nav.locator('[aria-current="page"]').getAttribute('href')).resolves.toBe(chapter);
    // Beside the text, not above it.
    const [navBox, textBox] = await Promise.all([nav.boundingBox(), page.locator('article.prose').boundingBox()]);
    expect(navBox!.x + navBox!.width).toBeLessThanOrEqual(textBox!.x);
    await wide.close();

    const phone = await site.browser.newContext({ viewport: { width: 390, height: 800 } });
    const small = await phone.newPage();
    await small.goto(site.url + chapter);
    const first = small.locator('nav.part-nav').getByRole('link').first();
    await expect(first.isVisible()).resolves.toBe(false);
    await small.focus('nav.part-nav summary');
    await small.keyboard.press('Enter');
    await expect(first.isVisible()).resolves.toBe(true);
    await Promise.all([small.waitForURL('**/01-pages-and-records/'), first.click()]);
    await phone.close();
  });
});
