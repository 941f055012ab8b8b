import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { OUTPUT } from '../helpers/build';
import { read } from '../helpers/files';
import { fixtureSite } from '../helpers/fixture-site';

const site = fixtureSite();

describe('links in the fixture garden', () => {
  it('resolve wikilinks to the target page with its title', () => {
    const html = read(site.build.outDir, 'shorts/write-amplification/index.html');
    expect(html).toMatch(/<a href="\/cheatsheets\/storage-engines\/02-b-tree-indexes\/" class="internal-link"[^>]*>B-tree indexes<\/a>/);
    expect(html).toMatch(/<a href="\/cheatsheets\/storage-engines\/03-lsm-trees\/" class="internal-link"[^>]*>Log-structured merge trees<\/a>/);
  });

  it('show "Linked from" with the linking pages', () => {
    const html = read(site.build.outDir, 'shorts/write-amplification/index.html');
    const linkedFrom = html.slice(html.indexOf('id="linked-from"'), html.indexOf('id="related-notes"'));
    for (const title of ['B-tree indexes', 'Log-structured merge trees', 'Transactions and the write-ahead log']) {
      expect(linkedFrom).toContain(title);
    }
  });

  it('show up to five related notes by shared tags', () => {
    const html = read(site.build.outDir, 'bits/consistent-hashing-ring/index.html');
    const related = html.slice(html.indexOf('id="related-notes"'));
    const items = related.slice(0, related.indexOf('</ul>')).match(/<li>/g) ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
  });

  it('load the preview script only where a body links to another note', () => {
    expect(read(site.build.outDir, 'shorts/write-amplification/index.html')).toContain('<link-preview data-katex-css=');
    expect(read(site.build.outDir, 'bits/crc32-page-checksum/index.html')).not.toContain('<link-preview');
  });
});

describe('link previews', () => {
  it('appear on hover and on keyboard focus, and go away with Escape', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/shorts/write-amplification/`);
    const link = page.locator('article a.internal-link', { hasText: 'B-tree indexes' });
    const card = page.locator('.link-preview');

    await link.hover();
    await expect(card.isVisible()).resolves.toBe(true);
    await expect(card.locator('strong').textContent()).resolves.toBe('B-tree indexes');
    await expect(link.getAttribute('aria-describedby')).resolves.toBe('link-preview-card');
    await page.mouse.move(0, 0);
    await expect(card.isVisible()).resolves.toBe(false);

    await link.focus();
    await expect(card.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(card.isVisible()).resolves.toBe(false);
    await page.screenshot({ path: join(OUTPUT, 'screenshots', 'link-preview.png') });
    await page.close();
  });

  it('show the target’s first lines as rendered: formulas typeset on hover, code highlighted on keyboard focus', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/cheatsheets/storage-engines/02-b-tree-indexes/`);
    const card = page.locator('.link-preview');
    const body = card.locator('.link-preview__body');

    await page.locator('article a.internal-link[href="/bits/b-tree-fanout-and-height/"]').first().hover();
    await expect(card.isVisible()).resolves.toBe(true);
    await body.locator('.katex').first().waitFor({ state: 'visible' });
    await expect(card.locator('strong').first().textContent()).resolves.toBe('B-tree fanout and height');
    // KaTeX's stylesheet is on the page, so the formula is laid out, not shown as raw MathML text.
    await expect(page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.href?.includes('katex')))).resolves.toBe(true);
    await expect(body.locator('.katex-html').first().isVisible()).resolves.toBe(true);
    await page.mouse.move(0, 0);
    await expect(card.isVisible()).resolves.toBe(false);

    const codeLink = page.locator('article a.internal-link[href="/bits/lru-cache-with-ordereddict/"]').first();
    await codeLink.focus();
    await body.locator('pre.astro-code').waitFor({ state: 'visible' });
    await expect(card.getAttribute('role')).resolves.toBe('tooltip');
    await expect(codeLink.getAttribute('aria-describedby')).resolves.toBe('link-preview-card');
    const code = await body.evaluate((box) => ({
      lines: box.querySelectorAll('pre code > .line').length,
      coloured: [...box.querySelectorAll<HTMLElement>('pre code span[style]')].some((span) => getComputedStyle(span).color !== getComputedStyle(box).color),
      ids: box.querySelectorAll('[id]').length,
      buttons: box.querySelectorAll('button').length,
      tabbable: box.querySelectorAll('a[href]:not([tabindex="-1"]), summary:not([tabindex="-1"]), [tabindex]:not([tabindex="-1"])').length,
    }));
    expect(code.lines).toBeGreaterThan(0);
    expect(code.lines).toBeLessThanOrEqual(8);
    expect(code.coloured).toBe(true);
    // Nothing in the card clashes with the page: no ids, no copy buttons, nothing Tab would stop at.
    expect(code.ids + code.buttons + code.tabbable).toBe(0);
    await page.keyboard.press('Escape');
    await expect(card.isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('for a link to a section, show that section’s first lines', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/shorts/write-amplification/`);
    // A link such as [[02-b-tree-indexes#inserts-and-page-splits]] would render: the same element, put in the body.
    await page.evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>('article a.internal-link[href="/cheatsheets/storage-engines/02-b-tree-indexes/"]')!.cloneNode(true) as HTMLAnchorElement;
      link.href = '/cheatsheets/storage-engines/02-b-tree-indexes/#inserts-and-page-splits';
      link.textContent = 'inserts and page splits';
      document.querySelector('article')!.prepend(link);
    });
    await page.locator('article a[href$="#inserts-and-page-splits"]').hover();
    const body = page.locator('.link-preview .link-preview__body');
    await body.waitFor({ state: 'visible' });
    const text = (await body.textContent()) ?? '';
    expect(text).toMatch(/^An insert finds the leaf/);
    expect(text).not.toContain('A B-tree index keeps its keys sorted');
    await page.close();
  });

  it('stay off on touch devices', async () => {
    const context = await site.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/shorts/write-amplification/`);
    await page.locator('article a.internal-link').first().focus();
    await expect(page.locator('.link-preview').count()).resolves.toBe(0);
    await context.close();
  });
});
