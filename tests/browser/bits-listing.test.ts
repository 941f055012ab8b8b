import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { OUTPUT } from '../helpers/build';
import { servedGarden } from '../helpers/site';
import { writeGarden } from '../../bench/garden-generator';
import { LISTING_SNIPPET_LIMIT } from '../../src/lib/listing';

/**
 * A garden with more bits than LISTING_SNIPPET_LIMIT: /bits/ shows compact
 * cards, each snippet opens on request (with KaTeX's stylesheet once a snippet
 * has math), and the tag filter still works over every card.
 */
const CONTENT = join(OUTPUT, 'perf-listing-content');
let bits = 0;
const site = servedGarden('perf-listing', () => {
  bits = writeGarden(CONTENT, 120, 7).bits;
  return CONTENT;
});

async function open(path: string, javaScriptEnabled = true) {
  const context: BrowserContext = await site.browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url + path);
  return { page, context, errors };
}

describe('/bits/ past the snippet limit', () => {
  it('ships compact cards: no snippet, no math, no KaTeX stylesheet', () => {
    expect(bits).toBeGreaterThan(LISTING_SNIPPET_LIMIT);
    const html = readFileSync(join(site.build.outDir, 'bits/index.html'), 'utf8');
    expect(html.match(/data-slug=/g)).toHaveLength(bits);
    expect(html.match(/data-snippet-toggle/g)).toHaveLength(bits);
    expect(html).not.toContain('class="katex');
    expect(html).not.toContain('class="astro-code');
    expect(html).not.toMatch(/<link rel="stylesheet" href="[^"]*katex/);
    // About a kilobyte per card, gzipped far less: 600 bits stay well under 400 KB.
    expect(gzipSync(html).length / bits).toBeLessThan(600);
  });

  it('opens a snippet on request, highlighted, with KaTeX styles when it has math', async () => {
    const { page, context, errors } = await open('/bits/');
    const cards = page.locator('[data-items] > [data-slug]');
    // A card whose page has math.
    const slugs = await cards.evaluateAll((all) => all.map((c) => (c as HTMLElement).dataset.slug!));
    const withMath = slugs.find((slug) => readFileSync(join(site.build.outDir, 'bits', slug, 'index.html'), 'utf8').includes('class="katex'))!;
    expect(withMath).toBeDefined();
    const card = page.locator(`[data-slug="${withMath}"]`);
    const button = card.locator('button[data-snippet-toggle]');
    await expect(button.isVisible()).resolves.toBe(true);
    await expect(page.locator('link[rel="stylesheet"][href*="katex"]').count()).resolves.toBe(0);
    await button.click();
    await card.locator('[data-snippet] .katex').first().waitFor({ timeout: 10_000 });
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(button.textContent()).resolves.toBe('Hide snippet');
    await expect(page.locator('link[rel="stylesheet"][href*="katex"]').count()).resolves.toBe(1);
    await button.click();
    await expect(card.locator('[data-snippet]').isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('still filters every card by tag', async () => {
    const { page, context, errors } = await open('/bits/');
    const chip = page.locator('button.chip').first();
    const label = (await chip.textContent()) ?? '';
    const count = Number(/\((\d+)\)/.exec(label)?.[1]);
    await chip.click();
    await page.waitForFunction((want) => document.querySelector('[data-count]')?.textContent?.startsWith(`${want} of`), count);
    const shown = await page.$$eval('[data-items] > [data-slug]', (all) => all.filter((c) => !(c as HTMLElement).hidden).length);
    expect(shown).toBe(count);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('without JavaScript, shows no dead buttons: each title links to the bit', async () => {
    const { page, context } = await open('/bits/', false);
    await expect(page.locator('button[data-snippet-toggle]:visible').count()).resolves.toBe(0);
    await expect(page.locator('[data-items] > [data-slug] h2 a').count()).resolves.toBe(bits);
    await context.close();
  });
});
