/**
 * The reader's due counts on the home page, /cheatsheets/ and the
 * night-before sheets: counted from the history in this browser, linking to
 * /review/ for just those facts, and absent without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT } from '../helpers/build';
import { servedGarden } from '../helpers/site';
import { openPage } from '../helpers/page';

const DAY0 = Date.UTC(2026, 2, 2, 9);
const TENSORS = 'ml-foundations/01-tensors';
const site = servedGarden('due-counts-sample', join(ROOT, 'content'));

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await site.browser.newContext({ timezoneId: 'UTC', ...options });
  if (options.javaScriptEnabled !== false) await context.clock.setFixedTime(DAY0);
  return { context, ...(await openPage(context, site.url + path)) };
}

/** The visible due counts of a page: link text → address. */
const counts = (page: Page) =>
  page.$$eval('due-count:not([data-header]) a', (links) => links.filter((a) => !(a as HTMLElement).hidden).map((a) => [a.textContent!.trim(), a.getAttribute('href')!] as const));

describe('due counts', () => {
  it('show every chapter’s facts as new in a fresh browser, each linking to its review', async () => {
    const { context, page, problems } = await open('/cheatsheets/ml-foundations/');
    const found = await counts(page);
    expect(found[0]).toEqual(['Review: 20 new', '/review/?part=ml-foundations']);
    expect(found.slice(1)).toHaveLength(10);
    expect(found[1]).toEqual(['Review: 5 new', `/review/?chapter=${encodeURIComponent(TENSORS)}`]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('follow the reader’s history: facts reviewed today leave the counts or stay due, new ones spend the day’s limit', async () => {
    const { context, page } = await open(`/review/?chapter=${TENSORS}`);
    // Two facts answered right (multiple choice): back in ten minutes, so still due today.
    for (let i = 0; i < 2; i++) {
      const choices = await page.locator('[data-choice]').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.choice));
      await page.keyboard.press(String(choices.indexOf('right') + 1));
      await page.keyboard.press('Enter');
    }
    // One plain fact rated Easy: days away.
    await page.keyboard.press(' ');
    await page.keyboard.press('4');
    await page.goto(`${site.url}/cheatsheets/`, { waitUntil: 'networkidle' });
    const found = new Map((await counts(page)).map(([text, href]) => [href, text]));
    expect(found.get(`/review/?chapter=${encodeURIComponent(TENSORS)}`)).toBe('Review: 2 due · 2 new');
    // The part's limit of 20 new facts a day already spent 3 on this chapter.
    expect(found.get('/review/?part=ml-foundations')).toBe('Review: 2 due · 17 new');
    await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
    expect((await counts(page))[0]).toEqual(['Review: 2 due · 17 new', '/review/']);
    // A day later the two learning facts are overdue and the Easy one is not yet due.
    await context.clock.setFixedTime(DAY0 + 86_400_000);
    await page.goto(`${site.url}/cheatsheets/`, { waitUntil: 'networkidle' });
    const tomorrow = new Map((await counts(page)).map(([text, href]) => [href, text]));
    expect(tomorrow.get(`/review/?chapter=${encodeURIComponent(TENSORS)}`)).toBe('Review: 2 due · 2 new');
    await context.close();
  });

  it('are not shown without JavaScript', async () => {
    const { context, page } = await open('/cheatsheets/', { javaScriptEnabled: false });
    await expect(page.locator('due-count a:visible').count()).resolves.toBe(0);
    // Two parts and the twelve chapters with quiz facts carry one each (the header's is tested in exam.test.ts).
    await expect(page.locator('due-count:not([data-header]) a').count()).resolves.toBe(14);
    await context.close();
  });
});
