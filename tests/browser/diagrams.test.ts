import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers/build';
import { servedGarden } from '../helpers/site';
import { axeViolations } from '../helpers/axe';

/** The diagrams fixture, drawn at build time, in Chromium. */
const site = servedGarden('diagrams-browser', join(ROOT, 'tests/fixtures/diagrams'));
const CHAPTER = '/cheatsheets/systems/01-pipelines/';

/** The diagram SVGs a reader sees, with their size and theme. */
function visibleDiagrams(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.diagram__svg')]
      .filter((box) => box.checkVisibility())
      .map((box) => {
        const rect = box.querySelector('svg')!.getBoundingClientRect();
        return { theme: box.classList.contains('diagram__svg--dark') ? 'dark' : 'light', width: rect.width, height: rect.height };
      }),
  );
}

/** Where the text after the diagrams sits, and how much the layout shifted since the page started loading. */
function layout(page: Page) {
  return page.evaluate(async () => {
    const shift = await new Promise<number>((done) => {
      let total = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) total += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => done(total), 300);
    });
    const end = [...document.querySelectorAll('p')].find((p) => p.textContent?.startsWith('The end of the chapter'))!;
    return { shift, endTop: end.getBoundingClientRect().top + scrollY };
  });
}

describe('Mermaid diagrams in the browser', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`shows the ${theme} drawing of each diagram in the ${theme} theme, axe-clean, with no layout shift`, async () => {
      const context = await site.browser.newContext({ colorScheme: theme });
      const page = await context.newPage();
      await page.goto(site.url + CHAPTER);
      const shown = await visibleDiagrams(page);
      expect(shown).toHaveLength(2);
      for (const diagram of shown) {
        expect(diagram.theme).toBe(theme);
        expect(diagram.width).toBeGreaterThan(100);
        expect(diagram.height).toBeGreaterThan(50);
      }
      expect((await layout(page)).shift).toBe(0);
      const severe = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(severe, JSON.stringify(severe, null, 2)).toEqual([]);
      await context.close();
    });
  }

  it('switches drawing with the theme toggle without moving the text around it, and works without JavaScript', async () => {
    const context = await site.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(site.url + CHAPTER);
    const before = await layout(page);
    await page.locator('theme-toggle button').click();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    expect((await visibleDiagrams(page)).map((d) => d.theme)).toEqual(['dark', 'dark']);
    expect((await layout(page)).endTop).toBe(before.endTop);
    await context.close();
    const plain = await site.browser.newPage({ javaScriptEnabled: false });
    await plain.goto(site.url + CHAPTER);
    expect((await visibleDiagrams(plain)).map((d) => d.theme)).toEqual(['light', 'light']);
    await plain.close();
  });

  it('fits a phone’s screen: the diagrams shrink to the column, the page does not scroll sideways', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(site.url + CHAPTER);
    for (const diagram of await visibleDiagrams(page)) expect(diagram.width).toBeLessThanOrEqual(390);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await context.close();
  });
});
