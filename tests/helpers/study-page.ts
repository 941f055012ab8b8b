/**
 * What the study-mode browser tests share (study.test.ts and
 * study-storage-print.test.ts): the fixture garden's study pages and their
 * fact counts, a fresh browser profile on a page, and locators for facts,
 * choices and marks.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { OUTPUT } from './build';
import type { ServedSite } from './site';
import { chapterFacts, partFacts } from './fixture-quiz';
import { openPage } from './page';

export const NAME = 'study';
export const SHOTS = join(OUTPUT, NAME, 'shots');
export const PART = 'storage-engines';
export const SHEET = `/cheatsheets/${PART}/`;
/** Every fact of the part is on its night-before sheet. */
export const SHEET_FACTS = partFacts(PART).length;
/** 5 facts; the first two have distractors (the page size, the slotted page). */
export const CHAPTER_ID = 'storage-engines/01-pages-and-records';
export const CHAPTER = `/cheatsheets/${CHAPTER_ID}/`;
export const CHAPTER_FACTS = chapterFacts(CHAPTER_ID).length;
export const OTHER_CHAPTER = '/cheatsheets/query-processing/02-full-text-search/';
export const KEY = 'garden-study-marks';


export interface Opened {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

/** Opens a page of `site` in a fresh browser profile (empty localStorage), recording script errors. */
export function studyPageOpener(site: ServedSite) {
  return async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}, init?: () => void): Promise<Opened> {
    const context = await site.browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
    if (init) await context.addInitScript(init);
    const { page, problems } = await openPage(context, site.url + path);
    return { context, page, problems };
  };
}

export const facts = (page: Page) => page.locator('[data-fact-id]');
/** A choice by its text; its accessible name also carries ✓ or ✗ once picked. */
export const choice = (fact: Locator, text: string) => fact.locator('.fact__choice').filter({ hasText: new RegExp(`^${text.replace(/[()]/g, '\\$&')}$`) });
export const progress = (page: Page) => page.locator('[data-progress]').textContent();
export const startTest = (page: Page) => page.getByRole('button', { name: 'Test yourself' }).click();
export const visibleIds = (page: Page) =>
  page.$$eval('[data-fact-id]', (items) => items.filter((item) => (item as HTMLElement).offsetParent !== null).map((item) => (item as HTMLElement).dataset.factId!));
export const allIds = (page: Page) => page.$$eval('[data-fact-id]', (items) => items.map((item) => (item as HTMLElement).dataset.factId!));
export const storedMarks = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').marks ?? {}, KEY) as Promise<Record<string, string>>;
export const focusedFact = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-fact-id]')?.dataset.factId ?? null);
