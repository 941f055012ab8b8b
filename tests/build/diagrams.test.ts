import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGarden, OUTPUT, ROOT, type BuildResult } from '../helpers/build';
import { read } from '../helpers/files';

/** Mermaid diagrams drawn at build time by Debian's chromium (these tests run where /usr/bin/chromium exists). */
const FIXTURE = join(ROOT, 'tests/fixtures/diagrams');
const CHAPTER = 'cheatsheets/systems/01-pipelines/index.html';
const DRAWN = /Mermaid diagrams? drawn/;
let cold: BuildResult;
/** A copy of the fixture, edited between builds: the garden folder is never written by a build, nor by a test. */
let garden: string;
const copies: string[] = [];

const figures = (html: string) => html.match(/<figure class="diagram[^"]*">[\s\S]*?<\/figure>/g) ?? [];
const cachedDiagrams = (name: string) => readdirSync(join(OUTPUT, name, 'cache', 'garden-diagrams'));

beforeAll(async () => {
  garden = mkdtempSync(join(tmpdir(), 'garden-diagrams-'));
  copies.push(garden);
  cpSync(FIXTURE, garden, { recursive: true });
  cold = await buildGarden('diagrams', garden);
}, 180_000);

afterAll(() => {
  for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

describe('Mermaid diagrams in a build', () => {
  it('draws each diagram as a light and a dark SVG, in .md and .mdx, with an accessible name', () => {
    expect(cold.code, cold.output).toBe(0);
    expect(cold.output).toMatch(/3 Mermaid diagrams drawn \(the browser took \d+ ms to start\)/);
    const chapter = read(cold.outDir, CHAPTER);
    const [flow, sequence, ...rest] = figures(chapter);
    expect(rest).toHaveLength(0);
    expect(flow).toMatch(/^<figure class="diagram diagram--drawn"><div class="diagram__svg diagram__svg--light"><svg id="(diagram-[0-9a-f]{6}-1-light)"[^>]*aria-labelledby="chart-title-\1"><title id="chart-title-\1">Request pipeline<\/title><desc[^>]*>A request is parsed, checked, then answered.<\/desc>/);
    expect(flow).toMatch(/<div class="diagram__svg diagram__svg--dark"><svg id="diagram-[0-9a-f]{6}-1-dark"/);
    // The text of the diagram is there, as SVG text a reader can select and search.
    expect(flow).toContain('Valid?');
    expect(sequence).toMatch(/<svg id="diagram-[0-9a-f]{6}-2-light"[^>]*aria-roledescription="sequence"[^>]*aria-label="The client and the server"/);
    expect(sequence).toContain('<figcaption>The client and the server</figcaption>');
    // Every id on the page is unique, though Mermaid names its markers and styles after the diagram's id.
    const ids = [...chapter.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
    expect(chapter).not.toContain('garden-diagram-id');
    const mdx = read(cold.outDir, 'bits/diagram-in-mdx/index.html');
    expect(figures(mdx)).toHaveLength(1);
    expect(mdx).toMatch(/<svg id="diagram-[0-9a-f]{6}-1-light"[^>]*><title id="chart-title-diagram-[0-9a-f]{6}-1-light">Two boxes<\/title>/);
    expect(read(cold.outDir, 'bits/no-diagram/index.html')).not.toContain('<figure class="diagram');
  });

  it('caches the SVGs: an edit build draws no diagram it has drawn, and drops the ones no note uses', async () => {
    expect(cachedDiagrams('diagrams')).toHaveLength(3);
    const chapterFile = join(garden, 'chapters/systems/01-pipelines.md');
    // Prose edited, the first diagram unchanged, the second one changed.
    const text = readFileSync(chapterFile, 'utf8').replace('The end of the chapter.', 'The end of the chapter, edited.').replace('200 OK', '304 Not Modified');
    writeFileSync(chapterFile, text);
    const edit = await buildGarden('diagrams-edit', garden, { GARDEN_CACHE_DIR: join(OUTPUT, 'diagrams', 'cache') });
    expect(edit.code, edit.output).toBe(0);
    expect(edit.output).toMatch(/1 Mermaid diagram drawn/);
    expect(read(edit.outDir, CHAPTER)).toContain('304 Not Modified');
    expect(cachedDiagrams('diagrams')).toHaveLength(3);
    const warm = await buildGarden('diagrams-warm', garden, { GARDEN_CACHE_DIR: join(OUTPUT, 'diagrams', 'cache') });
    expect(warm.code, warm.output).toBe(0);
    expect(warm.output).not.toMatch(DRAWN);
    expect(figures(read(warm.outDir, CHAPTER))).toHaveLength(2);
  }, 240_000);

  it('without a browser, shows each diagram as its source and says so once', async () => {
    const bare = await buildGarden('diagrams-no-browser', garden, { GARDEN_CHROMIUM: '/nonexistent/chromium' });
    expect(bare.code, bare.output).toBe(0);
    expect(bare.output.match(/Mermaid diagrams are shown as their source: no browser to draw them at \/nonexistent\/chromium/g)).toHaveLength(1);
    const chapter = read(bare.outDir, CHAPTER);
    expect(figures(chapter)).toHaveLength(2);
    expect(chapter).toMatch(/<figure class="diagram diagram--source"><p class="diagram__note">A Mermaid diagram, shown as its source/);
    expect(chapter).not.toContain('<svg id="diagram');
    expect(read(bare.outDir, 'bits/diagram-in-mdx/index.html')).toContain('diagram--source');
  }, 180_000);

  it('stops on a diagram Mermaid cannot parse before drawing anything, naming the file and its line', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'garden-diagrams-bad-'));
    copies.push(broken);
    cpSync(FIXTURE, broken, { recursive: true });
    const chapter = join(broken, 'chapters/systems/01-pipelines.md');
    appendFileSync(chapter, '\n```mermaid\nflowchart TD\n  A --> B\n  B --x(\n```\n');
    const lineOf = (text: string) => readFileSync(chapter, 'utf8').split('\n').indexOf(text) + 1;
    const checked = await buildGarden('diagrams-bad', broken);
    expect(checked.code).not.toBe(0);
    expect(checked.output).toContain('The build stopped: the garden has 1 content error');
    expect(checked.output).toMatch(new RegExp(`chapters/systems/01-pipelines\\.md:${lineOf('  B --x(')}: diagram: Mermaid cannot parse the diagram: Parse error on line 3`));
    // Mermaid sanitizes a class diagram's labels as it parses, with DOMPurify: the check's stand-in lets it parse in Node too.
    writeFileSync(chapter, readFileSync(join(FIXTURE, 'chapters/systems/01-pipelines.md'), 'utf8') + '\n```mermaid\nclassDiagram\n  class Broken {{{\n```\n');
    const classes = await buildGarden('diagrams-bad', broken);
    expect(classes.code).not.toBe(0);
    expect(classes.output).toContain('The build stopped: the garden has 1 content error');
    expect(classes.output).toMatch(new RegExp(`chapters/systems/01-pipelines\\.md:${lineOf('  class Broken {{{')}: diagram: Mermaid cannot parse the diagram: Parse error on line 2`));
  }, 240_000);
});
