import { describe, expect, it, vi } from 'vitest';
import { unified, type Plugin } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { rehypeShiki, type ShikiConfig } from '@astrojs/markdown-remark';
import type { LanguageRegistration } from 'shiki';
import { rehypeNoteShiki, type CodeReuse } from '../../src/lib/markdown/rehype-note-shiki';
import { VFile } from 'vfile';
import { shikiConfig } from '../../src/lib/markdown/plugins';

async function html(plugin: Plugin<[ShikiConfig, string[]]>, config: ShikiConfig, markdown: string) {
  const file = await unified().use(remarkParse).use(remarkRehype).use(plugin, config, ['math']).use(rehypeStringify).process(markdown);
  return String(file);
}

const astro = rehypeShiki as unknown as Plugin<[ShikiConfig, string[]]>;
const ours = rehypeNoteShiki as unknown as Plugin<[ShikiConfig, string[]]>;
const oursOniguruma = ((config: ShikiConfig, exclude: string[]) => rehypeNoteShiki(config, exclude, 'oniguruma')) as unknown as Plugin<[ShikiConfig, string[]]>;

const SAMPLES: [string, string][] = [
  ['Python', '```python\ndef scale(x: float) -> float:\n    """Halve it."""\n    return x / 2  # why not\n```'],
  ['TypeScript with a meta string', '```ts title="a.ts" {2}\nconst xs: number[] = [1, 2].map((n) => n ** 2);\nexport type Pair<T> = [T, T];\n```'],
  ['SQL, Bash and a diff', '```sql\nSELECT id, count(*) FROM notes GROUP BY id HAVING count(*) > 1;\n```\n\n```bash\nfor f in *.md; do echo "$f"; done\n```\n\n```diff\n- old line\n+ new line\n  same\n```'],
  ['an alias, plain text and no language', '```sh\nls -la | wc -l\n```\n\n```text\njust text\n```\n\n```\nno language\n```'],
  ['a math fence, which stays as it is', '```math\nE = mc^2\n```'],
  ['code inside a list and a quote', '- item\n\n  ```js\n  let a = 1;\n  ```\n\n> ```rust\n> fn main() {}\n> ```'],
];

describe('rehypeNoteShiki', () => {
  for (const [name, markdown] of SAMPLES) {
    it(`highlights ${name} exactly as Astro's rehypeShiki does, on either engine`, async () => {
      const expected = await html(astro, shikiConfig, markdown);
      expect(await html(ours, shikiConfig, markdown)).toBe(expected);
      expect(await html(oursOniguruma, shikiConfig, markdown)).toBe(expected);
    });
  }

  it.each([
    ['one theme, wrapped', { theme: 'github-dark', wrap: true } as ShikiConfig],
    ['default colours, no wrap style', { themes: { light: 'github-light', dark: 'github-dark' }, wrap: null } as ShikiConfig],
    ['an alias of its own', { ...shikiConfig, langAlias: { pseudo: 'python' } }],
  ])('follows Astro for %s', async (_name, config) => {
    const markdown = '```python\nprint("hi")\n```\n\n```pseudo\nx = 1\n```\n\n```diff\n+ a\n```';
    expect(await html(ours, config, markdown)).toBe(await html(astro, config, markdown));
  });

  it('highlights every line however long tokenizing takes, in .md and .mdx notes, so a loaded machine gives the same page', async () => {
    const markdown = SAMPLES[0]![1];
    const expected = await html(ours, shikiConfig, markdown);
    // Each reading of the clock a second later: every line looks slower than Shiki's default limit of 500 ms.
    let clock = Date.now();
    const slow = vi.spyOn(Date, 'now').mockImplementation(() => (clock += 1000));
    const config = shikiConfig;
    const underLoad = await html(ours, config, markdown);
    const oniguruma = await html(oursOniguruma, config, markdown);
    // Astro's highlighter, which .mdx notes use, with the project's settings and without their transformer.
    const astroUnderLoad = await html(astro, config, markdown);
    const astroDefaultUnderLoad = await html(astro, { ...config, transformers: [] }, markdown);
    slow.mockRestore();
    expect(underLoad).toBe(expected);
    expect(oniguruma).toBe(expected);
    expect(astroUnderLoad).toBe(expected);
    // Shiki's default limit would have left lines unhighlighted.
    expect(astroDefaultUnderLoad).not.toBe(expected);
  });

  it('warns about an unknown language and shows it as plain text, as Astro does', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const markdown = '```nosuchlang\nsome code\n```';
    const result = await html(ours, shikiConfig, markdown);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"nosuchlang"'));
    expect(result).toBe(await html(astro, shikiConfig, markdown));
    expect(result).toContain('data-language="plaintext"');
    warn.mockRestore();
  });

  it("hands a grammar the JavaScript engine cannot translate to Astro's Oniguruma highlighter", async () => {
    // A conditional group: Oniguruma has them, JavaScript's RegExp does not.
    const grammar: LanguageRegistration = {
      name: 'conditional',
      scopeName: 'source.conditional',
      patterns: [{ match: '(a)?(?(1)b|c)', name: 'keyword.conditional' }],
      repository: {},
    };
    const config: ShikiConfig = { ...shikiConfig, langs: [grammar] };
    const markdown = '```conditional\nab c\n```';
    const result = await html(ours, config, markdown);
    expect(result).toBe(await html(astro, config, markdown));
    expect(result).toContain('astro-code');
    expect(result).toContain('--shiki-light:');
  });

  describe('reusing blocks an earlier rendering highlighted', () => {
    const markdown = SAMPLES[2]![1];
    async function render(known?: ReadonlyMap<string, string>) {
      const gardenCode: CodeReuse = { known, keys: [] };
      const processor = unified().use(remarkParse).use(remarkRehype).use(ours, shikiConfig, ['math']).use(rehypeStringify, { allowDangerousHtml: true });
      const file = await processor.process(new VFile({ value: markdown, data: { gardenCode } }));
      return { html: String(file), keys: gardenCode.keys };
    }
    const blocksOf = (html: string) => html.match(/<pre class="astro-code[^"]*"[\s\S]*?<\/pre>/g) ?? [];

    it('lists the key of every block, and gives the same page when handed the blocks it highlighted before', async () => {
      const fresh = await render();
      expect(fresh.keys).toHaveLength(3);
      expect(new Set(fresh.keys).size).toBe(3);
      const reused = await render(new Map(fresh.keys.map((key, i) => [key, blocksOf(fresh.html)[i]!])));
      expect(reused.html).toBe(fresh.html);
      expect(reused.keys).toEqual(fresh.keys);
    });

    it('takes a known block as it is, without highlighting it again', async () => {
      const fresh = await render();
      const marked = blocksOf(fresh.html)[0]!.replace('class="astro-code', 'class="astro-code reused');
      const { html } = await render(new Map([[fresh.keys[0]!, marked]]));
      expect(html).toContain('astro-code reused');
      expect(blocksOf(html).slice(1)).toEqual(blocksOf(fresh.html).slice(1));
    });

    it('highlights afresh a known block whose HTML does not hold its code', async () => {
      const fresh = await render();
      const wrong = blocksOf(fresh.html)[1]!;
      const { html } = await render(new Map([[fresh.keys[0]!, wrong]]));
      expect(html).toBe(fresh.html);
    });
  });
});

