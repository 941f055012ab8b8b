import { describe, expect, it } from 'vitest';
import { codeWords, htmlText, markdownToText, splitSections } from '../../src/lib/search/text';

describe('markdownToText', () => {
  it('keeps the identifiers inside code fences and inline code, without their punctuation', () => {
    const text = markdownToText('Use `x.view(-1)` here.\n\n```python\nreturn scores.masked_fill(future, float("-inf"))\n```\n');
    expect(text).toContain('masked_fill');
    expect(text).toContain('scores.masked_fill');
    expect(text).toContain('x.view');
    expect(text).not.toMatch(/[()"`]/);
  });

  it('drops inline and display math but keeps the prose around it', () => {
    const text = markdownToText('The score is $QK^\\top / \\sqrt{d_k}$ per pair.\n\n$$\n\\mathrm{softmax}(x_i) = \\frac{e^{x_i}}{\\sum_j e^{x_j}}\n$$\n\nCosts \\$5.');
    expect(text).toBe('The score is per pair. Costs $5.');
  });

  it('strips Markdown syntax and HTML, keeping link texts and image alts', () => {
    const text = markdownToText(
      '## A *heading*\n\n> Quoted **bold** and [a link](https://example.com/x "title") and ![the alt](pic.png).\n\n- item one\n- item two\n\n<div class="note"><b>Inline</b> &amp; html</div>\n<!-- a comment -->\n\n[ref]: https://example.com\n',
    );
    expect(text).toBe('A heading Quoted bold and a link and the alt . item one item two Inline & html');
  });

  it('turns tables into their cell texts', () => {
    expect(markdownToText('| Tensor | Shape |\n|---|:--:|\n| Q | (B, T) |\n')).toBe('Tensor Shape Q (B, T)');
  });

  it('ignores frontmatter if a body still carries it', () => {
    expect(markdownToText('---\ntitle: Hidden\n---\nVisible text.')).toBe('Visible text.');
  });

  it('drops MDX imports, exports, expressions and component tags, but not braces inside code', () => {
    const mdx = "import Chart from '../components/Chart.astro';\nexport const meta = {\n  a: 1,\n};\n\nSome {props.value} text with <Chart data={[1, 2]} /> a chart.\n\n```ts\nconst o = { alpha_beta: 1 };\n```\n";
    const text = markdownToText(mdx, { mdx: true });
    expect(text).not.toMatch(/import|Chart|props|meta/);
    expect(text).toContain('Some text with a chart.');
    expect(text).toContain('alpha_beta');
  });
});

describe('codeWords and htmlText', () => {
  it('keeps dotted and snake_case identifiers whole', () => {
    expect(codeWords('torch.ones(T, T).triu(diagonal=1) # apply_causal_mask')).toBe('torch.ones T T triu diagonal 1 apply_causal_mask');
  });

  it('removes tags, comments and scripts and decodes common entities', () => {
    expect(htmlText('<p title="x">a &lt;b&gt;</p><!-- c --><script>alert(1)</script>').replace(/\s+/g, ' ').trim()).toBe('a <b>');
  });
});

describe('splitSections', () => {
  const body = 'Lead paragraph.\n\n## First part\n\nAlpha text.\n\n### Detail\n\nBeta text.\n\n#### Deeper\n\nStill detail.\n\n## Second part\n\nGamma `code_word`.\n';

  it('splits at ## and ### headings and keeps deeper headings inside their section', () => {
    const { intro, sections } = splitSections(body);
    expect(intro).toBe('Lead paragraph.');
    expect(sections.map((s) => [s.heading.depth, s.heading.slug, s.heading.text, s.text])).toEqual([
      [2, 'first-part', 'First part', 'Alpha text.'],
      [3, 'detail', 'Detail', 'Beta text. Deeper Still detail.'],
      [2, 'second-part', 'Second part', 'Gamma code_word .'],
    ]);
  });

  it('takes the anchors from the rendered headings when they line up', () => {
    const rendered = [
      { depth: 2, slug: 'first-part-1', text: 'First part' },
      { depth: 3, slug: 'detail-x', text: 'Detail' },
      { depth: 4, slug: 'deeper', text: 'Deeper' },
      { depth: 2, slug: 'second', text: 'Second part' },
    ];
    expect(splitSections(body, { rendered }).sections.map((s) => s.heading.slug)).toEqual(['first-part-1', 'detail-x', 'second']);
  });

  it('computes GitHub-style slugs, de-duplicated, when the rendered headings do not line up', () => {
    const twice = '## Notes\n\nOne.\n\n## Notes\n\nTwo.\n\n## What’s new in `torch.compile`?\n\nThree.\n';
    const { sections } = splitSections(twice, { rendered: [{ depth: 2, slug: 'only-one', text: 'Notes' }] });
    expect(sections.map((s) => s.heading.slug)).toEqual(['notes', 'notes-1', 'whats-new-in-torchcompile']);
  });
});
