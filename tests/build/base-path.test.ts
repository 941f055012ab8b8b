import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { buildGarden, ROOT, type BuildResult } from '../helpers/build';
import { exists, listFiles } from '../helpers/files';
import type { SearchManifest } from '../../src/lib/search/shard-map';

/**
 * A garden published under a sub-path (GitHub Pages project sites live at
 * https://<user>.github.io/<repo>/): every internal link, asset, feed entry,
 * sitemap entry and search-index address of the built site must resolve to a
 * file in dist/, and no draft may leave a trace anywhere in it.
 */
const SITE = 'https://gardener.github.io';
const BASE = '/garden/';
const GARDEN = join(ROOT, 'tests/fixtures/base-path');
let build: BuildResult;
let files: string[];

beforeAll(async () => {
  build = await buildGarden('author-base-path', GARDEN, { SITE_URL: SITE, SITE_BASE: BASE });
  files = build.code === 0 ? listFiles(build.outDir) : [];
}, 240_000);

const text = (file: string) => readFileSync(join(build.outDir, file), 'utf8');

/** The file a site-absolute path (`/garden/bits/x/#y`) is served from, or undefined when it lies outside the base. */
function fileFor(path: string): string | undefined {
  const clean = decodeURI(path.replace(/[?#].*$/, ''));
  if (!clean.startsWith(BASE)) return undefined;
  const inside = clean.slice(BASE.length);
  return inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside;
}

interface Reference {
  from: string;
  url: string;
}

/** Every URL a page points at: href, src, srcset, content of og:url, and any data-* attribute holding an address. */
function htmlReferences(file: string): Reference[] {
  const html = text(file);
  const refs: Reference[] = [];
  for (const match of html.matchAll(/\s(href|src|srcset|content|data-[\w-]+)="([^"]*)"/g)) {
    const [, attribute, value = ''] = match;
    if (attribute === 'srcset') {
      for (const candidate of value.split(',')) refs.push({ from: file, url: candidate.trim().split(/\s+/)[0] ?? '' });
    } else if (attribute?.startsWith('data-') && /^[[{]/.test(value)) {
      // JSON handed to a script, e.g. the search index addresses: every address inside it.
      const json = value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      for (const inner of json.matchAll(/"(\/[^"]*)"/g)) refs.push({ from: file, url: inner[1] ?? '' });
    } else if (attribute === 'content' || attribute?.startsWith('data-')) {
      if (value.startsWith('/') || value.startsWith(SITE)) refs.push({ from: file, url: value });
    } else refs.push({ from: file, url: value });
  }
  return refs;
}

/** An internal reference as a site-absolute path, or undefined for an external one. */
function internalPath(ref: Reference): string | undefined {
  const { url, from } = ref;
  if (url === '' || url.startsWith('#') || /^(mailto|tel|javascript|data):/.test(url)) return undefined;
  if (url.startsWith(SITE)) return url.slice(SITE.length) || '/';
  if (/^[a-z]+:\/\//i.test(url) || url.startsWith('//')) return undefined;
  if (url.startsWith('/')) return url;
  // Relative to the page's own address.
  const pageDir = from.endsWith('index.html') ? posix.dirname(from) : posix.dirname(from);
  return posix.join(BASE, pageDir === '.' ? '' : pageDir, url) + (url.endsWith('/') ? '/' : '');
}

describe('a build under a base path', () => {
  it('succeeds', () => {
    expect(build.output).toContain('Complete!');
    expect(build.code).toBe(0);
  });

  it('resolves every internal href, src and address on every page', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      for (const ref of htmlReferences(file)) {
        const path = internalPath(ref);
        if (path === undefined) continue;
        checked += 1;
        const target = fileFor(path);
        if (target === undefined) broken.push(`${file}: ${ref.url} is outside ${BASE}`);
        else if (!exists(build.outDir, target)) broken.push(`${file}: ${ref.url} → no ${target}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('prefixes links written from the site root in Markdown and MDX', () => {
    expect(text('bits/log-sum-exp/index.html')).toContain('href="/garden/shorts/softmax-temperature/"');
    expect(text('bits/log-sum-exp/index.html')).toContain('href="/garden/cheatsheets/foundations/"');
    expect(text('bits/argmax-ties/index.html')).toContain('href="/garden/cheatsheets/foundations/01-scaling/"');
    // Written as JSX in the .mdx note.
    expect(text('bits/argmax-ties/index.html')).toContain('href="/garden/shorts/softmax-temperature/"');
    expect(text('shorts/softmax-temperature/index.html')).toContain('href="/garden/rss.xml"');
  });

  it('serves styles whose fonts and images resolve', () => {
    const broken: string[] = [];
    const css = files.filter((f) => f.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    for (const file of css) {
      for (const match of text(file).matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
        const url = match[1] ?? '';
        if (url.startsWith('data:') || url.startsWith('#')) continue;
        const path = url.startsWith('/') ? fileFor(url) : posix.join(dirname(file), url.replace(/[?#].*$/, ''));
        if (path === undefined || !exists(build.outDir, path)) broken.push(`${file}: ${url}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('publishes a feed whose links all resolve under the base', () => {
    const rss = text('rss.xml');
    const links = [...rss.matchAll(/<(?:link|guid[^>]*)>([^<]+)<\/(?:link|guid)>/g)].map((m) => m[1] ?? '');
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const link of links) {
      expect(link.startsWith(`${SITE}${BASE}`), link).toBe(true);
      expect(exists(build.outDir, fileFor(link.slice(SITE.length))!), link).toBe(true);
    }
  });

  it('publishes a sitemap whose entries all resolve under the base', () => {
    const index = text('sitemap-index.xml');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
    expect(sitemaps.length).toBeGreaterThan(0);
    const pages = sitemaps.flatMap((sitemap) => {
      expect(sitemap.startsWith(`${SITE}${BASE}`), sitemap).toBe(true);
      return [...text(fileFor(sitemap.slice(SITE.length))!).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
    });
    expect(pages).toContain(`${SITE}${BASE}bits/log-sum-exp/`);
    for (const page of pages) expect(exists(build.outDir, fileFor(page.slice(SITE.length)) ?? '-'), page).toBe(true);
  });

  it('points every address in a search index at a page, if the site has one', () => {
    const indexes = files.filter((f) => f.endsWith('.json'));
    // The site-wide index a page announces lives under the base, with every part its manifest counts.
    expect(/data-search-index="([^"]*)"/.exec(text('index.html'))?.[1]).toBe(`${BASE}search/`);
    const manifest = JSON.parse(text('search/manifest.json')) as SearchManifest;
    const parts = (kind: string) => indexes.filter((f) => f.startsWith(`search/${kind}/`)).length;
    const entries = manifest.collections.reduce((sum, c) => sum + c.count, 0);
    expect([parts('terms'), parts('words'), parts('entries')]).toEqual([manifest.shards.length, manifest.letters.length, Math.ceil(entries / manifest.chunk)]);
    // So do the indexes the listings' filters announce.
    for (const listing of ['bits', 'shorts']) {
      const index = /data-index="([^"]*)"/.exec(text(`${listing}/index.html`))?.[1] ?? '';
      expect(index).toBe(`${BASE}search/${listing}.json`);
      expect(exists(build.outDir, fileFor(index)!)).toBe(true);
    }
    // The review deck (review/facts.json) links chapters and parts too: every JSON file is checked.
    for (const file of indexes) {
      const addresses = [...text(file).matchAll(/"(\/[^"]*)"/g)].map((m) => m[1] ?? '').filter((url) => url.startsWith(BASE));
      for (const url of addresses) expect(exists(build.outDir, fileFor(url)!), `${file}: ${url}`).toBe(true);
      const outside = [...text(file).matchAll(/"(\/(?:bits|shorts|cheatsheets|tags)\/[^"]*)"/g)].map((m) => m[1]);
      expect(outside, `${file} has addresses without the base`).toEqual([]);
    }
  });

  it('leaves no trace of a draft anywhere in dist/: title, slug or page', () => {
    const secrets = ['Half-written note about a marmot', 'unpublished-marmot', 'hidden marmot', '02-draft-chapter', 'marmot'];
    const found: string[] = [];
    for (const file of files) {
      const content = readFileSync(join(build.outDir, file)).toString('latin1');
      for (const secret of secrets) if (content.includes(secret) || file.includes(secret)) found.push(`${secret} in ${file}`);
    }
    expect(found).toEqual([]);
    expect(exists(build.outDir, 'bits/unpublished-marmot/index.html')).toBe(false);
    expect(text('bits/index.html')).toContain('2 bits');
  });
});
