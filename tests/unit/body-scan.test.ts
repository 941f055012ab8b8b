import { describe, expect, it } from 'vitest';
import { isRootLink, scanBody, shiftScan, trimBody } from '../../src/lib/check/body-scan';

const body = (...lines: string[]) => lines.join('\n');

describe('scanBody', () => {
  it('finds links written from the site root, with their lines', () => {
    const scan = scanBody(
      body(
        'See [the bit](/bits/kv-cache/) and [a heading](/shorts/x/#why "title").',
        '',
        'A [reference][ref] link.',
        '',
        '[ref]: /cheatsheets/basics/',
        '',
        'Raw <a href="/tags/llm/">HTML</a> and <a href=\'/tags/single/\'>quotes</a>.',
        '',
        '<div>',
        '<a href="/bits/in-block/">block</a>',
        '</div>',
      ),
    );
    expect(scan.rootLinks).toEqual([
      { url: '/bits/kv-cache/', line: 1 },
      { url: '/shorts/x/#why', line: 1 },
      { url: '/cheatsheets/basics/', line: 5 },
      { url: '/tags/llm/', line: 7 },
      { url: '/tags/single/', line: 7 },
      { url: '/bits/in-block/', line: 10 },
    ]);
  });

  it('leaves out other links and anything inside code or math', () => {
    const scan = scanBody(
      body(
        '[site](https://example.com/bits/) [protocol-relative](//cdn.example.com/x) [relative](../bits/x.md) [anchor](#top)',
        '',
        '`[inline](/bits/in-code/)`',
        '',
        '```markdown',
        '[fenced](/bits/in-fence/)',
        '```',
        '',
        '$[a](/b)$',
      ),
    );
    expect(scan.rootLinks).toEqual([]);
  });

  it('collects formulas: inline, display and ```math fences, with their lines', () => {
    const scan = scanBody(body('Inline $a^2$ here.', '', '$$', '\\frac{1}{2}', '$$', '', '```math', 'x+y', '```', '', 'A price of \\$5.'));
    expect(scan.formulas).toEqual([
      { value: 'a^2', display: false, line: 1 },
      { value: '\\frac{1}{2}', display: true, line: 3 },
      { value: 'x+y', display: true, line: 7 },
    ]);
    expect(scan.hasMath).toBe(true);
    expect(scan.hasCode).toBe(false);
  });

  it('says whether a body shows code or math', () => {
    expect(scanBody('Only prose, and `inline code`.')).toMatchObject({ hasCode: false, hasMath: false });
    expect(scanBody('```python\nx = 1\n```')).toMatchObject({ hasCode: true, hasMath: false });
    expect(scanBody('    indented code')).toMatchObject({ hasCode: true });
    expect(scanBody('A $\\$5$ price')).toMatchObject({ hasMath: true });
  });
});

describe('GFM, as the build renders it', () => {
  it('reads a footnote, a table cell and a bare address as the page shows them', () => {
    const scan = scanBody(
      body(
        'A claim.[^src]',
        '',
        '[^src]: /bits/not-a-link/',
        '',
        '| a | b |',
        '| - | - |',
        '| $x$ | [cell](/bits/in-table/) |',
        '',
        'Visit www.example.com/bits/ today.',
      ),
    );
    // A footnote is not a link definition, and www.… links to another site.
    expect(scan.rootLinks).toEqual([{ url: '/bits/in-table/', line: 7 }]);
    expect(scan.formulas).toEqual([{ value: 'x', display: false, line: 7 }]);
  });
});

describe('trimBody and shiftScan', () => {
  it('parses the body as the note renderer does and counts lines from the body as written', () => {
    const written = body('', '', '  Intro with $a$.', '', '[x](/bits/x/)', '', '');
    const { text, offset } = trimBody(written);
    expect(text).toBe('Intro with $a$.\n\n[x](/bits/x/)');
    expect(offset).toBe(2);
    const scan = shiftScan(scanBody(text), offset);
    expect(scan.formulas).toEqual([{ value: 'a', display: false, line: 3 }]);
    expect(scan.rootLinks).toEqual([{ url: '/bits/x/', line: 5 }]);
    expect(trimBody('No blank lines.')).toEqual({ text: 'No blank lines.', offset: 0 });
    expect(shiftScan(scan, -offset)).toEqual(scanBody(text));
  });
});

describe('isRootLink', () => {
  it.each<[string, boolean]>([
    ['/bits/x/', true],
    ['/', true],
    ['//cdn.example.com', false],
    ['https://x.dev/', false],
    ['bits/x/', false],
    ['#top', false],
  ])('%s → %s', (url, expected) => {
    expect(isRootLink(url)).toBe(expected);
  });
});
