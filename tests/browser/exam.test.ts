/**
 * Exam mode, levels and follow-ups, the header's due count and rich review
 * cards, in Debian's Chromium against the fixture garden's shared build:
 * an exam by keyboard and one by mouse with a time limit that runs out (the
 * browser's clock moved by the test), review limited to a level, a follow-up
 * asked after its fact, the sheets' level filter, and axe.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fixtureSite } from '../helpers/fixture-site';
import { allFacts, chapterFacts, fixtureParts, followupCount, partFacts } from '../helpers/fixture-quiz';
import { openPage } from '../helpers/page';
import { read } from '../helpers/files';
import { axeViolations } from '../helpers/axe';

const DAY0 = Date.UTC(2026, 2, 2, 9);
/** Every fact has a level; the first has a follow-up whose answer is a formula, the second's answer is a formula. */
const CHAPTER = 'query-processing/01-joins-and-plans';
/** The part whose facts have levels and follow-ups. */
const PART = 'query-processing';
const HISTORY = 'garden-review-history';
const site = fixtureSite();

interface DeckFact {
  id: string;
  c: string;
  q: string;
  a: string;
  t?: string;
  d?: string[];
  l?: number;
  p?: string;
}
const deck = () => JSON.parse(read(site.build.outDir, 'review/facts.json')) as { facts: DeckFact[]; levels: { level: number; label: string }[] };

async function open(path: string, { clock = 'fixed', ...options }: { clock?: 'fixed' | 'installed' } & Parameters<Browser['newContext']>[0] = {}) {
  const context = await site.browser.newContext({ viewport: { width: 1000, height: 900 }, timezoneId: 'UTC', ...options });
  if (options.javaScriptEnabled !== false) {
    if (clock === 'installed') await context.clock.install({ time: DAY0 });
    else await context.clock.setFixedTime(DAY0);
  }
  const { page, problems } = await openPage(context, site.url + path);
  return { context, page, problems };
}

/** The facts of the exam on screen, in order, found in the deck by their question's HTML. */
async function examFacts(page: Page): Promise<DeckFact[]> {
  const questions = await page.locator('[data-questions] .exam-question__q').evaluateAll((ps) => ps.map((p) => p.innerHTML));
  return questions.map((html) => deck().facts.find((fact) => fact.q === html)!);
}

/** Which choice (by position on screen) is the answer of a multiple-choice question. */
const rightChoice = (page: Page, index: number, fact: DeckFact) =>
  page.locator('[data-questions] > li').nth(index).locator('.exam-choice span').evaluateAll((spans, answer) => spans.findIndex((s) => s.innerHTML === answer), fact.a);

const stored = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{"facts":{}}').facts, HISTORY) as Promise<Record<string, { reviews: [number, number][]; due: number }>>;
const headerCount = (page: Page) => page.locator('.site-header due-count a').evaluate((a) => ((a as HTMLElement).hidden ? null : [a.textContent!.trim(), a.getAttribute('href')]));

describe('an exam', () => {
  it('draws the same facts for the same seed and different ones for another', async () => {
    const { context, page } = await open(`/exam/?part=${PART}&start=1&n=5&seed=7`);
    const first = (await examFacts(page)).map((f) => f.id);
    await page.goto(`${site.url}/exam/?part=${PART}&start=1&n=5&seed=7`, { waitUntil: 'networkidle' });
    expect((await examFacts(page)).map((f) => f.id)).toEqual(first);
    await page.goto(`${site.url}/exam/?part=${PART}&start=1&n=5&seed=8`, { waitUntil: 'networkidle' });
    expect((await examFacts(page)).map((f) => f.id)).not.toEqual(first);
    expect(first).toHaveLength(5);
    expect(deck().facts.filter((f) => f.p).map((f) => f.id)).not.toContain(first[0]);
    await context.close();
  });

  it('runs by keyboard: no answer shown until the end, then the score, the missed facts with explanations, sent to review', async () => {
    const { context, page, problems } = await open(`/exam/?chapter=${CHAPTER}&start=1&n=4&seed=7`);
    const facts = await examFacts(page);
    expect(facts).toHaveLength(4);
    // Seed 7 draws a multiple-choice question first and a typed one second, so both ways of answering and a typed miss are tried.
    expect(facts[0]!.d).toBeDefined();
    expect(facts[1]!.d).toBeUndefined();
    // The paper holds no answer: none of the plain facts' answers is on the page before the end.
    const paper = await page.locator('[data-paper]').innerHTML();
    for (const fact of facts.filter((f) => !f.d)) expect(paper).not.toContain(fact.a);
    await expect(page.locator('[data-results]').isVisible()).resolves.toBe(false);
    // Right, wrong, right, blank, in order, with Tab between questions.
    const plan = ['right', 'wrong', 'right', 'blank'] as const;
    let expectedRight = 0;
    for (const [index, fact] of facts.entries()) {
      const what = plan[index]!;
      if (fact.d) {
        const right = await rightChoice(page, index, fact);
        const pick = what === 'right' ? right : right === 0 ? 1 : 0;
        if (what !== 'blank') {
          await page.keyboard.press(' ');
          for (let i = 0; i < pick; i++) await page.keyboard.press('ArrowDown');
        }
      } else if (what !== 'blank') await page.keyboard.type(what === 'right' ? ` ${fact.t!.toUpperCase()} ` : 'no idea');
      if (what === 'right') expectedRight++;
      await page.keyboard.press('Tab');
    }
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Finish and see my score');
    await page.keyboard.press('Enter');
    await page.locator('[data-results]').waitFor();
    await expect(page.locator('[data-score]').textContent()).resolves.toBe(`Score: ${expectedRight} of 4 (${expectedRight * 25} %)`);
    const missed = page.locator('[data-missed] > li');
    await expect(missed.count()).resolves.toBe(4 - expectedRight);
    // Each missed fact shows the reader's answer, the answer and its explanation, typeset as on the sheets.
    const wrong = facts[1]!;
    const wrongItem = missed.filter({ has: page.locator(`.exam-question__q`, { hasText: (await page.evaluate((h) => Object.assign(document.createElement('p'), { innerHTML: h }).textContent!, wrong.q)).slice(0, 30) }) });
    await expect(wrongItem.locator('.fact__a').innerHTML()).resolves.toContain(wrong.a);
    await expect(wrongItem.locator('.fact__e').isVisible()).resolves.toBe(true);
    if (!wrong.d) {
      await expect(wrongItem.locator('.exam-missed__yours').textContent()).resolves.toBe('You answered: no idea');
      // A typed answer the page could not match is the reader's to grade.
      await wrongItem.getByRole('button', { name: 'I had it right' }).click();
      expectedRight++;
      await expect(page.locator('[data-score]').textContent()).resolves.toBe(`Score: ${expectedRight} of 4 (${expectedRight * 25} %)`);
    }
    const stillMissed = await page.locator('[data-missed] .exam-question__q').evaluateAll((ps) => ps.map((p) => p.innerHTML));
    const missedIds = stillMissed.map((html) => deck().facts.find((f) => f.q === html)!.id).sort();
    await page.getByRole('button', { name: /^Send the \d+ missed facts? to review$/ }).click();
    await expect(page.locator('[data-sent]').textContent()).resolves.toMatch(/^Sent: \d+ facts? due now in review\.$/);
    const history = await stored(page);
    expect(Object.keys(history).sort()).toEqual(missedIds);
    for (const id of missedIds) expect(history[id]).toEqual({ reviews: [[DAY0, 1]], due: DAY0 });
    // They are due now: the header says so on every page, and review asks them.
    await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
    await expect(headerCount(page)).resolves.toEqual([`${missedIds.length} due`, '/review/']);
    await page.goto(`${site.url}/review/?chapter=${CHAPTER}`, { waitUntil: 'networkidle' });
    const asked = await page.locator('[data-question]').innerHTML();
    expect(deck().facts.find((f) => f.q === asked)!.id).toBe(missedIds.length === 1 ? missedIds[0] : expect.any(String));
    expect(missedIds).toContain(deck().facts.find((f) => f.q === asked)!.id);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('runs by mouse from its settings, with a time limit that ends it', async () => {
    const { context, page, problems } = await open(`/exam/?chapter=${CHAPTER}`, { clock: 'installed' });
    await expect(page.locator('[data-status]').textContent()).resolves.toBe(`${chapterFacts(CHAPTER).length} facts to draw from.`);
    await page.getByLabel('Questions').fill('3');
    await page.getByLabel('Time limit').selectOption('5');
    await page.getByRole('button', { name: 'Start the exam' }).click();
    await page.locator('[data-paper]').waitFor();
    const address = new URL(page.url());
    expect([address.searchParams.get('chapter'), address.searchParams.get('n'), address.searchParams.get('minutes'), address.searchParams.get('start')]).toEqual([CHAPTER, '3', '5', '1']);
    expect(address.searchParams.get('seed')).toMatch(/^\d+$/);
    await expect(page.locator('[data-timer]').textContent()).resolves.toBe('Time left: 5:00');
    const facts = await examFacts(page);
    expect(facts).toHaveLength(3);
    for (const [index, fact] of facts.entries()) {
      const item = page.locator('[data-questions] > li').nth(index);
      if (fact.d) await item.locator('.exam-choice').nth(await rightChoice(page, index, fact)).click();
      else await item.locator('input').fill(fact.t!);
    }
    await context.clock.fastForward('02:00');
    await expect(page.locator('[data-timer]').textContent()).resolves.toBe('Time left: 3:00');
    await context.clock.fastForward('03:01');
    await page.locator('[data-results]').waitFor();
    await expect(page.locator('[data-status]').textContent()).resolves.toBe('Time is up: your answers so far are scored.');
    await expect(page.locator('[data-score]').textContent()).resolves.toBe('Score: 3 of 3 (100 %)');
    await expect(page.locator('[data-action="send"]').isVisible()).resolves.toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript says what it needs and links the night-before sheets', async () => {
    const { context, page } = await open(`/exam/?part=${PART}`, { javaScriptEnabled: false });
    await expect(page.getByText('Exams need JavaScript.').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-nojs] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(fixtureParts.map((part) => `/cheatsheets/${part}/`));
    await context.close();
  });

  it('is linked from /cheatsheets/ and the night-before sheets, and has no serious axe violation', async () => {
    const { context, page } = await open('/cheatsheets/');
    await expect(page.getByRole('link', { name: 'Take an exam' }).evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(fixtureParts.map((part) => `/exam/?part=${part}`));
    await page.goto(`${site.url}/cheatsheets/${PART}/`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Take an exam' }).click();
    await page.getByRole('button', { name: 'Start the exam' }).click();
    await page.locator('[data-paper]').waitFor();
    const severe = async () => (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    await expect(severe()).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Finish and see my score' }).click();
    await page.locator('[data-results]').waitFor();
    await expect(severe()).resolves.toEqual([]);
    await context.close();
  });
});

describe('levels and follow-ups', () => {
  it('review limited to a level asks only the facts of that level', async () => {
    const level3 = deck().facts.filter((f) => f.l === 3);
    // The quiz files' level-3 facts, and their follow-ups, which have their fact's level.
    const declared = allFacts().filter((f) => f.level === 3);
    expect(level3.length).toBe(declared.length + followupCount(declared));
    expect(level3.length).toBeGreaterThan(1);
    const { context, page, problems } = await open('/review/?level=3');
    await expect(page.locator('[data-status]').textContent()).resolves.toBe(`${level3.length} facts to go`);
    await expect(page.locator('[data-scope-link="level=3"]').getAttribute('aria-current')).resolves.toBe('page');
    const asked: string[] = [];
    for (let i = 0; i < 10 && (await page.locator('[data-card]').isVisible()); i++) {
      asked.push(await page.locator('[data-question]').innerHTML());
      if (await page.locator('[data-choices]').isVisible()) {
        await page.locator('[data-choice="right"]').click();
        await page.getByRole('button', { name: /^Next/ }).click();
      } else {
        await page.getByRole('button', { name: /^Show answer/ }).click();
        await page.getByRole('button', { name: /^Easy/ }).click();
      }
    }
    // A multiple-choice fact answered right comes back in ten minutes, later in the same session.
    // The deck's HTML as the page serialises it (the build writes `<` in code as `&#x3C;`, innerHTML gives `&lt;`).
    const expected = await page.evaluate((html) => html.map((h) => Object.assign(document.createElement('template'), { innerHTML: h }).innerHTML), level3.map((f) => f.q));
    expect([...new Set(asked)].sort()).toEqual(expected.sort());
    expect(problems).toEqual([]);
    await context.close();
  });

  it('asks a follow-up right after its fact, under the fact it follows, with formulas typeset', async () => {
    const { context, page } = await open(`/review/?chapter=${CHAPTER}`);
    const facts = deck().facts.filter((f) => f.c === CHAPTER);
    const [first, followup] = facts;
    expect(followup!.p).toBe(first!.id);
    await expect(page.locator('[data-question]').innerHTML()).resolves.toBe(first!.q);
    await expect(page.locator('[data-parent]').isVisible()).resolves.toBe(false);
    await page.keyboard.press(' ');
    await page.keyboard.press('3');
    await expect(page.locator('[data-question]').innerHTML()).resolves.toBe(followup!.q);
    await expect(page.locator('[data-parent]').innerText()).resolves.toContain('Follow-up to:');
    await expect(page.locator('[data-parent-text]').innerHTML()).resolves.toContain(first!.q);
    await page.keyboard.press(' ');
    // The answer as the sheets show it: a typeset formula, not its TeX source; no "Why" line for a follow-up.
    await expect(page.locator('[data-answer-text] .katex').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('[data-why]').isVisible()).resolves.toBe(false);
    await page.keyboard.press('3');
    // The fact after it is the chapter's second, whose own answer is a formula.
    await expect(page.locator('[data-question]').innerHTML()).resolves.toBe(facts[2]!.q);
    await page.keyboard.press(' ');
    await expect(page.locator('[data-answer-text] .katex-mathml').count()).resolves.toBe(1);
    const history = await stored(page);
    expect(Object.keys(history)).toEqual([first!.id, followup!.id]);
    await context.close();
  });

  it('sheets show each fact’s level and follow-ups and filter by level', async () => {
    const { context, page, problems } = await open(`/cheatsheets/${PART}/`);
    const declared = partFacts(PART);
    expect(declared[0]!.level).toBe(1);
    await expect(page.locator('.fact__level').first().textContent()).resolves.toBe('L1 Basic');
    expect(followupCount(declared)).toBeGreaterThan(0);
    await expect(page.locator('.fact__followup').count()).resolves.toBe(followupCount(declared));
    const shown = () => page.locator('[data-fact-id]:visible').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.level ?? ''));
    const all = (await shown()).length;
    await page.getByRole('button', { name: 'L3 Deep' }).click();
    const deep = declared.filter((f) => f.level === 3).map(() => '3');
    expect(deep.length).toBeGreaterThan(1);
    await expect(shown()).resolves.toEqual(deep);
    await expect(page.getByRole('button', { name: 'L3 Deep' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByRole('button', { name: 'All levels' }).click();
    await expect(shown().then((s) => s.length)).resolves.toBe(all);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the header’s due count', () => {
  it('is absent, and downloads nothing, for a reader with no history; says "N due" with facts due today', async () => {
    const { context, page } = await open('/bits/');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.reload({ waitUntil: 'networkidle' });
    await expect(headerCount(page)).resolves.toBeNull();
    expect(requests).not.toContain('/review/facts.json');
    // A fact rated Again is due again in minutes: due today.
    const [fact] = deck().facts;
    await page.evaluate(([key, id, at]) => localStorage.setItem(key as string, JSON.stringify({ format: 'garden-review-history', version: 1, facts: { [id as string]: { reviews: [[at, 1]], due: (at as number) + 60_000 }, 'deleted/fact#x': { reviews: [[at, 1]], due: at } } })), [HISTORY, fact!.id, DAY0] as const);
    await page.reload({ waitUntil: 'networkidle' });
    // The deleted fact is not counted.
    await expect(headerCount(page)).resolves.toEqual(['1 due', '/review/']);
    await context.close();
  });

  it('fits a 390 px phone’s header', async () => {
    const { context, page } = await open('/', { viewport: { width: 390, height: 800 } });
    const [fact] = deck().facts;
    await page.evaluate(([key, id, at]) => localStorage.setItem(key as string, JSON.stringify({ format: 'garden-review-history', version: 1, facts: { [id as string]: { reviews: [[at, 1]], due: at } } })), [HISTORY, fact!.id, DAY0] as const);
    await page.reload({ waitUntil: 'networkidle' });
    await expect(headerCount(page)).resolves.toEqual(['1 due', '/review/']);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await context.close();
  });
});
