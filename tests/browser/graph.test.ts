import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { OUTPUT } from '../helpers/build';
import { read } from '../helpers/files';
import { fixtureSite } from '../helpers/fixture-site';
import { axeViolations } from '../helpers/axe';
import { adjacency, neighbourhood, type GardenGraph } from '../../src/lib/graph/model';

const site = fixtureSite();
/** A chapter linking bits and a short, and linked back from that short: its map has neighbours of every collection, and it has a "Linked from" list. */
const NOTE = '/cheatsheets/storage-engines/03-lsm-trees/';
const NOTE_KEY = 'chapters/storage-engines/03-lsm-trees';
const NOTE_TITLE = 'Log-structured merge trees';
const SIZES = [
  { name: 'phone', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, hasTouch: false, isMobile: false },
];

const gardenGraph = (): GardenGraph => JSON.parse(read(site.build.outDir, 'graph/garden.json')) as GardenGraph;
const isGraphCode = (url: string) => /graph-view|garden\.json/.test(url);

/** Where a note is drawn on the page, from the map's current view. */
async function screenPoint(page: Page, key: string): Promise<{ x: number; y: number; inside: boolean }> {
  const node = gardenGraph().nodes.find((n) => n.key === key)!;
  return page.evaluate(({ x, y }) => {
    const host = document.querySelector<HTMLElement>('garden-graph')!;
    const [scale, dx, dy] = host.dataset.view!.split(',').map(Number) as [number, number, number];
    const box = host.querySelector('.graph-frame')!.getBoundingClientRect();
    const at = { x: box.left + x * scale + dx, y: box.top + y * scale + dy };
    // Clear of the edges and of the zoom buttons in the bottom right corner.
    const inside = at.x > box.left + 10 && at.y > box.top + 10 && at.x < box.right - 10 && at.y < box.bottom - 10 && !(at.x > box.right - 170 && at.y > box.bottom - 60);
    return { ...at, inside };
  }, node);
}

async function openNoteMap(page: Page) {
  await page.locator('garden-graph').scrollIntoViewIfNeeded();
  await page.waitForSelector('garden-graph[data-state="ready"][data-view]');
}

/** The note page in a new browser context, its map scrolled into view and drawn. */
async function noteWithMap(options: BrowserContextOptions) {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${site.url}${NOTE}`);
  await openNoteMap(page);
  return { context, page };
}

/** The notes of this page's map, as the map script works them out. */
function neighbours() {
  const graph = gardenGraph();
  const indices = neighbourhood(adjacency(graph), graph.nodes.findIndex((n) => n.key === NOTE_KEY), 2, 150);
  return indices.map((index) => graph.nodes[index]!);
}

describe.each(SIZES)('the map of a note ($name)', ({ name, ...options }) => {
  it('loads no graph code until it is scrolled into view, then draws', async () => {
    const context = await site.browser.newContext(options);
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${site.url}${NOTE}`, { waitUntil: 'networkidle' });
    const top = await page.locator('garden-graph').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(options.viewport.height + 200);
    expect(requested.filter(isGraphCode)).toEqual([]);
    await openNoteMap(page);
    expect(requested.filter(isGraphCode).length).toBe(2);
    const box = await page.locator('garden-graph .graph-frame').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(options.viewport.width);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(options.viewport.width);
    // Something is drawn: pixels that are not the background's (the corner's, which the map leaves empty).
    const inked = await page.locator('garden-graph canvas').evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) count++;
      return count;
    });
    expect(inked).toBeGreaterThan(200);
    await page.locator('.note-graph').screenshot({ path: join(OUTPUT, 'screenshots', `graph-note-${name}.png`) });
    await context.close();
  });

  it('opens a note when it is clicked or tapped', async () => {
    const { context, page } = await noteWithMap(options);
    const around = neighbours().slice(1);
    let target: { url: string; point: { x: number; y: number } } | undefined;
    for (const node of around) {
      const point = await screenPoint(page, node.key);
      if (point.inside) {
        target = { url: node.url, point };
        break;
      }
    }
    expect(target).toBeDefined();
    if (options.hasTouch) await page.touchscreen.tap(target!.point.x, target!.point.y);
    else await page.mouse.click(target!.point.x, target!.point.y);
    await page.waitForURL(`${site.url}${target!.url}`);
    await context.close();
  });

  it('is usable by keyboard: arrows move between notes, Enter opens one', async () => {
    const { context, page } = await noteWithMap(options);
    await page.locator('.note-graph .graph-check input').last().focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('CANVAS');
    const status = page.locator('.note-graph .graph-status');
    await expect(status.textContent()).resolves.toContain(NOTE_TITLE);
    let moved = '';
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      await page.keyboard.press(key);
      moved = (await status.textContent()) ?? '';
      if (!moved.includes(NOTE_TITLE)) break;
    }
    const target = neighbours().find((node) => node.key !== NOTE_KEY && moved.startsWith(`${node.title} (`));
    expect(target, moved).toBeDefined();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}${target!.url}`);
    await context.close();
  });

  it('hides the notes of a collection left unticked', async () => {
    const { context, page } = await noteWithMap(options);
    const around = neighbours();
    const host = page.locator('.note-graph garden-graph');
    await expect(host.getAttribute('data-shown')).resolves.toBe(String(around.length));
    const shorts = around.filter((node) => node.collection === 'shorts');
    expect(shorts.length).toBeGreaterThan(0);
    await page.locator('.note-graph .graph-check', { hasText: 'Shorts' }).locator('input').uncheck();
    await expect(host.getAttribute('data-shown')).resolves.toBe(String(around.length - shorts.length));
    // A hidden note can no longer be opened from the map.
    const point = await screenPoint(page, shorts[0]!.key);
    if (point.inside) {
      await page.mouse.click(point.x, point.y);
      await page.waitForTimeout(300);
      expect(page.url()).toBe(`${site.url}${NOTE}`);
    }
    const tag = await page.locator('.note-graph select option').nth(1).getAttribute('value');
    await page.locator('.note-graph select').selectOption(tag!);
    const tagged = around.filter((node) => node.key === NOTE_KEY || (node.collection !== 'shorts' && node.tags.includes(tag!)));
    await expect(host.getAttribute('data-shown')).resolves.toBe(String(tagged.length));
    await context.close();
  });
});

describe.each(SIZES)('the map of the garden, /graph/ ($name)', ({ name, ...options }) => {
  it('pans by dragging and zooms with the buttons', async () => {
    const context = await site.browser.newContext(options);
    const page = await context.newPage();
    await page.goto(`${site.url}/graph/`);
    await page.waitForSelector('garden-graph[data-state="ready"][data-view]');
    const view = async () => ((await page.locator('garden-graph').getAttribute('data-view')) ?? '').split(',').map(Number) as [number, number, number];
    const [scale, dx, dy] = await view();
    const box = (await page.locator('garden-graph .graph-frame').boundingBox())!;
    // Start the drag on empty ground near the top left corner, away from the zoom buttons.
    const start = { x: box.x + 6, y: box.y + 6 };
    if (options.hasTouch) {
      const cdp = await context.newCDPSession(page);
      const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
      await touch('touchStart', start.x, start.y);
      for (let step = 1; step <= 10; step++) await touch('touchMove', start.x + step * 8, start.y + step * 5);
      await touch('touchEnd', 0, 0);
    } else {
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.mouse.move(start.x + 80, start.y + 50, { steps: 10 });
      await page.mouse.up();
    }
    await page.waitForFunction(([x]) => Number(document.querySelector<HTMLElement>('garden-graph')!.dataset.view!.split(',')[1]) !== x, [dx]);
    const [, panX, panY] = await view();
    expect(panX - dx).toBeCloseTo(80, 0);
    expect(panY - dy).toBeCloseTo(50, 0);
    expect(page.url()).toBe(`${site.url}/graph/`);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForFunction((s) => Number(document.querySelector<HTMLElement>('garden-graph')!.dataset.view!.split(',')[0]) > s, scale);
    await page.screenshot({ path: join(OUTPUT, 'screenshots', `graph-page-${name}.png`) });
    await context.close();
  });

  it('has no axe violations, with the list of notes open', async () => {
    const context = await site.browser.newContext(options);
    const page = await context.newPage();
    await page.goto(`${site.url}/graph/`);
    await page.waitForSelector('garden-graph[data-state="ready"]');
    await page.locator('.graph-list summary').click();
    await expect(page.locator('.graph-list a').count()).resolves.toBeGreaterThan(gardenGraph().nodes.length - 1);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await expect(axeViolations(page)).resolves.toEqual([]);
    await context.close();
  });
});

describe.each(SIZES)('the map arriving ($name)', ({ name, ...options }) => {
  it.each(['/graph/', NOTE])('moves nothing on %s: the page holds its place and its canvas is shown only once sized', async (path) => {
    const context = await site.browser.newContext(options);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const shifts: number[] = [];
      Object.assign(window, { layoutShifts: shifts });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${site.url}${path}`);
    const box = () => page.evaluate(() => document.querySelector('garden-graph')!.getBoundingClientRect().height);
    const before = await box();
    await openNoteMap(page);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await box(), name).toBe(before);
    const shifts = await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts);
    // The first version showed its canvas at the default 300 × 150 and then grew it: 0.15–0.28 here.
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.01);
    await context.close();
  });
});

describe('the map on a phone', () => {
  it('zooms with two fingers spread apart', async () => {
    const context = await site.browser.newContext(SIZES[0]!);
    const page = await context.newPage();
    await page.goto(`${site.url}/graph/`);
    await page.waitForSelector('garden-graph[data-state="ready"][data-view]');
    const scale = async () => Number((await page.locator('garden-graph').getAttribute('data-view'))!.split(',')[0]);
    const before = await scale();
    const box = (await page.locator('garden-graph .graph-frame').boundingBox())!;
    const middle = { x: box.x + box.width / 2, y: box.y + box.height / 3 };
    const cdp = await context.newCDPSession(page);
    const fingers = (type: 'touchStart' | 'touchMove' | 'touchEnd', apart: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x: middle.x - apart, y: middle.y, id: 1 }, { x: middle.x + apart, y: middle.y, id: 2 }],
      });
    await fingers('touchStart', 30);
    for (let step = 1; step <= 10; step++) await fingers('touchMove', 30 + step * 6);
    await fingers('touchEnd', 0);
    await page.waitForFunction((s) => Number(document.querySelector<HTMLElement>('garden-graph')!.dataset.view!.split(',')[0]) > s * 1.5, before);
    // Fingers 60 px apart at the start and 180 px at the end: about three times closer.
    expect((await scale()) / before).toBeGreaterThan(2);
    expect((await scale()) / before).toBeLessThan(4);
    expect(page.url()).toBe(`${site.url}/graph/`);
    await context.close();
  });
});

describe('the map without JavaScript, and in the dark theme', () => {
  it('says it needs JavaScript, and the lists carry the links', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}${NOTE}`);
    await expect(page.locator('.note-graph .graph-placeholder__nojs').isVisible()).resolves.toBe(true);
    await expect(page.locator('.note-graph .graph-placeholder__js').isVisible()).resolves.toBe(false);
    await expect(page.locator('#linked-from').isVisible()).resolves.toBe(true);
    await page.goto(`${site.url}/graph/`);
    await page.locator('.graph-list summary').click();
    const graph = gardenGraph();
    const first = graph.edges[0]!;
    const item = page.locator('.graph-list li', { has: page.locator(`a[href="${graph.nodes[first[0]]!.url}"]`) }).first();
    await expect(item.locator(`a[href="${graph.nodes[first[1]]!.url}"]`).count()).resolves.toBe(1);
    await context.close();
  });

  it("takes its colours from the page's theme, and follows a switch", async () => {
    const context = await site.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${site.url}/graph/`);
    await page.waitForSelector('garden-graph[data-state="ready"][data-view]');
    const corner = () => page.locator('garden-graph canvas').evaluate((canvas: HTMLCanvasElement) => [...canvas.getContext('2d')!.getImageData(0, 0, 1, 1).data.slice(0, 3)]);
    await expect(corner()).resolves.toEqual([255, 255, 255]);
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await page.waitForFunction(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))));
    await expect(corner()).resolves.toEqual([0x1a, 0x1d, 0x20]);
    await context.close();
  });
});

