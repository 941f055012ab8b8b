/**
 * The night-before sheet's screen layout: fact cards in rows on a wide screen
 * (not one long column), the study status held under the sticky header while
 * the reader scrolls, and the printed heading saying what a filter printed.
 * At 390 and 1280 px, against the fixture garden's shared build.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureSite } from '../helpers/fixture-site';
import { partFacts } from '../helpers/fixture-quiz';
import { openPage } from '../helpers/page';

const PART = 'storage-engines';
const SHEET = `/cheatsheets/${PART}/`;
/** Every fact of the part is on its sheet. */
const FACTS = partFacts(PART).length;
const site = fixtureSite();

const problems: string[] = [];
afterEach(() => expect(problems.splice(0)).toEqual([]));

/** Reduced motion: a smooth scroll would still be under way when a position is measured. */
async function open(width: number): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, reducedMotion: 'reduce' });
  const opened = await openPage(context, site.url + SHEET);
  opened.page.on('close', () => problems.push(...opened.problems));
  return opened.page;
}

/** The deck's height against the summed heights of its cards: 1 is one card per row, 1/3 three per row. */
const stacking = (page: Page) =>
  page.locator('[data-deck]').evaluate((deck) => {
    const cards = [...deck.querySelectorAll<HTMLElement>('[data-fact-id]')];
    const stacked = cards.reduce((sum, card) => sum + card.getBoundingClientRect().height, 0);
    return deck.getBoundingClientRect().height / stacked;
  });

const statusBox = (page: Page) => page.locator('.study-status').evaluate((status) => status.getBoundingClientRect().toJSON() as DOMRect);
const headerBottom = (page: Page) => page.locator('.site-header').evaluate((header) => header.getBoundingClientRect().bottom);

describe.each([390, 1280])('the night-before sheet at %i px', (width) => {
  it('keeps the progress bar in view, just under the header, after scrolling far down', async () => {
    const page = await open(width);
    await page.getByRole('button', { name: 'Test yourself' }).click();
    await page.locator('[data-fact-id]').nth(20).getByRole('button', { name: 'Known', exact: true }).click();
    await page.locator('[data-fact-id]').last().scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(2000);
    const box = await statusBox(page);
    expect(box.top).toBeCloseTo(await headerBottom(page), 0);
    await expect(page.locator('.study-bar').isVisible()).resolves.toBe(true);
    expect(await page.locator('[data-progress]').textContent()).toBe(`1 of ${FACTS} known · 0 shaky · 0 unknown`);
    // The status never covers the fact the keys move to.
    await page.keyboard.press('j');
    const focused = await page.evaluate(() => document.activeElement!.getBoundingClientRect().top);
    expect(focused).toBeGreaterThanOrEqual(box.bottom);
    await page.context().close();
  });

  it('sets the cards out for the screen: rows of several on a wide one, one column on a phone', async () => {
    const page = await open(width);
    const ratio = await stacking(page);
    if (width === 1280) expect(ratio).toBeLessThan(0.5);
    else expect(ratio).toBeGreaterThan(0.9);
    // Reading and key order is the page's order: the second card sits right of the first on a wide screen, below it on a phone.
    const [first, second] = await page.locator('[data-fact-id]').evaluateAll((cards) => cards.slice(0, 2).map((card) => card.getBoundingClientRect().toJSON() as DOMRect));
    if (width === 1280) {
      expect(second!.left).toBeGreaterThan(first!.right);
      expect(second!.top).toBeCloseTo(first!.top, 0);
    } else expect(second!.top).toBeGreaterThan(first!.bottom);
    await page.getByRole('button', { name: 'Test yourself' }).click();
    const ids = await page.locator('[data-fact-id]').evaluateAll((cards) => cards.slice(0, 3).map((card) => (card as HTMLElement).dataset.factId));
    const walked = [await page.evaluate(() => (document.activeElement as HTMLElement).dataset.factId)];
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press('ArrowDown');
      walked.push(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.factId));
    }
    expect(walked).toEqual(ids);
    await page.context().close();
  });

  it('prints a heading that says what is printed: all the facts, or only the shaky and unknown ones', async () => {
    const page = await open(width);
    const printed = page.locator('.study-printed');
    await expect(printed.isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await printed.textContent()).toBe(`${FACTS} key facts`);
    await expect(printed.isVisible()).resolves.toBe(true);

    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Test yourself' }).click();
    const cards = page.locator('[data-fact-id]');
    await cards.nth(3).getByRole('button', { name: 'Shaky', exact: true }).click();
    await cards.nth(7).getByRole('button', { name: 'Unknown', exact: true }).click();
    await cards.nth(9).getByRole('button', { name: 'Known', exact: true }).click();
    await page.getByRole('button', { name: 'Only shaky and unknown' }).click();
    await page.emulateMedia({ media: 'print' });
    expect(await printed.textContent()).toBe(`2 shaky and unknown facts of ${FACTS}`);
    await expect(printed.isVisible()).resolves.toBe(true);
    // The lede's "N key facts to review" is not printed above a sheet of two.
    await expect(page.locator('.lede').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-fact-id]:visible').count()).resolves.toBe(2);
    await page.context().close();
  });
});
