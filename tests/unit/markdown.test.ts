import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import { rehypePlugins, remarkPlugins, remarkPluginsFor, shikiConfig } from '../../src/lib/markdown/plugins';
import { buildToc } from '../../src/lib/toc';

let processor: Awaited<ReturnType<typeof createMarkdownProcessor>>;
const FILE = new URL('file:///tmp/x.md');

beforeAll(async () => {
  processor = await createMarkdownProcessor({ remarkPlugins, rehypePlugins, shikiConfig });
});

const render = async (markdown: string, fileURL: URL = FILE) => processor.render(markdown, { fileURL });
const html = async (markdown: string) => (await render(markdown)).code;
const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;

describe('plugin lists', () => {
  it('uses remark-math alone when no link options are given', () => {
    expect(remarkPlugins).toEqual([remarkMath]);
    expect(remarkPluginsFor()).toEqual([remarkMath]);
  });

  it('highlights with GitHub light and dark themes, both as CSS variables for the stylesheet to pick', () => {
    expect(shikiConfig).toMatchObject({ themes: { light: 'github-light-default', dark: 'github-dark-default' }, defaultColor: false, wrap: false });
  });
});

describe('math', () => {
  // Astro's processor logs a failed render with console.error before rejecting; keep the test output readable.
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('typesets inline math with KaTeX inside the paragraph', async () => {
    const code = await html('The square $a^2$ grows.');
    expect(code).toMatch(/^<p>The square <span class="katex"><span class="katex-mathml"><math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML">/);
    expect(code).toContain('<annotation encoding="application/x-tex">a^2</annotation>');
    expect(code).toContain('<span class="katex-html" aria-hidden="true">');
    expect(code).not.toContain('katex-display');
    expect(code).not.toContain('$');
  });

  it('typesets display math as a block', async () => {
    const code = await html('Softmax:\n\n$$\n\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}\n$$\n\nAfter.');
    expect(code).toContain('<span class="katex-display" tabindex="0"><span class="katex">');
    expect(code).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(code).toContain('<annotation encoding="application/x-tex">\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}</annotation>');
    expect(code).toContain('<span class="mfrac">');
    expect(code).not.toContain('$$');
    expect(code).not.toContain('$');
    expect(code).toMatch(/<p>After\.<\/p>\s*$/);
  });

  it('typesets a ```math fence as display math, not as code', async () => {
    const code = await html('```math\n\\frac{1}{2}\n```\n');
    expect(code).toContain('<span class="katex-display" tabindex="0">');
    expect(code).not.toContain('astro-code');
    expect(code).not.toContain('data-copy-code');
  });

  it('keeps an escaped dollar as a literal dollar', async () => {
    const code = await html('It costs \\$5 or \\$6.');
    expect(code).toBe('<p>It costs $5 or $6.</p>');
  });

  it('accepts what KaTeX strict mode would only warn about', async () => {
    await expect(render('Café: $\\text{é}$ and $é$.')).resolves.toMatchObject({ code: expect.stringContaining('class="katex"') });
  });

  it('stops on a broken inline formula, naming the file, line and formula', async () => {
    const rendering = render('Intro.\n\nA bad $\\frac{1}{2$ here.');
    await expect(rendering).rejects.toThrow(/\/tmp\/x\.md:3: math: KaTeX cannot typeset "\\frac\{1\}\{2": /);
    await expect(rendering).rejects.toThrow(/A formula cannot be typeset \(expected valid KaTeX\)/);
  });

  it('names the file relative to the working directory when it is inside it', async () => {
    const inside = pathToFileURL(join(process.cwd(), 'content/bits/broken.md'));
    await expect(render('Bad $\\foo$.', inside)).rejects.toThrow(/\n {2}content\/bits\/broken\.md:1: math: KaTeX cannot typeset "\\foo": Undefined control sequence/);
  });

  it('stops on a broken formula in a ```math fence', async () => {
    await expect(render('Intro.\n\n```math\n\\sqrt{\n```\n')).rejects.toThrow(/\/tmp\/x\.md:3: math: KaTeX cannot typeset "\\sqrt\{"/);
  });

  it('stops on a broken display formula, naming the file', async () => {
    await expect(render('Intro.\n\n$$\n\\frac{1}{2\n$$\n')).rejects.toThrow(/\/tmp\/x\.md:3: math: KaTeX cannot typeset "\\frac\{1\}\{2"/);
  });

  // Regression (markdown/rehype-math-errors.ts): rehype-katex gives a `$$` block's message no
  // position (its `place` is the <code> inside the <pre>, which has none), so the error
  // reads "/tmp/x.md:?: math: …" although the component promises "the file, the line and
  // the formula"; the <pre> ancestor does carry the line.
  it('names the line of a broken display formula', async () => {
    await expect(render('Intro.\n\n$$\n\\frac{1}{2\n$$\n')).rejects.toThrow(/\/tmp\/x\.md:3: math: /);
  });
});

describe('code blocks', () => {
  const python = '```python\ndef f(x):\n    return x + 1\n```\n';

  it('highlights code with Shiki in both themes', async () => {
    const code = await html(python);
    expect(code).toContain('<pre class="astro-code astro-code-themes github-light-default github-dark-default"');
    expect(code).toContain('data-language="python"');
    expect(code).toContain('--shiki-light-bg:#ffffff;--shiki-dark-bg:#0d1117');
    expect(code).toMatch(/<span style="--shiki-light:#[0-9A-Fa-f]{6};--shiki-dark:#[0-9A-Fa-f]{6}">def<\/span>/);
    expect(count(code, /--shiki-dark:/)).toBeGreaterThan(3);
  });

  it('renders a fence without a language as plain text', async () => {
    const code = await html('```\nplain words\n```\n');
    expect(code).toContain('data-language="plaintext"');
    expect(code).toContain('<span>plain words</span>');
  });

  it('puts a bar above each code block: its language (none for plain text) and a hidden copy button', async () => {
    const code = await html(`${python}\nBetween.\n\n\`\`\`text\nplain\n\`\`\`\n`);
    expect(count(code, /<pre class="astro-code/)).toBe(2);
    expect(count(code, /<div class="code-block"><div class="code-block__bar">/)).toBe(2);
    expect(count(code, /data-copy-code/)).toBe(2);
    expect(code).toContain('<div class="code-block__bar"><span class="code-block__lang">python</span><button type="button" class="copy-code" hidden data-copy-code="" aria-label="Copy code">Copy</button></div><pre class="astro-code');
    expect(code).toContain('<div class="code-block__bar"><button type="button" class="copy-code" hidden data-copy-code="" aria-label="Copy code">Copy</button></div><pre class="astro-code');
  });

  it('adds no copy button to inline code', async () => {
    const code = await html('Use `x + 1` here.');
    expect(code).toBe('<p>Use <code>x + 1</code> here.</p>');
  });
});

describe('headings', () => {
  const doc = '## First section\n\nText.\n\n### A detail\n\n#### Too deep\n\n## Learning C#\n';

  it('gives h2 and h3 an id and a link to themselves, but not h4', async () => {
    const code = await html(doc);
    expect(code).toContain('<div class="heading-wrapper heading-wrapper--h2"><h2 id="first-section">First section</h2><a class="heading-anchor" href="#first-section"><span aria-hidden="true">#</span><span class="visually-hidden">Section titled “First section”</span></a></div>');
    expect(code).toContain('<div class="heading-wrapper heading-wrapper--h3"><h3 id="a-detail">A detail</h3><a class="heading-anchor" href="#a-detail">');
    expect(code).toMatch(/<h4 id="too-deep">Too deep<\/h4>/);
    expect(count(code, /class="heading-anchor"/)).toBe(3);
  });

  it('collects headings whose texts make a clean table of contents', async () => {
    const { metadata } = await render(doc);
    expect(metadata.headings.map((h) => [h.depth, h.slug])).toEqual([
      [2, 'first-section'],
      [3, 'a-detail'],
      [4, 'too-deep'],
      [2, 'learning-c'],
    ]);
    expect(buildToc(metadata.headings)).toEqual([
      { slug: 'first-section', text: 'First section', children: [{ slug: 'a-detail', text: 'A detail' }] },
      { slug: 'learning-c', text: 'Learning C#', children: [] },
    ]);
  });
});

describe('a small document', () => {
  it('renders as before', async () => {
    const code = await html(
      [
        '## Why it matters',
        '',
        'Some *emphasis*, `inline code` and "quotes" -- with a [link](https://example.org).',
        '',
        '- one',
        '- two',
        '',
        '| n | n² |',
        '|---|---:|',
        '| 2 | 4 |',
        '',
        '```text',
        'hello',
        '```',
      ].join('\n'),
    );
    expect(code).toMatchInlineSnapshot(`
      "<div class="heading-wrapper heading-wrapper--h2"><h2 id="why-it-matters">Why it matters</h2><a class="heading-anchor" href="#why-it-matters"><span aria-hidden="true">#</span><span class="visually-hidden">Section titled “Why it matters”</span></a></div>
      <p>Some <em>emphasis</em>, <code>inline code</code> and “quotes” — with a <a href="https://example.org">link</a>.</p>
      <ul>
      <li>one</li>
      <li>two</li>
      </ul>
      <table tabindex="0">
      <thead>
      <tr>
      <th>n</th>
      <th align="right">n²</th>
      </tr>
      </thead>
      <tbody>
      <tr>
      <td>2</td>
      <td align="right">4</td>
      </tr>
      </tbody>
      </table>
      <div class="code-block"><div class="code-block__bar"><button type="button" class="copy-code" hidden data-copy-code="" aria-label="Copy code">Copy</button></div><pre class="astro-code astro-code-themes github-light-default github-dark-default" style="--shiki-light:#1f2328;--shiki-dark:#e6edf3;--shiki-light-bg:#ffffff;--shiki-dark-bg:#0d1117; overflow-x: auto;" tabindex="0" data-language="text"><code><span class="line"><span>hello</span></span></code></pre></div>"
    `);
  });
});
