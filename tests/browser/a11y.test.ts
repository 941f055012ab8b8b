import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/build';
import { servedGarden } from '../helpers/site';

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
  '/no-such-page/',
];
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

const site = servedGarden('perf-a11y', join(ROOT, 'content'));

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

async function violations(path: string, theme: 'light' | 'dark'): Promise<Violation[]> {
  const context = await site.browser.newContext({ colorScheme: theme });
  try {
    const page = await context.newPage();
    await page.addInitScript((t) => localStorage.setItem('garden-theme', t), theme);
    await page.goto(site.url + path);
    await page.addScriptTag({ content: AXE });
    return await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run();
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    });
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
    await page.addScriptTag({ content: AXE });
    const ids = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }).axe;
      return (await axe.run()).violations.map((v) => v.id);
    });
    await context.close();
    expect(ids).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
  });
});
