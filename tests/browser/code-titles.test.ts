/**
 * A code block's title (```python title="ring.py" in the fixture garden's bit)
 * in its bar, at 390 and 1280 px: visible, before the language label, clear of
 * the Copy button and above the code.
 */
import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../helpers/fixture-site';
import { openPage } from '../helpers/page';

const site = fixtureSite();

describe.each([390, 1280])('a titled code block at %i px', (width) => {
  it('shows the file name in its bar, before the language and clear of Copy', async () => {
    const context = await site.browser.newContext({ viewport: { width, height: 800 } });
    const { page, problems } = await openPage(context, `${site.url}/bits/consistent-hashing-ring/`);
    const bar = page.locator('.prose .code-block__bar').first();
    const title = bar.locator('.code-block__title');
    await expect(title.textContent()).resolves.toBe('ring.py');
    await expect(title.isVisible()).resolves.toBe(true);
    await expect(bar.locator('.code-block__lang').textContent()).resolves.toBe('python');
    const [named, language, copy, code] = await Promise.all(
      [title, bar.locator('.code-block__lang'), bar.locator('.copy-code'), page.locator('.prose .code-block pre').first()].map((l) => l.boundingBox()),
    );
    expect(named!.x + named!.width).toBeLessThanOrEqual(language!.x);
    expect(language!.x + language!.width).toBeLessThanOrEqual(copy!.x);
    expect(named!.y + named!.height).toBeLessThanOrEqual(code!.y);
    // Copy still copies the code alone, not the title.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    await bar.locator('.copy-code').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith('import bisect')).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
