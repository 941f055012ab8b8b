/**
 * The reader's due counts on the home page, /cheatsheets/ and the
 * night-before sheets: counted from the history in this browser, linking to
 * /review/ for just those facts, and absent without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fixtureSite } from '../helpers/fixture-site';
import { chapterFacts, fixtureParts, fixtureQuizzes, partChapters, partFacts } from '../helpers/fixture-quiz';
import { openPage } from '../helpers/page';

const DAY0 = Date.UTC(2026, 2, 2, 9);
/** Its first two facts are multiple choice. */
const CHAPTER = 'storage-engines/01-pages-and-records';
const PART = 'storage-engines';
/** Review lets in at most this many new facts a day (src/lib/study), for the part as for the whole garden. */
const NEW_A_DAY = 20;
const site = fixtureSite();

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
    const { context, page, problems } = await open(`/cheatsheets/${PART}/`);
    expect(partFacts(PART).length).toBeGreaterThan(NEW_A_DAY);
    const found = await counts(page);
    expect(found[0]).toEqual([`Review: ${NEW_A_DAY} new`, `/review/?part=${PART}`]);
    expect(found.slice(1)).toHaveLength(partChapters(PART).length);
    expect(found[1]).toEqual([`Review: ${chapterFacts(CHAPTER).length} new`, `/review/?chapter=${encodeURIComponent(CHAPTER)}`]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('follow the reader’s history: facts reviewed today leave the counts or stay due, new ones spend the day’s limit', async () => {
    const { context, page } = await open(`/review/?chapter=${CHAPTER}`);
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
    // Of the chapter's facts, 3 were reviewed: 2 still due today, the rest new.
    const stillNew = chapterFacts(CHAPTER).length - 3;
    expect(found.get(`/review/?chapter=${encodeURIComponent(CHAPTER)}`)).toBe(`Review: 2 due · ${stillNew} new`);
    // The part's limit of 20 new facts a day already spent 3 on this chapter.
    expect(found.get(`/review/?part=${PART}`)).toBe(`Review: 2 due · ${NEW_A_DAY - 3} new`);
    await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
    expect((await counts(page))[0]).toEqual([`Review: 2 due · ${NEW_A_DAY - 3} new`, '/review/']);
    // A day later the two learning facts are overdue and the Easy one is not yet due.
    await context.clock.setFixedTime(DAY0 + 86_400_000);
    await page.goto(`${site.url}/cheatsheets/`, { waitUntil: 'networkidle' });
    const tomorrow = new Map((await counts(page)).map(([text, href]) => [href, text]));
    expect(tomorrow.get(`/review/?chapter=${encodeURIComponent(CHAPTER)}`)).toBe(`Review: 2 due · ${stillNew} new`);
    await context.close();
  });

  it('are not shown without JavaScript', async () => {
    const { context, page } = await open('/cheatsheets/', { javaScriptEnabled: false });
    await expect(page.locator('due-count a:visible').count()).resolves.toBe(0);
    // Each part and each chapter with quiz facts carries one (the header's is tested in exam.test.ts).
    await expect(page.locator('due-count:not([data-header]) a').count()).resolves.toBe(fixtureParts.length + fixtureQuizzes.length);
    await context.close();
  });
});
