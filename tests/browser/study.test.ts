/**
 * Study mode in Debian's Chromium against the fixture garden's shared build:
 * the no-JavaScript sheet, reveal, marks by mouse and keys, persistence,
 * filters, shuffle, reset and multiple choice. Broken storage, layout and
 * printing are in study-storage-print.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { OUTPUT } from '../helpers/build';
import { fixtureSite } from '../helpers/fixture-site';
import { chapterFacts } from '../helpers/fixture-quiz';
import { read } from '../helpers/files';
import { NAME, SHOTS, PART, SHEET, SHEET_FACTS, CHAPTER_ID, CHAPTER, CHAPTER_FACTS, OTHER_CHAPTER, facts, choice, progress, startTest, visibleIds, allIds, storedMarks, focusedFact, studyPageOpener } from '../helpers/study-page';

const site = fixtureSite();
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
const open = studyPageOpener(site);

describe('the page without JavaScript', () => {
  it('is the plain sheet: every answer and explanation visible, no study buttons', async () => {
    const { context, page } = await open(SHEET, { javaScriptEnabled: false });
    await expect(facts(page).count()).resolves.toBe(SHEET_FACTS);
    const hiddenAnswers = await page.$$eval('.fact__answer', (items) => items.filter((item) => (item as HTMLElement).offsetParent === null).length);
    expect(hiddenAnswers).toBe(0);
    await expect(page.locator('.fact__e').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-study-tools]:visible').count()).resolves.toBe(0);
    await expect(page.locator('.fact__choices, .fact__tools, .fact__from').evaluateAll((items) => items.filter((i) => (i as HTMLElement).offsetParent !== null).length)).resolves.toBe(0);
    await expect(page.locator('button:visible').count()).resolves.toBe(0);
    await page.screenshot({ path: join(SHOTS, 'no-js.png') });
    await context.close();
  });
});

describe('the script', () => {
  it('is small and loads only on pages with quiz facts', () => {
    const scriptOf = (path: string) => [...read(site.build.outDir, path).matchAll(/<script type="module" src="\/(_astro\/QuizSession[^"]+\.js)"/g)].map((m) => m[1]!);
    const [script] = scriptOf(`cheatsheets/${PART}/index.html`);
    expect(script).toBeTruthy();
    expect(scriptOf(`cheatsheets/${CHAPTER_ID}/index.html`)).toEqual([script]);
    for (const page of ['index.html', 'bits/index.html', 'shorts/write-amplification/index.html', 'cheatsheets/index.html', 'tags/index.html']) {
      expect(scriptOf(page), page).toEqual([]);
    }
    const gzipped = gzipSync(readFileSync(join(site.build.outDir, script!)), { level: 9 }).length;
    writeFileSync(join(OUTPUT, NAME, 'script-size.txt'), `${script}: ${readFileSync(join(site.build.outDir, script!)).length} bytes, ${gzipped} bytes gzip -9\n`);
    expect(gzipped).toBeLessThanOrEqual(6 * 1024);
  });

  it('renders each fact once, with its id and chapter as data attributes and no JSON copy', () => {
    const html = read(site.build.outDir, `cheatsheets/${CHAPTER_ID}/index.html`);
    expect(html).toMatch(/<li class="fact" id="fact-storage-engines-01-pages-and-records-[0-9a-z]+" data-fact-id="storage-engines\/01-pages-and-records#[0-9a-z]+" data-chapter="storage-engines\/01-pages-and-records"/);
    // From the explanation of the null-column fact, which only the quiz file says.
    expect(html.split('a null value itself stores no bytes').length - 1).toBe(1);
    expect(html).not.toContain('application/json');
  });
});

describe('test yourself', () => {
  it('hides answers and reveals one by click, by clicking the card, by Enter and by Space', async () => {
    const { context, page, problems } = await open(CHAPTER);
    await expect(progress(page)).resolves.toBe(`0 of ${CHAPTER_FACTS} known · 0 shaky · 0 unknown`);
    await startTest(page);
    const answers = page.locator('.fact__answer');
    for (let i = 0; i < CHAPTER_FACTS; i++) await expect(answers.nth(i).isVisible()).resolves.toBe(false);

    await facts(page).nth(0).getByRole('button', { name: 'Show answer' }).click();
    await expect(answers.nth(0).isVisible()).resolves.toBe(true);
    await expect(facts(page).nth(0).getByRole('button', { name: 'Hide answer' }).getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(answers.nth(1).isVisible()).resolves.toBe(false);

    await facts(page).nth(2).locator('.fact__q').click();
    await expect(answers.nth(2).isVisible()).resolves.toBe(true);

    await facts(page).nth(3).focus();
    await page.keyboard.press('Enter');
    await expect(answers.nth(3).isVisible()).resolves.toBe(true);
    await facts(page).nth(4).focus();
    await page.keyboard.press(' ');
    await expect(answers.nth(4).isVisible()).resolves.toBe(true);
    await expect(answers.nth(1).isVisible()).resolves.toBe(false);
    await page.screenshot({ path: join(SHOTS, 'chapter-test.png'), fullPage: true });

    await page.getByRole('button', { name: 'Back to the sheet' }).click();
    for (let i = 0; i < CHAPTER_FACTS; i++) await expect(answers.nth(i).isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('marks by mouse: known, shaky, unknown, and a second click unmarks', async () => {
    const { context, page } = await open(CHAPTER);
    await startTest(page);
    const first = facts(page).nth(0);
    await first.getByRole('button', { name: 'Known', exact: true }).click();
    await expect(first.getByRole('button', { name: 'Known', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    await facts(page).nth(1).getByRole('button', { name: 'Shaky', exact: true }).click();
    await facts(page).nth(2).getByRole('button', { name: 'Unknown', exact: true }).click();
    await expect(progress(page)).resolves.toBe(`1 of ${CHAPTER_FACTS} known · 1 shaky · 1 unknown`);
    const knownBar = await page.locator('[data-bar="known"]').evaluate((bar) => (bar as HTMLElement).style.width);
    expect(knownBar).toMatch(/%$/);
    expect(Number.parseFloat(knownBar)).toBeCloseTo(100 / CHAPTER_FACTS, 3);

    await facts(page).nth(1).getByRole('button', { name: 'Known', exact: true }).click();
    await expect(progress(page)).resolves.toBe(`2 of ${CHAPTER_FACTS} known · 0 shaky · 1 unknown`);
    await first.getByRole('button', { name: 'Known', exact: true }).click();
    await expect(first.getByRole('button', { name: 'Known', exact: true }).getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(progress(page)).resolves.toBe(`1 of ${CHAPTER_FACTS} known · 0 shaky · 1 unknown`);
    await context.close();
  });

  it('moves with arrow keys and j/k, and marks with 1/2/3', async () => {
    const { context, page } = await open(CHAPTER);
    await startTest(page);
    const ids = await allIds(page);
    expect(await focusedFact(page)).toBe(ids[0]);
    await page.keyboard.press('1');
    await page.keyboard.press('j');
    expect(await focusedFact(page)).toBe(ids[1]);
    await page.keyboard.press('2');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusedFact(page)).toBe(ids[3]);
    await page.keyboard.press('3');
    await page.keyboard.press('k');
    expect(await focusedFact(page)).toBe(ids[2]);
    await page.keyboard.press('Enter');
    await expect(facts(page).nth(2).locator('.fact__answer').isVisible()).resolves.toBe(true);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focusedFact(page)).toBe(ids[0]);
    await expect(progress(page)).resolves.toBe(`1 of ${CHAPTER_FACTS} known · 1 shaky · 1 unknown`);
    expect(await storedMarks(page)).toEqual({ [ids[0]!]: 'known', [ids[1]!]: 'shaky', [ids[3]!]: 'unknown' });
    // Keys do nothing outside test mode.
    await page.getByRole('button', { name: 'Back to the sheet' }).click();
    await facts(page).nth(4).focus();
    await page.keyboard.press('1');
    await expect(progress(page)).resolves.toBe(`1 of ${CHAPTER_FACTS} known · 1 shaky · 1 unknown`);
    await context.close();
  });

  it('keeps marks across a reload and shares them between a chapter and its night-before sheet', async () => {
    const { context, page } = await open(CHAPTER);
    await startTest(page);
    await facts(page).nth(0).getByRole('button', { name: 'Known', exact: true }).click();
    await facts(page).nth(4).getByRole('button', { name: 'Unknown', exact: true }).click();
    const ids = await allIds(page);
    await page.reload({ waitUntil: 'networkidle' });
    await expect(progress(page)).resolves.toBe(`1 of ${CHAPTER_FACTS} known · 0 shaky · 1 unknown`);
    await startTest(page);
    await expect(facts(page).nth(0).getByRole('button', { name: 'Known', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(facts(page).nth(4).getByRole('button', { name: 'Unknown', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');

    await page.goto(site.url + SHEET, { waitUntil: 'networkidle' });
    await expect(progress(page)).resolves.toBe(`1 of ${SHEET_FACTS} known · 0 shaky · 1 unknown`);
    await expect(page.locator(`[data-fact-id="${ids[0]}"]`).getAttribute('data-mark')).resolves.toBe('known');
    await context.close();
  });

  it('filters to shaky and unknown facts, and to facts not yet marked', async () => {
    const { context, page } = await open(SHEET);
    await startTest(page);
    const ids = await allIds(page);
    await page.locator(`[data-fact-id="${ids[0]}"]`).getByRole('button', { name: 'Known', exact: true }).click();
    await page.locator(`[data-fact-id="${ids[1]}"]`).getByRole('button', { name: 'Shaky', exact: true }).click();
    await page.locator(`[data-fact-id="${ids[7]}"]`).getByRole('button', { name: 'Unknown', exact: true }).click();

    await page.getByRole('button', { name: 'Only shaky and unknown' }).click();
    expect(await visibleIds(page)).toEqual([ids[1], ids[7]]);
    // A chapter whose facts are all filtered away loses its heading too.
    // (The first chapter has 5 facts, so ids[1] is in the first and ids[7] in the second.)
    await expect(page.locator('[data-chapter-group]:visible').count()).resolves.toBe(2);
    await page.screenshot({ path: join(SHOTS, 'sheet-weak.png'), fullPage: true });

    await page.getByRole('button', { name: 'Not yet marked' }).click();
    expect(await visibleIds(page)).toEqual(ids.filter((_, i) => ![0, 1, 7].includes(i)));
    // Marking a fact under this filter takes it off the list and moves on to the next one.
    await page.locator(`[data-fact-id="${ids[2]}"]`).focus();
    await page.keyboard.press('1');
    expect(await visibleIds(page)).not.toContain(ids[2]);
    expect(await focusedFact(page)).toBe(ids[3]);

    await page.getByRole('button', { name: `All ${SHEET_FACTS}` }).click();
    expect(await visibleIds(page)).toEqual(ids);
    await context.close();
  });

  it('says so when a filter leaves nothing', async () => {
    const { context, page } = await open(CHAPTER);
    await startTest(page);
    await page.getByRole('button', { name: 'Only shaky and unknown' }).click();
    expect(await visibleIds(page)).toEqual([]);
    await expect(page.locator('[data-empty]').textContent()).resolves.toBe('Nothing here is marked shaky or unknown.');
    await context.close();
  });

  it('shuffles across chapters, labels each fact with its chapter, and restores the order', async () => {
    const { context, page } = await open(SHEET);
    await startTest(page);
    const ids = await allIds(page);
    await page.getByRole('button', { name: 'Shuffle' }).click();
    await expect(page.getByRole('button', { name: 'Shuffle' }).getAttribute('aria-pressed')).resolves.toBe('true');
    const mixed = await visibleIds(page);
    expect(mixed).not.toEqual(ids);
    expect([...mixed].sort()).toEqual([...ids].sort());
    await expect(page.locator('.fact__from:visible').count()).resolves.toBe(SHEET_FACTS);
    await expect(page.locator('[data-chapter-group]:visible').count()).resolves.toBe(0);
    await page.keyboard.press('j');
    expect(await focusedFact(page)).toBe(mixed[0]);
    await page.screenshot({ path: join(SHOTS, 'sheet-shuffled.png') });

    await page.getByRole('button', { name: 'Shuffle' }).click();
    expect(await visibleIds(page)).toEqual(ids);
    await expect(page.locator('.fact__from:visible').count()).resolves.toBe(0);
    await context.close();
  });

  it('resets this page\'s marks only after a confirmation, and keeps other pages\' marks', async () => {
    const { context, page } = await open(OTHER_CHAPTER);
    await startTest(page);
    await facts(page).nth(0).getByRole('button', { name: 'Shaky', exact: true }).click();
    const elsewhere = (await allIds(page))[0]!;

    await page.goto(site.url + CHAPTER, { waitUntil: 'networkidle' });
    await startTest(page);
    await expect(page.getByRole('button', { name: 'Reset marks' }).isDisabled()).resolves.toBe(true);
    await facts(page).nth(0).getByRole('button', { name: 'Known', exact: true }).click();
    await facts(page).nth(1).getByRole('button', { name: 'Unknown', exact: true }).click();
    await facts(page).nth(1).getByRole('button', { name: 'Show answer' }).click();

    await page.getByRole('button', { name: 'Reset marks' }).click();
    await expect(page.locator('[data-confirm]').textContent()).resolves.toContain('Clear all 2 marks on this page?');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.locator('[data-confirm]').isVisible()).resolves.toBe(false);
    await expect(progress(page)).resolves.toBe(`1 of ${CHAPTER_FACTS} known · 0 shaky · 1 unknown`);

    await page.getByRole('button', { name: 'Reset marks' }).click();
    await page.getByRole('button', { name: 'Yes, clear them' }).click();
    await expect(progress(page)).resolves.toBe(`0 of ${CHAPTER_FACTS} known · 0 shaky · 0 unknown`);
    await expect(facts(page).nth(1).locator('.fact__answer').isVisible()).resolves.toBe(false);
    expect(await storedMarks(page)).toEqual({ [elsewhere]: 'shaky' });
    await page.reload({ waitUntil: 'networkidle' });
    await expect(progress(page)).resolves.toBe(`0 of ${CHAPTER_FACTS} known · 0 shaky · 0 unknown`);
    await context.close();
  });
});

describe('multiple choice', () => {
  it('shows a fact with distractors as shuffled choices; a wrong pick reveals the answer and the explanation', async () => {
    const { context, page } = await open(CHAPTER);
    await expect(page.locator('.fact__choice:visible').count()).resolves.toBe(0);
    await startTest(page);
    // "What is the default page size of a PostgreSQL table file?" 8 KB, or one of its distractors.
    const pageSize = facts(page).nth(0);
    const declared = chapterFacts(CHAPTER_ID)[0]!;
    const choices = pageSize.locator('.fact__choice');
    await expect(choices.allTextContents()).resolves.toHaveLength(1 + declared.distractors!.length);
    expect((await choices.allTextContents()).sort()).toEqual([declared.answer, ...declared.distractors!].sort());
    await expect(pageSize.locator('.fact__answer').isVisible()).resolves.toBe(false);

    await choice(pageSize, '64 KB').click();
    await expect(pageSize.locator('.fact__answer').isVisible()).resolves.toBe(true);
    await expect(pageSize.locator('.fact__e').textContent()).resolves.toContain('PostgreSQL reads, caches and writes tables in 8 KB pages');
    await expect(pageSize.locator('.fact__verdict').textContent()).resolves.toBe('Not quite. The answer:');
    await expect(choice(pageSize, '64 KB').getAttribute('class')).resolves.toContain('is-wrong');
    await expect(choice(pageSize, '8 KB').getAttribute('class')).resolves.toContain('is-right');
    // One pick per round: a second click changes nothing.
    await choice(pageSize, '4 KB').click();
    await expect(choice(pageSize, '4 KB').getAttribute('class')).resolves.not.toContain('is-');

    const slottedPage = facts(page).nth(1);
    await choice(slottedPage, 'Slots grow forward from the header, rows grow backward from the end').click();
    await expect(slottedPage.locator('.fact__verdict').textContent()).resolves.toBe('Right.');
    await expect(slottedPage.locator('.fact__answer').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(SHOTS, 'multiple-choice.png'), fullPage: true });

    // Each round starts unpicked, with the choices in a new order.
    const orders = new Set<string>();
    for (let round = 0; round < 8; round++) {
      await page.getByRole('button', { name: 'Back to the sheet' }).click();
      await startTest(page);
      orders.add((await choices.allTextContents()).join('|'));
    }
    expect(orders.size).toBeGreaterThan(1);
    await expect(pageSize.locator('.fact__answer').isVisible()).resolves.toBe(false);
    await expect(pageSize.locator('.is-wrong, .is-right').count()).resolves.toBe(0);
    await context.close();
  });
});
