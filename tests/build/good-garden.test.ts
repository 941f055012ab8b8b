import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildGarden, ROOT, type BuildResult } from '../helpers/build';
import { exists, listFiles, pageScripts, read } from '../helpers/files';

const GARDEN = join(ROOT, 'tests/fixtures/good');
let build: BuildResult;

beforeAll(async () => {
  build = await buildGarden('good', GARDEN);
}, 180_000);

describe('building a small garden', () => {
  it('succeeds', () => {
    expect(build.output).toContain('Complete!');
    expect(build.code).toBe(0);
  });

  it('writes a page for every template', () => {
    for (const page of [
      'index.html',
      'bits/index.html',
      'bits/stable-softmax/index.html',
      'bits/shape-table/index.html',
      'shorts/index.html',
      'shorts/kv-cache/index.html',
      'cheatsheets/index.html',
      'cheatsheets/basics/index.html',
      'cheatsheets/basics/01-shapes/index.html',
      'tags/index.html',
      'tags/numerics/index.html',
      '404.html',
      'rss.xml',
      'sitemap-index.xml',
    ]) {
      expect(exists(build.outDir, page), page).toBe(true);
    }
  });

  it('typesets math with KaTeX in .md and .mdx and leaves no raw delimiters', () => {
    const md = read(build.outDir, 'bits/stable-softmax/index.html');
    const mdx = read(build.outDir, 'bits/shape-table/index.html');
    expect(md).toContain('class="katex-display"');
    expect(mdx).toContain('class="katex"');
    for (const html of [md, mdx, read(build.outDir, 'shorts/kv-cache/index.html')]) {
      expect(html).not.toContain('$$');
      expect(html).not.toMatch(/\$QK/);
    }
  });

  it('serves KaTeX styles and fonts from the site itself', () => {
    const html = read(build.outDir, 'bits/stable-softmax/index.html');
    const css = [...html.matchAll(/href="(\/_astro\/[^"]+\.css)"/g)].map((m) => read(build.outDir, m[1]!.slice(1)));
    expect(css.join('')).toContain('.katex');
    expect(listFiles(join(build.outDir, '_astro')).some((f) => /KaTeX_Main-Regular.*\.woff2$/.test(f))).toBe(true);
    expect(html).not.toMatch(/cdn\.jsdelivr|unpkg\.com|cdnjs/);
  });

  it("links KaTeX's stylesheet only from pages that show math", () => {
    // KaTeX's own stylesheet (its @font-face rules), not the site's few .katex tweaks in Base.css.
    const katexCss = (path: string) =>
      [...read(build.outDir, path).matchAll(/href="(\/_astro\/[^"]+\.css)"/g)].some((m) => read(build.outDir, m[1]!.slice(1)).includes('KaTeX_Main'));
    expect(katexCss('shorts/kv-cache/index.html')).toBe(true);
    expect(katexCss('bits/shape-table/index.html')).toBe(true);
    expect(katexCss('shorts/walk-forward/index.html')).toBe(false);
    expect(katexCss('tags/index.html')).toBe(false);
  });

  it('highlights code with Shiki in both themes, under a bar with its language and a copy button', () => {
    const html = read(build.outDir, 'bits/stable-softmax/index.html');
    expect(html).toMatch(/<pre class="astro-code[^"]*"[^>]*data-language="python"/);
    expect(html).toContain('--shiki-dark');
    expect(html).toMatch(/<div class="code-block"><div class="code-block__bar"><span class="code-block__lang">python<\/span><button(?=[^>]*\bhidden\b)(?=[^>]*data-copy-code)[^>]*>Copy<\/button><\/div><pre class="astro-code/);
    expect(read(build.outDir, 'bits/shape-table/index.html')).toContain('data-language="ts"');
  });

  it('renders an unknown fence language as plain text and warns naming the file', () => {
    expect(read(build.outDir, 'shorts/kv-cache/index.html')).toContain('this fence names a language Shiki does not know');
    expect(build.output).toMatch(/tests\/fixtures\/good\/shorts\/kv-cache\.md:\d+: code: unknown code-fence language "unknownlang"/);
  });

  it('normalises tags and counts entries', () => {
    expect(read(build.outDir, 'bits/index.html')).toContain('2 bits');
    expect(read(build.outDir, 'shorts/index.html')).toContain('2 shorts');
    expect(exists(build.outDir, 'tags/numerics/index.html')).toBe(true);
    expect(exists(build.outDir, 'tags/Numerics/index.html')).toBe(false);
    expect(read(build.outDir, 'cheatsheets/index.html')).toContain('2 chapters (1–2). 2 key facts to review.');
  });

  it('lists shorts newest first, with at most four tags then +N', () => {
    const feed = read(build.outDir, 'shorts/index.html');
    expect(feed.indexOf('The KV cache in one line')).toBeLessThan(feed.indexOf('Walk-forward validation'));
    expect(feed).toContain('+2');
  });

  it('shows a chapter with its table of contents, quiz facts and neighbours', () => {
    const html = read(build.outDir, 'cheatsheets/basics/01-shapes/index.html');
    expect(html).toMatch(/<nav class="toc"[\s\S]*href="#rank-and-shape"[\s\S]*href="#strides"[\s\S]*href="#broadcasting"/);
    expect(html).toContain('<h2 id="rank-and-shape">Rank and shape</h2><a class="heading-anchor" href="#rank-and-shape">');
    expect(html).toContain('What does a transpose copy?');
    expect(html).toMatch(/rel="next"[^>]*>[\s\S]*Gradients/);
  });

  it('groups the night-before sheet by chapter', () => {
    const html = read(build.outDir, 'cheatsheets/basics/index.html');
    expect(html).toContain('Chapters at a glance');
    expect(html).toMatch(/Ch 1: <a[^>]*>Shapes and axes/);
    expect(html).toContain('Rank counts the axes.');
  });

  it('puts Open Graph and description meta on every page', () => {
    for (const page of listFiles(build.outDir).filter((f) => f.endsWith('.html'))) {
      const html = read(build.outDir, page);
      expect(html, page).toMatch(/<meta name="description" content="[^"]+"/);
      expect(html, page).toMatch(/<meta property="og:title" content="[^"]+"/);
    }
  });

  it('keeps drafts out of every page, listing, count, tag page, feed and sitemap', () => {
    for (const file of listFiles(build.outDir)) {
      if (!/\.(html|xml|json|txt)$/.test(file)) continue;
      const text = read(build.outDir, file);
      for (const secret of ['zebra', 'quokka', 'wombat', 'platypus', 'unfinished-idea', 'draft-short', '03-hidden', 'drafts-only']) {
        expect(text, `${secret} in ${file}`).not.toContain(secret);
      }
    }
    expect(exists(build.outDir, 'bits/unfinished-idea/index.html')).toBe(false);
    expect(exists(build.outDir, 'tags/drafts-only/index.html')).toBe(false);
  });

  it('ships plain pages only the site script and the search launcher, a few KB, never Fuse or the quiz', () => {
    for (const page of ['tags/index.html', 'bits/stable-softmax/index.html', '404.html', 'shorts/walk-forward/index.html']) {
      const { sources, gzipBytes } = pageScripts(build.outDir, page);
      expect(gzipBytes, page).toBeLessThan(3_500);
      expect(sources.join(' '), page).not.toMatch(/fuse|QuizSession|quiz-session/i);
    }
    expect(pageScripts(build.outDir, 'cheatsheets/basics/index.html').sources.join(' ')).toMatch(/QuizSession/);
  });
});
