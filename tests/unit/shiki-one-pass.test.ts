import { describe, expect, it } from 'vitest';
import { createHighlighter, type CodeToHastOptions, type LanguageRegistration, type ThemeRegistration } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { createOnigurumaEngine } from 'shiki/engine/oniguruma';
import type { ShikiConfig } from '@astrojs/markdown-remark';
import { highlightOptions } from '../../src/lib/markdown/rehype-note-shiki';
import { shikiConfig } from '../../src/lib/markdown/plugins';
import { countingOnePass, gardenCodeBlocks } from '../helpers/code-blocks';

type Engine = 'javascript' | 'oniguruma';

/** A highlighter as rehype-note-shiki makes one, the one-pass highlighting over it, and a count of the blocks it left to Shiki. */
async function harness(themes: NonNullable<ShikiConfig['themes']>, engine: Engine = 'javascript', langs: LanguageRegistration[] = []) {
  const highlighter = await createHighlighter({
    langs: ['plaintext', ...langs],
    themes: Object.values(themes),
    engine: engine === 'javascript' ? createJavaScriptRegexEngine() : await createOnigurumaEngine(import('shiki/wasm')),
  });
  const { onePass, fallbacks } = countingOnePass(highlighter);
  return {
    fallbacks,
    /** Loads the block's language; false for one Shiki does not have (rehype-note-shiki hands those to Astro). */
    async load(lang: string) {
      if (highlighter.getLoadedLanguages().includes(lang)) return true;
      return highlighter.loadLanguage(lang as never).then(
        () => true,
        () => false,
      );
    },
    /** Both HASTs, with fresh options for each (the project's transformers change the options they are given). */
    both(code: string, options: () => CodeToHastOptions) {
      return { onePass: onePass(code, options()), shiki: highlighter.codeToHast(code, options()) };
    },
  };
}

const PLAIN = ['plaintext', 'text', 'txt', 'plain'];

async function expectGardenParity(folder: string) {
  const blocks = gardenCodeBlocks(folder);
  const { load, both, fallbacks } = await harness(shikiConfig.themes!);
  let compared = 0;
  let plain = 0;
  for (const block of blocks) {
    if (!(await load(block.lang))) continue;
    const { onePass, shiki } = both(block.code, () => highlightOptions(shikiConfig, block.lang, block.meta));
    expect(onePass, block.where).toEqual(shiki);
    compared += 1;
    if (PLAIN.includes(block.lang)) plain += 1;
  }
  // Only plain text went to Shiki's own path; every other block was highlighted in one pass.
  expect(fallbacks()).toBe(plain);
  expect(compared - plain).toBeGreaterThan(0);
  return { blocks: blocks.length, compared };
}

describe('one-pass highlighting of both themes, against Shiki', () => {
  it('gives the HAST Shiki gives for every code block of the sample garden', async () => {
    const { blocks, compared } = await expectGardenParity('content');
    expect(compared).toBeGreaterThan(50);
    expect(compared).toBe(blocks);
  });

  it('gives the HAST Shiki gives for every code block of the fixture site', async () => {
    const { compared } = await expectGardenParity('tests/fixtures/site');
    expect(compared).toBeGreaterThan(10);
  });
});

const TRICKY: [string, string, string][] = [
  ['Markdown with fenced code in two languages', 'markdown', '# Title\n\nSome *em*, **strong** and `code`.\n\n```js\nconst x = `a${b}`;\n```\n\n~~~python\nprint(f"{x!r:>10}")\n~~~\n\n> quote [link](https://example.org "t")\n'],
  ['HTML with a script and a style', 'html', '<!doctype html>\n<div class="a" onclick="go(1)">\n  <script>let x = 1 < 2 && "s";</script>\n  <style>a:hover { color: red; }</style>\n</div>'],
  ['TSX', 'tsx', 'export const A = <T,>({ n }: { n: T }) => <div className="x">{String(n)}</div>;'],
  ['JSX', 'jsx', 'function B() {\n  return <ul>{[1, 2].map((i) => <li key={i}>{i}</li>)}</ul>;\n}'],
  ['a diff', 'diff', '--- a/x.py\n+++ b/x.py\n@@ -1,2 +1,2 @@\n-old = 1\n+new = 2\n same'],
  ['shell by its alias', 'sh', 'for f in *.md; do\n  echo "$f: $(wc -l < "$f")" >> out.txt  # count\ndone'],
  ['Python f-strings, decorators and tabs', 'py', '@dataclass\nclass P:\n\tx: int = 0\n\n\tdef f(self) -> str:\n\t\treturn f"{self.x:{width}.{prec}f} {{literal}}"\n'],
  ['LaTeX', 'latex', '\\begin{align}\n  E &= mc^2 \\\\ % energy\n  \\int_0^\\infty e^{-x}\\,dx &= 1\n\\end{align}'],
  ['YAML', 'yml', 'key: value\nlist:\n  - 1\n  - "two"\nanchor: &a { x: 1 }\nref: *a\n'],
  ['JSON', 'json', '{"a": [1, 2.5e3, true, null], "b": {"c": "\\u00e9"}}'],
  ['C++ by its alias', 'c++', '#include <vector>\ntemplate <typename T> T sum(const std::vector<T>& v) { return T{}; } // sum'],
  ['Rust', 'rust', "fn main() {\n    let s: &'static str = r#\"raw\"#;\n    println!(\"{s:?}\");\n}"],
  ['SQL', 'sql', "SELECT id, count(*) AS n -- c\nFROM notes WHERE title LIKE '%x%' GROUP BY id HAVING count(*) > 1;"],
  ['empty lines and lines of only whitespace', 'python', '\n\nx = 1\n    \n\t\n\ny = 2\n\n'],
  ['Windows line endings', 'ts', 'let a = 1;\r\nlet b = "2";\r\n'],
  ['a very long line', 'ts', `const xs = [${Array.from({ length: 3000 }, (_, i) => (i % 3 ? `"s${i}"` : `${i}`)).join(', ')}];`],
  ['no code at all', 'python', ''],
];

/** Two themes that style differently: font styles, backgrounds, rules under a parent scope, scopes only one of them styles. */
const STYLED: Record<'light' | 'dark', ThemeRegistration> = {
  light: {
    name: 'test-styled-light',
    type: 'light',
    fg: '#111111',
    bg: '#fefefe',
    settings: [
      { settings: { foreground: '#111111', background: '#fefefe' } },
      { scope: 'string', settings: { foreground: '#aa0000', fontStyle: 'italic' } },
      { scope: 'meta.function-call string', settings: { fontStyle: 'underline' } },
      { scope: ['keyword', 'storage'], settings: { foreground: '#0000aa', fontStyle: 'bold' } },
      { scope: 'comment', settings: { background: '#eeeeee' } },
      // Only a background, which Shiki does not show, and nothing in the other theme: the tokens still split where it changes.
      { scope: 'constant.numeric', settings: { background: '#dddddd' } },
      { scope: 'entity.name', settings: { foreground: '#AA00AA' } },
    ],
  },
  dark: {
    name: 'test-styled-dark',
    type: 'dark',
    fg: '#eeeeee',
    bg: '#101010',
    settings: [
      { settings: { foreground: '#eeeeee', background: '#101010' } },
      { scope: 'comment', settings: { foreground: '#00aa00', fontStyle: 'strikethrough' } },
      { scope: 'variable, entity.name.function', settings: { fontStyle: 'italic underline' } },
      { scope: 'punctuation.definition.string', settings: { foreground: '#123456' } },
      { scope: 'source.python string.quoted', settings: { foreground: '#654321', fontStyle: 'bold' } },
      { scope: 'meta.embedded', settings: { foreground: '#00ffff', fontStyle: '' } },
    ],
  },
};

describe('one-pass highlighting of tricky code, against Shiki', () => {
  const configs: [string, ShikiConfig, Engine][] = [
    ["the site's themes, JavaScript engine", shikiConfig, 'javascript'],
    ["the site's themes, Oniguruma", shikiConfig, 'oniguruma'],
    ['themes with font styles and backgrounds', { ...shikiConfig, themes: STYLED }, 'javascript'],
    ['a default colour', { ...shikiConfig, themes: STYLED, defaultColor: 'light' }, 'javascript'],
    ['light-dark()', { ...shikiConfig, defaultColor: 'light-dark()' }, 'javascript'],
  ];
  for (const [name, config, engine] of configs) {
    it(`gives Shiki's HAST with ${name}`, async () => {
      const { load, both, fallbacks } = await harness(config.themes!, engine);
      let styles = '';
      for (const [what, lang, code] of TRICKY) {
        expect(await load(lang), lang).toBe(true);
        const { onePass, shiki } = both(code, () => highlightOptions(config, lang, 'title="x.txt" {2}'));
        expect(onePass, what).toEqual(shiki);
        styles += JSON.stringify(onePass);
      }
      expect(fallbacks()).toBe(0);
      if (config.themes === STYLED) for (const style of ['italic', 'bold', 'underline', 'line-through']) expect(styles).toContain(style);
    });
  }

  it("leaves to Shiki's own codeToHast what one pass does not cover, with the same HAST", async () => {
    const { load, both, fallbacks } = await harness({ ...shikiConfig.themes, other: 'github-dark' });
    await load('python');
    const cases: (() => CodeToHastOptions)[] = [
      () => ({ lang: 'python', theme: 'github-dark' }),
      () => ({ lang: 'python', themes: { a: 'github-dark', b: 'github-light-default', c: 'github-dark-default' }, defaultColor: false }),
      () => ({ lang: 'python', themes: { light: 'github-light-default', dark: 'none' } }),
      () => ({ lang: 'text', themes: shikiConfig.themes! }),
      () => ({ lang: 'ansi', themes: shikiConfig.themes! }),
      () => ({ lang: 'python', themes: shikiConfig.themes!, grammarContextCode: 'x = """' }),
    ];
    for (const options of cases) {
      const { onePass, shiki } = both('print("\\u001b[31mred")', options);
      expect(onePass).toEqual(shiki);
    }
    expect(fallbacks()).toBe(cases.length);
  });

  it('falls back for a block with more pairs of styles than the metadata holds, and starts a new table for the next', async () => {
    // 600 scopes, coloured 23 ways by one theme and 29 by the other: 600 distinct pairs, more than the 511 the foreground field holds.
    const scopes = Array.from({ length: 600 }, (_, i) => `entity.w${i}`);
    const colour = (i: number, n: number, seed: number) => `#${((i % n) * 7919 + seed).toString(16).padStart(6, '0').slice(-6)}`;
    const theme = (name: string, n: number, seed: number): ThemeRegistration => ({
      name,
      type: 'dark',
      settings: [{ settings: { foreground: '#ffffff', background: '#000000' } }, ...scopes.map((scope, i) => ({ scope, settings: { foreground: colour(i, n, seed) } }))],
    });
    const grammar: LanguageRegistration = { name: 'many-scopes', scopeName: 'source.many', repository: {}, patterns: [{ match: '\\bw(\\d+)\\b', name: 'entity.w$1' }] };
    const themes = { light: theme('many-a', 23, 0x100000), dark: theme('many-b', 29, 0x200000) };
    const { both, fallbacks } = await harness(themes, 'javascript', [grammar]);
    const options = () => ({ lang: 'many-scopes', themes });
    const words = (from: number, to: number) => scopes.slice(from, to).map((_, i) => `w${from + i}`).join(' ');
    const blocks: [string, number][] = [
      // 500 pairs: they fit.
      [words(0, 500), 0],
      // 100 more do not: Shiki highlights this block.
      [words(500, 600), 1],
      // A new table for the next block.
      [`${words(0, 5)} w550`, 1],
      // One block that needs more than a table holds.
      [words(0, 600), 2],
    ];
    for (const [code, fallen] of blocks) {
      const { onePass, shiki } = both(code, options);
      expect(onePass).toEqual(shiki);
      expect(fallbacks()).toBe(fallen);
    }
  });
});
