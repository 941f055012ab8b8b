/**
 * What a built site makes a reader download: for one page of each template,
 * the JavaScript and CSS it loads (external files, following static imports of
 * module scripts, plus inline <script> and <style>), raw and gzipped; and the
 * HTML weight of the heaviest listing pages.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Weight {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  template: string;
  page: string;
  html: Weight;
  js: Weight & { files: string[] };
  css: Weight & { files: string[] };
  /** Whether KaTeX's stylesheet is among the CSS it loads. */
  katexCss: boolean;
  /** Whether the page's HTML holds typeset math. */
  hasMath: boolean;
}

const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const weigh = (bytes: Buffer | string): Weight => ({ raw: Buffer.byteLength(bytes), gzip: gz(bytes) });

/** Every file under a folder, relative to it. */
export function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

export function outputSize(root: string): { bytes: number; files: number; pages: number } {
  const files = listFiles(root);
  return {
    bytes: files.reduce((sum, f) => sum + statSync(join(root, f)).size, 0),
    files: files.length,
    pages: files.filter((f) => f.endsWith('.html')).length,
  };
}

/** The file a site-root URL names, with the base path stripped. */
export function fileFor(root: string, base: string, url: string): string | undefined {
  const path = url.split(/[?#]/)[0]!;
  if (!path.startsWith(base)) return undefined;
  const file = resolve(root, path.slice(base.length));
  return file.startsWith(root) && existsSync(file) ? file : undefined;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);

/** Static imports of an ES module (`import "./x.js"`, `import {a} from "./x.js"`), as files. */
export function moduleImports(file: string, source: string): string[] {
  const out: string[] = [];
  for (const match of source.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
    const spec = match[1]!;
    if (spec.startsWith('.')) out.push(resolve(dirname(file), spec));
  }
  return out;
}

export function pageWeight(root: string, base: string, page: string, template: string): PageWeight {
  const htmlFile = join(root, page);
  const html = readFileSync(htmlFile, 'utf8');
  const jsFiles = new Set<string>();
  const cssFiles = new Set<string>();
  let inlineJs = '';
  let inlineCss = '';
  const pending: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(match[0].slice(0, match[0].indexOf('>') + 1), 'src');
    const type = attr(match[1]!, 'type');
    if (type && !/module|javascript/i.test(type)) continue; // JSON data islands are not code
    if (src) {
      const file = fileFor(root, base, src);
      if (file) pending.push(file);
    } else inlineJs += match[2];
  }
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (jsFiles.has(file)) continue;
    jsFiles.add(file);
    pending.push(...moduleImports(file, readFileSync(file, 'utf8')));
  }
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/rel\s*=\s*["']?stylesheet/i.test(match[0])) continue;
    const href = attr(match[0], 'href');
    const file = href && fileFor(root, base, href);
    if (file) cssFiles.add(file);
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) inlineCss += match[1];
  const jsText = [...jsFiles].map((f) => readFileSync(f, 'utf8')).join('\n') + inlineJs;
  const cssText = [...cssFiles].map((f) => readFileSync(f, 'utf8')).join('\n') + inlineCss;
  return {
    template,
    page,
    html: weigh(html),
    js: { ...(jsText ? weigh(jsText) : { raw: 0, gzip: 0 }), files: [...jsFiles].map((f) => relative(root, f)) },
    css: { ...(cssText ? weigh(cssText) : { raw: 0, gzip: 0 }), files: [...cssFiles].map((f) => relative(root, f)) },
    katexCss: /\.katex\s*\{|katex_main|KaTeX_Main/i.test(cssText),
    hasMath: html.includes('class="katex'),
  };
}

/** One page per template, picked from the built site: for bits, one with math and one without. */
export function templatePages(root: string): { template: string; page: string }[] {
  const files = listFiles(root).filter((f) => f.endsWith('index.html') || f === '404.html');
  const first = (re: RegExp, test: (html: string) => boolean = () => true) =>
    files.find((f) => re.test(f) && test(readFileSync(join(root, f), 'utf8')));
  const math = (html: string) => html.includes('class="katex');
  const picks: [string, string | undefined][] = [
    ['home', 'index.html'],
    ['bit listing /bits/', 'bits/index.html'],
    ['bit page (math)', first(/^bits\/[^/]+\/index\.html$/, math)],
    ['bit page (no math)', first(/^bits\/[^/]+\/index\.html$/, (h) => !math(h))],
    ['short listing /shorts/', 'shorts/index.html'],
    ['short page', first(/^shorts\/[^/]+\/index\.html$/)],
    ['cheat-sheet index', 'cheatsheets/index.html'],
    ['night-before sheet', first(/^cheatsheets\/[^/]+\/index\.html$/)],
    ['chapter page', first(/^cheatsheets\/[^/]+\/[^/]+\/index\.html$/)],
    ['tag index', 'tags/index.html'],
    ['tag page', first(/^tags\/[^/]+\/index\.html$/)],
    ['map /graph/', 'graph/index.html'],
    ['review /review/', 'review/index.html'],
    ['exam /exam/', 'exam/index.html'],
    ['search page /search/', 'search/index.html'],
    ['404', '404.html'],
  ];
  return picks.filter((p): p is [string, string] => p[1] !== undefined && existsSync(join(root, p[1]))).map(([template, page]) => ({ template, page }));
}

/**
 * Elements a browser makes of a page's HTML: its start tags, outside scripts,
 * styles and comments (the parser adds no others to a well-formed page; the
 * filters' scripts swap chip links for buttons one for one). Lighthouse's
 * "DOM size" counts the same elements.
 */
export function domElements(html: string): number {
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '<$1>');
  return markup.match(/<[a-zA-Z][a-zA-Z0-9-]*/g)?.length ?? 0;
}

export interface ListingWeight {
  page: string;
  html: Weight;
  /** DOM elements of `page`. */
  elements?: number;
  /** Static pages of the listing (page/2/ …), and the heaviest of them. */
  pages?: number;
  heaviest?: { gzip: number; elements: number };
}

/** A listing's first page, with how many pages it has and the heaviest of them (gzip and DOM elements). */
function listingWeight(root: string, first: string): ListingWeight {
  const folder = first.replace(/index\.html$/, '');
  const later = existsSync(join(root, folder, 'page')) ? readdirSync(join(root, folder, 'page')).map((n) => `${folder}page/${n}/index.html`) : [];
  const weights = [first, ...later].filter((p) => existsSync(join(root, p))).map((p) => {
    const html = readFileSync(join(root, p), 'utf8');
    return { gzip: gz(html), elements: domElements(html) };
  });
  const html = readFileSync(join(root, first), 'utf8');
  return {
    page: first,
    html: weigh(html),
    elements: domElements(html),
    pages: weights.length,
    heaviest: { gzip: Math.max(...weights.map((w) => w.gzip)), elements: Math.max(...weights.map((w) => w.elements)) },
  };
}

/**
 * The listing pages: /bits/, /shorts/, the tag with most pages, the largest
 * night-before sheet, the map and its list's pages; and what a filter fetches: the listing indexes and the
 * largest tag slice of each.
 */
export function listingWeights(root: string): ListingWeight[] {
  const files = listFiles(root);
  const bySize = (re: RegExp) => files.filter((f) => re.test(f)).sort((a, b) => statSync(join(root, b)).size - statSync(join(root, a)).size);
  const pagesOf = (tag: string) => files.filter((f) => f.startsWith(tag.replace(/index\.html$/, '')) && f.endsWith('index.html')).length;
  const tags = bySize(/^tags\/[^/]+\/index\.html$/).map((tag) => ({ tag, pages: pagesOf(tag) }));
  const busiestTag = tags.sort((a, b) => b.pages - a.pages)[0]?.tag;
  // The map (/graph/) and, in a garden whose list runs to several pages, its text alternative's pages (src/lib/graph/list-pages.ts).
  const pages = ['bits/index.html', 'shorts/index.html', busiestTag, bySize(/^cheatsheets\/[^/]+\/index\.html$/)[0], 'graph/index.html', 'graph/links/index.html']
    .filter((p): p is string => p !== undefined && existsSync(join(root, p)))
    .map((page) => listingWeight(root, page));
  const fetched = ['listing/bits.json', bySize(/^listing\/bits\/tag\/[^/]+\.json$/)[0], 'listing/shorts.json', bySize(/^listing\/shorts\/tag\/[^/]+\.json$/)[0]]
    .filter((p): p is string => p !== undefined && existsSync(join(root, p)))
    .map((page) => ({ page, html: weigh(readFileSync(join(root, page))) }));
  return [...pages, ...fetched];
}
