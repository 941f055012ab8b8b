import { describe, expect, it, vi } from 'vitest';
import { findMathFailures, formulaCheck, katexFailure } from '../../src/lib/check/math';

describe('findMathFailures', () => {
  it.each([
    ['an empty body', ''],
    ['prose without math', 'Just words, no formulas.'],
    ['valid inline math', 'The square $a^2$ and $\\sqrt{b}$.'],
    ['valid display math', 'Softmax:\n\n$$\n\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}\n$$\n'],
    ['escaped dollars', 'It costs \\$5, or \\$6 with tax.'],
    ['a broken formula inside a code block', '```python\nprice = "$\\frac{1}{2$"\n```\n'],
    ['a broken formula in inline code', 'Write `$\\frac{1}{2$` to break it.'],
    ['a valid ```math block', '```math\n\\frac{1}{2}\n```\n'],
  ])('finds nothing wrong in %s', (_name, body) => {
    expect(findMathFailures(body)).toEqual([]);
  });

  it('reports a broken inline formula with its line, formula and KaTeX reason', () => {
    expect(findMathFailures('First line.\nA bad $\\frac{1}{2$ formula.')).toEqual([
      { line: 2, formula: '\\frac{1}{2', reason: "Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{2" },
    ]);
  });

  it('reports a broken display formula on the line of its opening $$', () => {
    expect(findMathFailures('Intro.\n\n$$\n\\left( x\n$$\n')).toEqual([
      { line: 3, formula: '\\left( x', reason: "Expected '\\right', got 'EOF' at end of input: \\left( x" },
    ]);
  });

  it('reports an undefined command', () => {
    const [failure] = findMathFailures('Use $\\foo{x}$ here.');
    expect(failure).toMatchObject({ line: 1, formula: '\\foo{x}' });
    expect(failure?.reason).toMatch(/^Undefined control sequence: \\foo/);
  });

  it('reports every broken formula, in order', () => {
    const body = 'A $\\frac{1}{2$ and $\\foo$.\n\nOK $x$.\n\n$$\n\\sqrt{\n$$\n';
    expect(findMathFailures(body).map((f) => [f.line, f.formula])).toEqual([
      [1, '\\frac{1}{2'],
      [1, '\\foo'],
      [5, '\\sqrt{'],
    ]);
  });

  it('accepts what strict mode would only warn about', () => {
    // Unicode text in math is a strict-mode warning, not an error, in KaTeX.
    expect(findMathFailures('$\\text{é}$ and $é$')).toEqual([]);
  });

  it('reports a broken formula in a ```math fence, on the line of its opening fence', () => {
    expect(findMathFailures('Intro.\n\n```math\n\\sqrt{\n```\n')).toEqual([
      { line: 3, formula: '\\sqrt{', reason: "Expected '}', got 'EOF' at end of input: \\sqrt{" },
    ]);
  });
});

describe('katexFailure', () => {
  it.each<[string, boolean]>([
    ['a^2', false],
    ['\\frac{1}{2}', true],
    ['\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}', true],
    ['\\text{é}', false],
    ['', false],
  ])('typesets %j (display: %s)', (formula, display) => {
    expect(katexFailure(formula, display)).toBeUndefined();
  });

  it.each<[string, boolean, string]>([
    ['\\frac{1}{2', false, "Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{2"],
    ['\\sqrt{', true, "Expected '}', got 'EOF' at end of input: \\sqrt{"],
    ['\\left( x', true, "Expected '\\right', got 'EOF' at end of input: \\left( x"],
  ])('explains why %j cannot be typeset (display: %s)', (formula, display, reason) => {
    expect(katexFailure(formula, display)).toBe(reason);
  });

  it('drops KaTeX\'s "KaTeX parse error:" prefix', () => {
    expect(katexFailure('\\nope', false)).toMatch(/^Undefined control sequence: \\nope/);
  });
});

describe('formulaCheck', () => {
  it('gives what katexFailure gives, typesetting each distinct formula once', async () => {
    const katex = (await import('katex')).default;
    const typeset = vi.spyOn(katex, 'renderToString');
    try {
      const check = formulaCheck();
      const asked: [string, boolean][] = [['x^2', false], ['\\frac{a}{b', false], ['x^2', false], ['x^2', true], ['\\frac{a}{b', false]];
      const answers = asked.map(([formula, display]) => check(formula, display));
      expect(answers).toEqual(asked.map(([formula, display]) => katexFailure(formula, display)));
      expect(answers[1]).toMatch(/expected '}'/);
      // Three distinct (formula, display mode) pairs for formulaCheck, then five for katexFailure itself.
      expect(typeset).toHaveBeenCalledTimes(3 + 5);
    } finally {
      typeset.mockRestore();
    }
  });
});
