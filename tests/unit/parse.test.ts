import { describe, expect, it } from 'vitest';
import { fixtureMarkdownNotes } from '../helpers/files';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { parseMarkdown } from '../../src/lib/markdown/parse';

// What the pipeline parsed with before: parseMarkdown must give exactly its tree, positions and all.
const remark = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
const remarkTree = (markdown: string) => JSON.parse(JSON.stringify(remark.runSync(remark.parse(markdown))));
const nativeTree = (markdown: string) => JSON.parse(JSON.stringify(parseMarkdown(markdown)));

const EDGE_CASES: Record<string, string> = {
  'setext and ATX headings': 'Title\n=====\n\nSub\n---\n\n### Third ###\n\n#not a heading',
  'thematic break first': '---\n\ntext after a rule',
  'nested lists and lazy lines': '- one\n  - two\n    1. three\n    2) four\nlazy\n\n* loose\n\n* list',
  'task lists': '- [ ] open\n- [x] done\n- [X] also done\n- [ ]not a task',
  'tables with alignment and escaped pipes': '| a | b | c |\n|:--|:-:|--:|\n| `x\\|y` | **b** | $c$ |\n| only one |',
  'footnotes': 'Text[^1] and[^note].\n\n[^1]: First.\n[^note]: Second\n    with a second line.\n\n[^unused]: /not-a-link',
  'autolink literals': 'See www.example.com, https://a.b/c?d=e). and mail@example.org or <https://x.y>.',
  'strikethrough': '~one~ ~~two~~ ~~~three~~~',
  'inline math edge cases': 'Cost $5 and $6, $$x^2$$ inline, \\$escaped\\$, $a_{i}$ and $ spaced $ text, `$code$`.',
  'display math': '$$\n\\sum_{i=1}^n i = \\frac{n(n+1)}{2}\n$$\n\n$$ \\text{one line} $$\n\n> $$\n> a\n> $$',
  'math fence': '```math\nE = mc^2\n```',
  'code': '```python title="x.py"\nprint(1)\n```\n\n    indented code\n\n~~~\ntilde fence\n~~~\n\nInline `code` and ``double `tick` code``.',
  'html': '<div class="note">\n\n*markdown* inside\n\n</div>\n\nInline <kbd>Ctrl</kbd> and <!-- comment -->.\n\n<details><summary>More</summary>Hidden</details>',
  'links and definitions': '[a](/x "title") [b][ref] [c][] [ref] ![img](i.png) [[wiki link]]\n\n[ref]: /target \'T\'\n[c]: <http://c.example> (paren title)',
  'emphasis edge cases': '*a **b** c* _d_ __e__ a*b*c snake_case_word **unclosed *mixed**',
  'entities and escapes': '&amp; &copy; &#35; &#x22; \\* \\_ \\\\ &notanentity;',
  'hard breaks': 'two spaces  \nbackslash\\\nend',
  'block quotes': '> quote\n> > nested\n>\n> - list in quote\nlazy continuation',
  'CRLF line endings': 'Line one\r\nLine two\r\n\r\n- item\r\n- item\r\n\r\n$$\r\nx\r\n$$\r\n',
  'tabs': '-\tone\n\n\tcode with tab\n\n|\ta\t|\tb\t|\n|---|---|\n|\t1\t|\t2\t|',
  'unicode': 'Ünïcödé — “quotes” … and emoji 🧪 in *emphasis 🧪*, CJK 漢字.\n\n| 表 | ✓ |\n|---|---|\n| 🧪 | ü |',
  'a NUL character': 'before\u0000after',
  'empty': '',
  'only whitespace': '   \n\n\t\n',
};

describe('parseMarkdown', () => {
  it.each(Object.entries(EDGE_CASES))('gives remark-parse’s tree for %s', (_, markdown) => {
    expect(nativeTree(markdown)).toEqual(remarkTree(markdown));
  });

  it('marks formulas for rehype-katex as remark-math does', () => {
    const tree = parseMarkdown('Inline $x$.\n\n$$\ny\n$$');
    const [paragraph, display] = tree.children as unknown as [{ children: { type: string; data?: unknown }[] }, { data?: unknown }];
    expect(paragraph.children[1]!.data).toEqual({ hName: 'code', hProperties: { className: ['language-math', 'math-inline'] }, hChildren: [{ type: 'text', value: 'x' }] });
    expect(display.data).toEqual({ hName: 'pre', hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value: 'y' }] }] });
  });

  it('gives remark-parse’s tree for every note of the test fixtures', () => {
    const notes = fixtureMarkdownNotes();
    expect(notes.length).toBeGreaterThan(100);
    // Whole files, front matter included: it parses as a rule and a heading or paragraph, the same on both sides.
    const different = notes.filter((path) => {
      const text = readFileSync(path, 'utf8');
      return !isDeepStrictEqual(nativeTree(text), remarkTree(text));
    });
    expect(different).toEqual([]);
  });
});
