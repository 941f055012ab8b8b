import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../helpers/fixture-site';
import { axeViolations, type AxeViolation } from '../helpers/axe';

/**
 * axe-core on one page of every template of the fixture garden, in the light
 * and the dark theme: no serious or critical violation. (Minor and moderate
 * ones are recorded by `npm run bench:lighthouse`.)
 */
const templates = [
  '/',
  '/bits/',
  '/bits/consistent-hashing-ring/',
  '/shorts/',
  '/shorts/write-amplification/',
  '/cheatsheets/',
  '/cheatsheets/storage-engines/',
  '/cheatsheets/query-processing/01-joins-and-plans/',
  // A callout and an embedded bit.
  '/cheatsheets/storage-engines/03-lsm-trees/',
  '/tags/',
  '/tags/b-tree/',
  '/search/?q=index',
  '/graph/',
  '/no-such-page/',
];

const site = fixtureSite();

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
