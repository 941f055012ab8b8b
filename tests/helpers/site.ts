import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildGarden, type BuildResult } from './build';
import { serveStatic } from './serve';
import { launchChromium } from './browser';

export interface ServedSite {
  browser: Browser;
  /** The server's origin, e.g. http://127.0.0.1:40123 */
  url: string;
  build: BuildResult;
}

/**
 * Builds a site with `build`, serves its dist/ and opens Chromium before the
 * file's tests run, and closes both afterwards. The returned object is filled
 * in by then.
 */
export function servedSite(build: () => Promise<BuildResult>): ServedSite {
  const site = {} as ServedSite;
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    site.build = await build();
    expect(site.build.code, site.build.output).toBe(0);
    server = await serveStatic(site.build.outDir);
    site.url = server.url;
    site.browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await site.browser?.close();
    await server?.close();
  });
  return site;
}

/**
 * A garden built with its own env (a base path, social cards…) or a fixture
 * of its own, served for one test file. The browser tests of the fixture
 * garden share one build instead: fixtureSite() in ./fixture-site.
 */
export function servedGarden(name: string, contentDir: string | (() => string), env: Record<string, string> = {}): ServedSite {
  return servedSite(() => buildGarden(name, typeof contentDir === 'string' ? contentDir : contentDir(), env));
}
