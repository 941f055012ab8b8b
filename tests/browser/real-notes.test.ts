import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT } from '../helpers/build';
import { servedGarden } from '../helpers/site';
import { axeViolations } from '../helpers/axe';

/** The fixture of real notes (callouts, typeset quiz facts, embeds, images), driven in Chromium. */
const site = servedGarden('real-notes-browser', join(ROOT, 'tests/fixtures/real-notes'));
const CHAPTER = '/cheatsheets/numerics/01-float-formats/';

describe('callouts in the browser', () => {
  it('a folded callout opens and closes from the keyboard, with no script on the page doing it', async () => {
    const page = await site.browser.newPage({ javaScriptEnabled: false });
    await page.goto(site.url + CHAPTER);
    const callout = page.locator('details.callout[data-callout="faq"]');
    const body = callout.locator('.callout-content');
    await expect(body.isVisible()).resolves.toBe(false);
    // Tab from the top of the page until the callout's title has focus.
    let focused = '';
    for (let step = 0; step < 40 && focused !== 'Why does bf16 keep fp32’s range?'; step++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.tagName === 'SUMMARY' ? document.activeElement.textContent?.trim() ?? '' : ''));
    }
    expect(focused).toBe('Why does bf16 keep fp32’s range?');
    await page.keyboard.press('Enter');
    await expect(callout.getAttribute('open')).resolves.toBe('');
    await expect(body.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Space');
    await expect(callout.getAttribute('open')).resolves.toBeNull();
    await page.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`callouts of every colour, and embeds, are axe-clean in the ${theme} theme, and callout titles take their type's colour`, async () => {
      const context = await site.browser.newContext({ colorScheme: theme });
      const page = await context.newPage();
      await page.addInitScript((t) => localStorage.setItem('garden-theme', t), theme);
      for (const path of [CHAPTER, '/bits/callout-colours/', '/shorts/precision-in-one-section/']) {
        await page.goto(site.url + path);
        // Open every folded callout so axe sees all of them.
        await page.evaluate(() => document.querySelectorAll('details.callout').forEach((d) => ((d as HTMLDetailsElement).open = true)));
        const severe = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(severe, `${path}: ${JSON.stringify(severe, null, 2)}`).toEqual([]);
        if (path !== '/bits/callout-colours/') continue;
        // Thirteen types, nine colours (note, info and todo are blue; failure, danger and bug red).
        const colours = await page.evaluate(() => [...document.querySelectorAll('.callout-title')].map((t) => getComputedStyle(t).color));
        expect(new Set(colours).size).toBe(9);
      }
      await context.close();
    });
  }
});

describe('typeset quiz facts in study mode', () => {
  it('a choice that is a formula can be picked, and is judged as the answer', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/cheatsheets/numerics/`);
    await page.getByRole('button', { name: 'Test yourself' }).click();
    const fact = page.locator('.fact', { hasText: 'machine epsilon for bf16' });
    await expect(fact.locator('.fact__answer').isVisible()).resolves.toBe(false);
    // The accessible name of a typeset choice is its formula as MathML reads it.
    const choices = fact.locator('.fact__choice');
    await expect(choices.count()).resolves.toBe(3);
    await expect(choices.locator('.katex').count()).resolves.toBe(3);
    await fact.locator('.fact__choice[data-choice="right"]').click();
    await expect(fact.locator('.fact__verdict').textContent()).resolves.toBe('Right.');
    await expect(fact.locator('.fact__a .katex').isVisible()).resolves.toBe(true);
    await page.close();
  });
});
