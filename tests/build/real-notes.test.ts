import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildGarden, ROOT, type BuildResult } from '../helpers/build';
import { read } from '../helpers/files';
import type { EntryChunk, SearchManifest } from '../../src/lib/search/shard-map';

/** A garden written as in Obsidian or on GitHub: callouts, typeset quiz facts, embeds and images. */
const GARDEN = join(ROOT, 'tests/fixtures/real-notes');
let build: BuildResult;

beforeAll(async () => {
  build = await buildGarden('real-notes', GARDEN);
}, 180_000);

describe('building a garden of real notes', () => {
  it('succeeds, and says which callout type it does not know', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toContain('chapters/numerics/01-float-formats.md:24: callout: unknown callout type "recipe"');
  });

  it('renders callouts in .md and .mdx: titled, foldable as <details>, unknown types as notes, plain quotes untouched', () => {
    const chapter = read(build.outDir, 'cheatsheets/numerics/01-float-formats/index.html');
    expect(chapter).toMatch(/<div class="callout" data-callout="tip" data-collapsible="false" role="note"><div class="callout-title">.*?<span class="callout-title-text">Rule of thumb<\/span>/);
    expect(chapter).toMatch(/<div class="callout" data-callout="warning"[^>]*>.*?<span class="callout-title-text">Warning<\/span>/);
    expect(chapter).toMatch(/<details class="callout" data-callout="faq" data-collapsible="true"><summary class="callout-title">.*?<span class="callout-title-text">Why does bf16 keep fp32’s range\?<\/span>/);
    expect(chapter).toMatch(/<details class="callout" data-callout="example" data-collapsible="true" open>/);
    expect(chapter).toMatch(/<div class="callout" data-callout="note"[^>]*>.*?<span class="callout-title-text">Mixed precision<\/span>/);
    expect(chapter).toMatch(/<blockquote>\s*<p>A plain quote stays a quote.<\/p>\s*<\/blockquote>/);
    expect(chapter).not.toContain('[!');
    const mdx = read(build.outDir, 'bits/callout-in-mdx/index.html');
    expect(mdx).toMatch(/<div class="callout" data-callout="danger"[^>]*>.*?Catastrophic cancellation/);
  });

  it('typesets the quiz facts on the chapter page and the night-before sheet, choices included, with KaTeX\'s stylesheet', () => {
    for (const page of ['cheatsheets/numerics/01-float-formats/index.html', 'cheatsheets/numerics/index.html']) {
      const html = read(build.outDir, page);
      expect(html, page).toMatch(/<p class="fact__a"><span>Answer:<\/span> <span class="katex">.*?<annotation encoding="application\/x-tex">2\^\{-7\}<\/annotation>/);
      expect(html, page).toMatch(/<button type="button" class="fact__choice" data-choice="wrong"><span class="katex">.*?2\^\{-23\}/);
      expect(html, page).toContain('<p class="fact__a"><span>Answer:</span> <code>torch.finfo(dtype)</code></p>');
      expect(html, page).toContain('It returns <em>eps</em>, <em>max</em> and <em>tiny</em>; see <a href="/bits/kahan-summation/">the Kahan bit</a>.');
      expect(html, page).toMatch(/<p class="fact__q">How does the error of a naive sum of <span class="katex">/);
      expect(html, page).not.toMatch(/fact__[aqe]"[^<]*\$/);
      expect(html, page).toMatch(/<link rel="stylesheet" href="\/_astro\/katex[^"]*\.css">/);
    }
  });

  it('puts the facts’ plain text in the search index: code as written, formulas as their TeX', () => {
    // The quiz facts' entries in the site-wide index's chunks, and their terms.
    const manifest = JSON.parse(read(build.outDir, 'search/manifest.json')) as SearchManifest;
    const facts = manifest.collections.find((c) => c.collection === 'facts')!;
    const entries = Array.from({ length: facts.count }, (_, i) => {
      const n = facts.start + i;
      return (JSON.parse(read(build.outDir, `search/entries/${Math.floor(n / manifest.chunk)}.json`)) as EntryChunk).entries[n % manifest.chunk];
    });
    expect(entries.length).toBeGreaterThan(0);
    const index = JSON.stringify(entries);
    expect(index).toContain('torch.finfo(dtype)');
    expect(index).toContain('O(n \\\\varepsilon)');
    expect(index).not.toContain('katex');
    expect(index).not.toContain('`');
  });

  it('puts embedded notes and sections in place, framed with a link to the source, their math and code rendered', () => {
    const short = read(build.outDir, 'shorts/precision-in-one-section/index.html');
    expect(short).toMatch(/<aside class="embed" aria-label="Embedded from Floating-point formats › Range and precision">\s*<p class="embed-source"><a href="\/cheatsheets\/numerics\/01-float-formats\/#range-and-precision">/);
    const embed = short.slice(short.indexOf('<aside class="embed"'), short.indexOf('</aside>'));
    expect(embed).toContain('class="katex"');
    expect(embed).toContain('data-callout="tip"');
    expect(embed).not.toContain('Accumulation');
    const chapter = read(build.outDir, 'cheatsheets/numerics/01-float-formats/index.html');
    const kahan = chapter.slice(chapter.indexOf('<aside class="embed" aria-label="Embedded from Kahan summation">'));
    expect(kahan).toMatch(/^<aside class="embed" aria-label="Embedded from Kahan summation">\s*<p class="embed-source"><a href="\/bits\/kahan-summation\/">Kahan summation<\/a><\/p>/);
    expect(kahan.slice(0, kahan.indexOf('</aside>'))).toContain('<pre class="astro-code');
    expect(short).not.toContain('![[');
  });
});
