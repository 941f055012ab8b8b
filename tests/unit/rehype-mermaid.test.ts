import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { createNotePipeline } from '../../src/lib/markdown/note-pipeline';
import { rehypePluginsFor, remarkPlugins, shikiConfig } from '../../src/lib/markdown/plugins';
import { checkDiagrams, mermaidFences } from '../../src/lib/check/diagrams';
import { startMermaidParser } from '../../src/build/mermaid-thread';
import { formatProblem } from '../../src/lib/errors';
import { DIAGRAM_ID, DiagramSyntaxError, type DiagramRenderer } from '../../src/lib/markdown/rehype-mermaid';

/** A renderer that draws a box per diagram, as Mermaid does: ids and styles scoped by the id it is given, a title from `accTitle:`. */
function fakeRenderer(): DiagramRenderer & { sources: string[] } {
  const sources: string[] = [];
  const svg = (theme: string, source: string) => {
    const title = /accTitle:\s*(.*)/.exec(source)?.[1];
    const labelled = title ? ` aria-labelledby="chart-title-${DIAGRAM_ID}"><title id="chart-title-${DIAGRAM_ID}">${title}</title>` : '>';
    return `<svg id="${DIAGRAM_ID}" role="graphics-document document" aria-roledescription="flowchart-v2"${labelled}<style>#${DIAGRAM_ID}{fill:${theme}}</style><marker id="${DIAGRAM_ID}_arrow"></marker></svg>`;
  };
  return {
    sources,
    async render(source) {
      sources.push(source);
      if (source.includes('-->(')) throw new DiagramSyntaxError("Parse error on line 2: Expecting 'NODE_STRING', got 'PS'", 2);
      return { light: svg('white', source), dark: svg('black', source) };
    },
  };
}

const FLOW = '```mermaid\ngraph TD\n  accTitle: Request flow\n  A --> B\n```';

describe('rehype-mermaid in the note pipeline', () => {
  it('turns a mermaid fence into a figure with a light and a dark SVG, ids unique per diagram and theme', async () => {
    const renderer = fakeRenderer();
    const render = createNotePipeline(undefined, 'oniguruma', renderer);
    const note = await render(`Intro.\n\n${FLOW}\n\nBetween.\n\n${FLOW}`, '/garden/bits/flow.md');
    expect(renderer.sources).toEqual(['graph TD\n  accTitle: Request flow\n  A --> B', 'graph TD\n  accTitle: Request flow\n  A --> B']);
    expect(note.diagrams).toHaveLength(2);
    const figures = note.html.match(/<figure class="diagram diagram--drawn">[\s\S]*?<\/figure>/g) ?? [];
    expect(figures).toHaveLength(2);
    expect(figures[0]).toMatch(/<div class="diagram__svg diagram__svg--light"><svg id="(diagram-[0-9a-f]{6}-1-light)"[^>]*aria-labelledby="chart-title-\1"><title id="chart-title-\1">Request flow<\/title><style>#\1\{fill:white\}/);
    expect(figures[0]).toMatch(/<div class="diagram__svg diagram__svg--dark"><svg id="diagram-[0-9a-f]{6}-1-dark"/);
    const ids = [...note.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(note.html).not.toContain(DIAGRAM_ID);
    expect(note.html).not.toContain('language-mermaid');
  });

  it('names a diagram without accTitle by its title="…" caption, else by its kind', async () => {
    const render = createNotePipeline(undefined, 'oniguruma', fakeRenderer());
    const captioned = await render('```mermaid title="How a page is built"\ngraph LR\n  A --> B\n```', '/garden/bits/a.md');
    expect(captioned.html).toMatch(/<svg[^>]*aria-label="How a page is built"/);
    expect(captioned.html).toContain('<figcaption>How a page is built</figcaption>');
    const bare = await render('```mermaid\ngraph LR\n  A --> B\n```', '/garden/bits/b.md');
    expect(bare.html).toMatch(/<svg[^>]*aria-label="flowchart diagram"/);
    expect(bare.html).not.toContain('<figcaption>');
  });

  it('shows the source, highlighted, in a figure that says why when there is no renderer', async () => {
    const render = createNotePipeline(undefined, 'oniguruma');
    const note = await render(FLOW, '/garden/bits/flow.md');
    expect(note.html).toMatch(/<figure class="diagram diagram--source"><p class="diagram__note">A Mermaid diagram, shown as its source[^<]*<\/p><div class="code-block">/);
    expect(note.html).toContain('accTitle');
    expect(note.html).not.toContain('<svg id="diagram');
    expect(note.diagrams).toEqual(['graph TD\n  accTitle: Request flow\n  A --> B']);
  });

  it('stops on a diagram Mermaid cannot parse, naming the file and the line in it', async () => {
    const render = createNotePipeline(undefined, 'oniguruma', fakeRenderer());
    const body = 'Line one.\n\n```mermaid\ngraph TD\n  A -->( B\n```';
    // The fence opens on line 3, the diagram's line 2 is the note's line 5.
    await expect(render(body, `${process.cwd()}/garden/bits/broken.md`)).rejects.toThrow(/garden\/bits\/broken\.md:5: diagram: Parse error on line 2/);
  });

  it('leaves other code blocks alone', async () => {
    const renderer = fakeRenderer();
    const note = await createNotePipeline(undefined, 'oniguruma', renderer)('```js\nconst graph = "TD";\n```', '/garden/bits/js.md');
    expect(renderer.sources).toEqual([]);
    expect(note.html).not.toContain('diagram');
  });
});

describe('rehype-mermaid in Astro’s processor (.mdx and other Markdown)', () => {
  it('draws a fence Shiki has highlighted already', async () => {
    const processor = await createMarkdownProcessor({ remarkPlugins, rehypePlugins: rehypePluginsFor(fakeRenderer()), shikiConfig });
    const { code } = await processor.render(FLOW, { fileURL: new URL('file:///garden/bits/x.md') });
    expect(code).toMatch(/<figure class="diagram diagram--drawn"><div class="diagram__svg diagram__svg--light"><svg id="diagram-[0-9a-f]{6}-1-light"/);
    expect(code).not.toContain('astro-code');
  });
});

describe('checking diagrams (check/diagrams.ts) with Mermaid’s parser on its thread (mermaid-thread.ts)', () => {
  const note = (text: string) => [{ path: 'bits/flow.md', displayPath: 'content/bits/flow.md', text }];
  const mermaid = startMermaidParser(process.cwd());
  const parser = () => mermaid.parser;
  afterAll(() => mermaid.stop());

  it('finds the top-level mermaid fences with their file lines, indented ones included', () => {
    const text = '---\ntitle: x\n---\n```mermaid\ngraph TD\n  A --> B\n```\n\n```js\nmermaid()\n```\n\n  ~~~mermaid\n  pie\n    "a": 1\n  ~~~\n';
    expect(mermaidFences(text)).toEqual([
      { source: 'graph TD\n  A --> B', line: 4 },
      { source: 'pie\n  "a": 1', line: 13 },
    ]);
  });

  it('reports a diagram Mermaid cannot parse with the file, the line and Mermaid’s reason', async () => {
    const text = '---\ntitle: x\n---\nText.\n\n```mermaid\nflowchart TD\n  A --> B\n  B --x(\n```\n';
    const problems = await checkDiagrams(note(text), { parser });
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toMatch(/^content\/bits\/flow\.md:9: diagram: Mermaid cannot parse the diagram: Parse error on line 3: Expecting .* got 'PS' \(expected a valid Mermaid diagram/);
  });

  it('reports an unknown kind of diagram on its first line, and passes good ones', async () => {
    const problems = await checkDiagrams(note('```mermaid\nflowchat TD\n  A --> B\n```\n\n```mermaid\nsequenceDiagram\n  A->>B: hi\n```\n'), { parser });
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/^content\/bits\/flow\.md:2: diagram: Mermaid cannot parse the diagram: No diagram type detected/)]);
  });

  it('parses the kinds whose labels Mermaid sanitizes (flowcharts with labels, class, state, gantt, mindmap) without a DOM', async () => {
    const good = ['flowchart LR\n  a[Load] --> b{Valid?}\n  b -->|yes| c[Parse]', 'classDiagram\n  Animal <|-- Duck', 'stateDiagram-v2\n  [*] --> A\n  A --> B: go', 'gantt\n  title Plan\n  section A\n  Task :a1, 2024-01-01, 3d', 'mindmap\n  root((x))\n    a'];
    const text = good.map((source) => `\`\`\`mermaid\n${source}\n\`\`\``).join('\n\n');
    await expect(checkDiagrams(note(text), { parser })).resolves.toEqual([]);
    const bad = await checkDiagrams(note('Intro.\n\n```mermaid\nclassDiagram\n  class Broken {{{\n```\n'), { parser });
    expect(bad.map(formatProblem)).toEqual([expect.stringMatching(/^content\/bits\/flow\.md:5: diagram: Mermaid cannot parse the diagram: Parse error on line 2/)]);
  });

  it('leaves diagrams known to parse, and those that need a browser to parse, to the build', async () => {
    const parse = vi.fn(async (text: string) => {
      if (text.startsWith('classDiagram')) throw new TypeError('DOMPurify.addHook is not a function');
      throw new Error('Parse error on line 1');
    });
    const problems = await checkDiagrams(note('```mermaid\nclassDiagram\n  A <|-- B\n```\n\n```mermaid\ngraph TD\n  drawn before\n```\n'), {
      known: (source) => source.includes('drawn before'),
      parser: () => ({ parse }),
    });
    expect(problems).toEqual([]);
    expect(parse).toHaveBeenCalledTimes(1);
  });
});
