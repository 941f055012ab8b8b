import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT } from '../helpers/build';
import { servedGarden } from '../helpers/site';
import { axeViolations, type AxeViolation } from '../helpers/axe';

/**
 * axe-core on one page of every template of the sample garden, in the light
 * and the dark theme: no serious or critical violation. (Minor and moderate
 * ones are recorded by `npm run bench:lighthouse`.)
 */
const templates = [
  '/',
  '/bits/',
  '/bits/causal-mask-with-masked-fill/',
  '/shorts/',
  '/shorts/kv-cache-formula/',
  '/cheatsheets/',
  '/cheatsheets/ml-foundations/',
  '/cheatsheets/ml-interview/01-formulas-and-code/',
  '/tags/',
  '/tags/attention/',
  '/search/?q=attention',
  '/graph/',
  '/no-such-page/',
];

const site = servedGarden('perf-a11y', join(ROOT, 'content'));


async function violations(path: string, theme: 'light' | 'dark'): Promise<AxeViolation[]> {
  const context = await site.browser.newContext({ colorScheme: theme });
  try {
    const page = await context.newPage();
    await page.addInitScript((t) => localStorage.setItem('garden-theme', t), theme);
    await page.goto(site.url + path);
    return await axeViolations(page);
  } finally {
    await context.close();
  }
}

describe('accessibility (axe-core)', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const path of templates) {
      it(`${path} in the ${theme} theme has no serious or critical violation`, async () => {
        const found = await violations(path, theme);
        const severe = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(severe, JSON.stringify(severe, null, 2)).toEqual([]);
      });
    }
  }

  it('can fail: a page with an unlabelled button and low-contrast text is caught', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.setContent('<!doctype html><html lang="en"><head><title>x</title></head><body><main><button></button><p style="color:#ccc;background:#fff">faint</p></main></body></html>');
    const ids = (await axeViolations(page)).map((v) => v.id);
    await context.close();
    expect(ids).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
  });
});
