import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { OUTPUT, ROOT } from '../helpers/build';
import { read } from '../helpers/files';
import { servedGarden } from '../helpers/site';

const site = servedGarden('links-sample', join(ROOT, 'content'));

describe('links in the sample garden', () => {
  it('resolve wikilinks to the target page with its title', () => {
    const html = read(site.build.outDir, 'shorts/kv-cache-formula/index.html');
    expect(html).toMatch(/<a href="\/cheatsheets\/ml-foundations\/08-decoding\/" class="internal-link"[^>]*>The decoding loop: generation and sampling<\/a>/);
    expect(html).toMatch(/<a href="\/cheatsheets\/ml-foundations\/06-attention\/" class="internal-link"[^>]*>Attention from first principles<\/a>/);
  });

  it('show "Linked from" with the linking pages', () => {
    const html = read(site.build.outDir, 'shorts/kv-cache-formula/index.html');
    const linkedFrom = html.slice(html.indexOf('id="linked-from"'), html.indexOf('id="related-notes"'));
    for (const title of ['Attention from first principles', 'The decoding loop: generation and sampling', 'A minimal KV cache for decoding']) {
      expect(linkedFrom).toContain(title);
    }
  });

  it('show up to five related notes by shared tags', () => {
    const html = read(site.build.outDir, 'bits/causal-mask-with-masked-fill/index.html');
    const related = html.slice(html.indexOf('id="related-notes"'));
    const items = related.slice(0, related.indexOf('</ul>')).match(/<li>/g) ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
  });

  it('load the preview script only where a body links to another note', () => {
    expect(read(site.build.outDir, 'shorts/kv-cache-formula/index.html')).toContain('<link-preview data-katex-css=');
    expect(read(site.build.outDir, 'bits/reservoir-sampling/index.html')).not.toContain('<link-preview');
  });
});

describe('link previews', () => {
  it('appear on hover and on keyboard focus, and go away with Escape', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/shorts/kv-cache-formula/`);
    const link = page.locator('article a.internal-link', { hasText: 'The decoding loop' });
    const card = page.locator('.link-preview');

    await link.hover();
    await expect(card.isVisible()).resolves.toBe(true);
    await expect(card.locator('strong').textContent()).resolves.toBe('The decoding loop: generation and sampling');
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
    await page.goto(`${site.url}/cheatsheets/ml-foundations/06-attention/`);
    const card = page.locator('.link-preview');
    const body = card.locator('.link-preview__body');

    await page.locator('article a.internal-link[href="/bits/scaled-dot-product-attention/"]').first().hover();
    await expect(card.isVisible()).resolves.toBe(true);
    await body.locator('.katex').first().waitFor({ state: 'visible' });
    await expect(card.locator('strong').first().textContent()).resolves.toBe('Scaled dot-product attention');
    // KaTeX's stylesheet is on the page, so the formula is laid out, not shown as raw MathML text.
    await expect(page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.href?.includes('katex')))).resolves.toBe(true);
    await expect(body.locator('.katex-html').first().isVisible()).resolves.toBe(true);
    await page.mouse.move(0, 0);
    await expect(card.isVisible()).resolves.toBe(false);

    const codeLink = page.locator('article a.internal-link[href="/bits/causal-mask-with-masked-fill/"]').first();
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
    await page.goto(`${site.url}/shorts/kv-cache-formula/`);
    // A link such as [[06-attention#queries-keys-and-values]] would render: the same element, put in the body.
    await page.evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>('article a.internal-link[href="/cheatsheets/ml-foundations/06-attention/"]')!.cloneNode(true) as HTMLAnchorElement;
      link.href = '/cheatsheets/ml-foundations/06-attention/#queries-keys-and-values';
      link.textContent = 'queries, keys and values';
      document.querySelector('article')!.prepend(link);
    });
    await page.locator('article a[href$="#queries-keys-and-values"]').hover();
    const body = page.locator('.link-preview .link-preview__body');
    await body.waitFor({ state: 'visible' });
    const text = (await body.textContent()) ?? '';
    expect(text).toMatch(/^Start from a sequence of/);
    expect(text).not.toContain('A sequence model has to let each position borrow');
    await page.close();
  });

  it('stay off on touch devices', async () => {
    const context = await site.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/shorts/kv-cache-formula/`);
    await page.locator('article a.internal-link').first().focus();
    await expect(page.locator('.link-preview').count()).resolves.toBe(0);
    await context.close();
  });
});
