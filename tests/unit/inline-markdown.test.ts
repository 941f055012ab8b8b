import { describe, expect, it } from 'vitest';
import { inlineFormulas, inlineMarkdownRenderer, inlineSource } from '../../src/lib/markdown/inline-markdown';

const render = inlineMarkdownRenderer({ base: '/' });

describe('inline Markdown (quiz facts)', () => {
  it('typesets $…$ math with KaTeX and keeps its TeX as the plain text', () => {
    const out = render('Divide by $\\sqrt{d_k}$ first');
    expect(out.html).toMatch(/^Divide by <span class="katex">[\s\S]*<annotation encoding="application\/x-tex">\\sqrt\{d_k\}<\/annotation>[\s\S]*<\/span> first$/);
    expect(out.text).toBe('Divide by \\sqrt{d_k} first');
  });

  it('renders code, emphasis and links without a wrapping paragraph, with typographic quotes (the plain text keeps what was typed)', () => {
    const out = render('Call `torch.autograd.set_detect_anomaly(True)`, *then* see [the bit](/bits/x/) -- "fast"');
    expect(out.html).toBe('Call <code>torch.autograd.set_detect_anomaly(True)</code>, <em>then</em> see <a href="/bits/x/">the bit</a> — “fast”');
    expect(out.text).toBe('Call torch.autograd.set_detect_anomaly(True), then see the bit -- "fast"');
  });

  it('puts the base path in front of links written from the site root', () => {
    expect(inlineMarkdownRenderer({ base: '/garden/' })('[a](/bits/x/)').html).toBe('<a href="/garden/bits/x/">a</a>');
  });

  it('leaves plain answers as they are, and never reads block syntax: lists, headings, quotes, rules', () => {
    expect(render('3').html).toBe('3');
    expect(render('O(s^2)').html).toBe('O(s^2)');
    expect(render('1. Sort the keys').html).toBe('1. Sort the keys');
    expect(render('- 3').html).toBe('- 3');
    expect(render('# of heads').html).toBe('# of heads');
    expect(render('> 0.5').html).toBe('> 0.5');
    expect(render('---').html).toBe('---');
    expect(render('masked_fill and 2 * 3 * 4').html).toBe('masked_fill and 2 * 3 * 4');
    expect(inlineSource('a\n  b')).toBe('a b');
  });

  it('shows raw HTML as text', () => {
    expect(render('Press <kbd>Ctrl</kbd>').html).toBe('Press &#x3C;kbd>Ctrl&#x3C;/kbd>');
    expect(render('<script>alert(1)</script>').html).not.toContain('<script');
  });

  it('draws a formula KaTeX rejects in red instead of throwing (the checker reports it)', () => {
    expect(render('$\\frac{1}{2$').html).toContain('katex-error');
  });

  it('lists the formulas the checker hands to KaTeX, and none in code', () => {
    expect(inlineFormulas('$a$ and `$b$` and $$c$$')).toEqual([
      { value: 'a', display: false },
      { value: 'c', display: false },
    ]);
    expect(inlineFormulas('costs 5 dollars')).toEqual([]);
  });
});
