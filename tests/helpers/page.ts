import type { BrowserContext, Page } from 'playwright-core';

/** A new page of the context at `url`, with the script errors and console errors it reports collected in `problems`. */
export async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, problems };
}
