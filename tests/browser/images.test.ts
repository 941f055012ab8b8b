import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers/build';
import { servedGarden } from '../helpers/site';
import { axeViolations } from '../helpers/axe';

/** A bit with images beside it (tests/fixtures/images): they load without moving the page, and each opens its original. */
const site = servedGarden('images-browser', join(ROOT, 'tests/fixtures/images'));
const PAGE = '/bits/block-diagram/';

/** Every image of the note: its box, and whether it has loaded. */
const boxes = (page: Page) =>
  page.$$eval('[data-note-body] img', (images) =>
    images.map((image) => {
      const box = image.getBoundingClientRect();
      return { width: Math.round(box.width), height: Math.round(box.height), top: Math.round(box.top + window.scrollY), loaded: (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0 };
    }),
  );

describe.each([
  { name: 'a phone', viewport: { width: 390, height: 844 } },
  { name: 'a laptop', viewport: { width: 1280, height: 800 } },
])('the images of a note, on $name', ({ viewport }) => {
  it('take their final size before they load, so nothing shifts as they come in (CLS 0)', async () => {
    const page = await site.browser.newPage({ viewport });
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { shifts: number[] }).shifts = shifts;
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => shifts.push((entry as unknown as { value: number }).value))).observe({ type: 'layout-shift', buffered: true });
    });
    // Hold the images back until the page has been measured without them.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/.*\.(webp|svg|png|jpg)$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(site.url + PAGE, { waitUntil: 'domcontentloaded' });
    const before = await boxes(page);
    expect(before.length).toBe(5);
    expect(before.every((image) => !image.loaded && image.height > 0)).toBe(true);
    release();
    // Lazy images load as they come into view.
    for (let index = 0; index < before.length; index++) {
      await page.locator('[data-note-body] img').nth(index).scrollIntoViewIfNeeded();
      await page.waitForFunction((i) => {
        const image = document.querySelectorAll('[data-note-body] img')[i] as HTMLImageElement;
        return image.complete && image.naturalWidth > 0;
      }, index);
    }
    const after = await boxes(page);
    expect(after.every((image) => image.loaded)).toBe(true);
    // Within a pixel: a resized WebP's height is rounded to whole pixels, so its shape may differ from the original's by a fraction of one.
    after.forEach((image, index) => {
      for (const side of ['width', 'height', 'top'] as const) expect(Math.abs(image[side] - before[index]![side]), `image ${index} ${side}`).toBeLessThanOrEqual(1);
    });
    // The first image keeps the shape of its 1200×600 original, within the column.
    expect(after[0]!.width).toBeLessThanOrEqual(viewport.width);
    expect(Math.abs(after[0]!.width / after[0]!.height - 2)).toBeLessThan(0.02);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0);
    await page.close();
  });
});

describe('the link around an image', () => {
  it('opens the original file, by mouse and by keyboard', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url + PAGE);
    const link = page.getByRole('link', { name: 'Three blocks in a row' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/_astro\/blocks\.[\w-]+\.png$/);
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(href!)), link.click()]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    await page.goBack();
    await page.getByRole('link', { name: 'A wide figure' }).focus();
    const [byKeyboard] = await Promise.all([page.waitForResponse(/\/_astro\/wide\.[\w-]+\.jpg$/), page.keyboard.press('Enter')]);
    expect(byKeyboard.status()).toBe(200);
    expect(byKeyboard.headers()['content-type']).toBe('image/jpeg');
    await page.close();
  });

  it('leaves the page free of accessibility violations', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url + PAGE);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
