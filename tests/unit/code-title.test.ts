/**
 * ```py title="train.py": the file name shows in the code block's bar, in each
 * processor a note goes through (the note pipeline for .md, Astro's unified
 * processor for .md, Astro's MDX processor for .mdx).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { createMarkdownProcessor, unified } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { rehypePlugins, remarkPlugins, shikiConfig } from '../../src/lib/markdown/plugins';
import { createNotePipeline } from '../../src/lib/markdown/note-pipeline';
import { codeTitle } from '../../src/lib/markdown/code-title';
import { createLinkTargetsProvider } from '../../src/build/link-targets';
import { gardenUrls } from '../../src/lib/urls';
import { ROOT } from '../helpers/build';

const GARDEN = join(ROOT, 'tests/fixtures/good');
const PATH = join(GARDEN, 'bits/x.md');
const TITLED = 'Before.\n\n```py title="train.py"\nprint(1)\n```\n\n```text title=\'notes.txt\'\nplain\n```\n\n```py\nprint(2)\n```\n';
const BAR = (title: string, language: string) =>
  `<div class="code-block__bar"><span class="code-block__title">${title}</span>${language ? `<span class="code-block__lang">${language}</span>` : ''}<button type="button" class="copy-code" hidden data-copy-code="" aria-label="Copy code">Copy</button></div>`;
const same = (html: string) => toHtml(fromHtml(html, { fragment: true }));

describe('codeTitle', () => {
  it.each<[string | undefined, string | undefined]>([
    ['title="train.py"', 'train.py'],
    ["title='src/model.ts' {1,3}", 'src/model.ts'],
    ['{2} title="with space.py" showLineNumbers', 'with space.py'],
    ['title=""', undefined],
    ['subtitle="no.py"', undefined],
    ['title=bare.py', undefined],
    [undefined, undefined],
  ])('reads %j as %j', (meta, title) => {
    expect(codeTitle(meta)).toBe(title);
  });
});

describe('a titled code block', () => {
  let astroHtml: string;
  let noteHtml: string;
  beforeAll(async () => {
    const astro = await createMarkdownProcessor({ remarkPlugins, rehypePlugins, shikiConfig });
    astroHtml = (await astro.render(TITLED, { fileURL: pathToFileURL(PATH) })).code;
    const note = createNotePipeline({ targets: createLinkTargetsProvider(GARDEN, gardenUrls('/')), contentDir: GARDEN });
    noteHtml = (await note(TITLED, PATH)).html;
  });

  it('shows its title before the language label in the bar (Astro\'s processor)', () => {
    expect(astroHtml).toContain(BAR('train.py', 'py'));
    // Plain text has no language label, but keeps its title.
    expect(astroHtml).toContain(BAR('notes.txt', ''));
    expect(astroHtml.match(/code-block__title/g)).toHaveLength(2);
  });

  it('is rendered the same by the note pipeline', () => {
    expect(noteHtml).toContain(BAR('train.py', 'py'));
    expect(same(noteHtml)).toBe(same(astroHtml));
  });

  it('shows its title in an .mdx note too (Astro\'s MDX processor)', async () => {
    const mdx = await unified({ remarkPlugins, rehypePlugins }).createMdxRenderer!(
      { syntaxHighlight: 'shiki', shikiConfig } as never,
      { optimize: false, srcDir: pathToFileURL(ROOT) } as never,
    );
    const { code } = await mdx.process(TITLED, join(GARDEN, 'bits/x.mdx'), {});
    expect(code).toMatch(/class: "code-block__title",\s*children: "train\.py"/);
    expect(code).toMatch(/class: "code-block__title",\s*children: "notes\.txt"/);
  });
});
