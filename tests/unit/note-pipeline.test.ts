import { beforeAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { decodeHTMLAttribute } from 'entities';
import { rehypePlugins, remarkPluginsFor, shikiConfig } from '../../src/lib/markdown/plugins';
import { createNotePipeline } from '../../src/lib/markdown/note-pipeline';
import { createLinkTargetsProvider } from '../../src/build/link-targets';
import { gardenUrls } from '../../src/lib/urls';
import { readGardenFiles } from '../../src/lib/check/read-garden';
import { bodyOf } from '../../src/lib/frontmatter';
import { ROOT } from '../helpers/build';
import { noteSearchText, searchKindOf } from '../../src/lib/markdown/note-search';

/**
 * The note pipeline must produce what Astro's unified processor produces with
 * the project's plugins — it only gets there faster. KaTeX's HTML is kept as
 * a string instead of being parsed and serialised again, so both outputs are
 * compared once parsed (`&#x26;` and `&amp;`, `<path/>` and `<path></path>`
 * are the same HTML).
 */
const same = (html: string) => placeholders(toHtml(fromHtml(html, { fragment: true })));

/**
 * Both leave a placeholder for each image of the garden, for the page to fill
 * in: Astro's `__ASTRO_IMAGE_` attribute, ours `data-garden-image`
 * (images/rehype-images.ts). They are compared by the image they name.
 */
const placeholders = (html: string) =>
  html.replace(/<img (?:__astro_image_|data-garden-image)="([^"]*)">/g, (_, json: string) => {
    const { src, alt } = JSON.parse(decodeHTMLAttribute(json)) as { src: string; alt: string };
    return `<img data-placeholder src="${src}" alt="${alt}">`;
  });

/** The fixture gardens, not the sample content/, so an author's own notes never fail this test. */
const GARDENS = [join(ROOT, 'tests/fixtures/site'), join(ROOT, 'tests/fixtures/good')];

async function pipelines(garden: string) {
  const targets = createLinkTargetsProvider(garden, gardenUrls('/'));
  const astro = await createMarkdownProcessor({ remarkPlugins: remarkPluginsFor({ targets, contentDir: garden }), rehypePlugins, shikiConfig });
  const note = createNotePipeline({ targets, contentDir: garden });
  return {
    astro: async (body: string, path: string) => (await astro.render(body, { fileURL: pathToFileURL(path) })).code,
    note: async (body: string, path: string) => (await note(body, path)).html,
    noteFull: (body: string, path: string) => note(body, path),
    noteWithSearch: (body: string, path: string, gardenPath: string) => note(body, path, { search: searchKindOf(gardenPath) }),
  };
}

describe('the note pipeline', () => {
  for (const garden of GARDENS) {
    it(`renders every note of ${garden.slice(ROOT.length + 1)} as Astro's processor does`, async () => {
      const { astro, note } = await pipelines(garden);
      const files = readGardenFiles(garden).filter((f) => f.path.endsWith('.md') && /^(bits|shorts|chapters)\//.test(f.path));
      expect(files.length).toBeGreaterThan(5);
      for (const file of files) {
        const body = bodyOf(file.text).trim();
        const path = join(garden, file.path);
        expect(same(await note(body, path)), file.path).toBe(same(await astro(body, path)));
      }
    }, 120_000);
  }

  for (const garden of GARDENS) {
    it(`takes the searchable text of every note of ${garden.slice(ROOT.length + 1)} from the tree it renders, as a parse of its own would give it`, async () => {
      const { noteWithSearch } = await pipelines(garden);
      const files = readGardenFiles(garden).filter((f) => f.path.endsWith('.md') && /^(bits|shorts|chapters)\//.test(f.path));
      for (const file of files) {
        const body = bodyOf(file.text).trim();
        const rendered = await noteWithSearch(body, join(garden, file.path), file.path);
        expect(rendered.search, file.path).toEqual(noteSearchText(file.path, body, rendered.headings));
      }
      // The heading as the page shows it; the section's text as written, before smartypants and links change the tree.
      const chapter = await noteWithSearch('Lead.\n\n## “Quoted” -- part\n\nSee [[nowhere]] -- and *this*.', join(garden, 'chapters/p/01-x.md'), 'chapters/p/01-x.md');
      expect(chapter.search).toEqual({ split: { intro: 'Lead.', sections: [{ heading: { depth: 2, slug: chapter.headings[0]!.slug, text: '“Quoted” — part' }, text: 'See [[nowhere]] -- and this.' }] } });
    }, 120_000);
  }

  describe('on Markdown that takes the slow paths', () => {
    let run: Awaited<ReturnType<typeof pipelines>>;
    const path = join(ROOT, 'tests/fixtures/good/bits/x.md');
    beforeAll(async () => {
      run = await pipelines(join(ROOT, 'tests/fixtures/good'));
    });
    const cases: [string, string][] = [
      ['raw HTML next to math', 'A <kbd>Ctrl</kbd> key and $x^2$.\n\n<div class="note">Raw block with $y$</div>\n\n$$\n\\frac{a}{b}\n$$'],
      ['math inside a heading', '## The $\\sqrt{d}$ factor\n\nText.\n\n### Plain heading'],
      ['a ```math fence and code', '```math\nE = mc^2\n```\n\n```python\nprint("hi")\n```'],
      ['quotes, dashes, ellipses and backticks', `"Quoted" and 'single' -- dashes --- and dots... and . . . and \`\`old\`\` style, it's fine.`],
      ['a table with inline math', '| a | b |\n| --- | --- |\n| $x$ | "q" -- r |'],
      ['callouts: known, aliased, folded, nested and unknown', '> [!NOTE]\n> GitHub style.\n\n> [!faq]- Folded *title*\n> With $x$ and `code`.\n\n> [!tip]+\n> > [!recipe] Inner\n> > Deep.\n\n> Plain quote.'],
      ['links and footnotes', 'See [[stable-softmax]] and [the short](../shorts/kv-cache.md).[^1]\n\n[^1]: A footnote with $z$.'],
    ];
    for (const [name, markdown] of cases) {
      it(`gives the same HTML for ${name}`, async () => {
        expect(same(await run.note(markdown, path))).toBe(same(await run.astro(markdown, path)));
      });
    }

    it('says whether a note has math, and collects its headings with their ids', async () => {
      const withMath = await run.noteFull('## One\n\n$x$\n\n### Two', path);
      expect(withMath.hasMath).toBe(true);
      expect(withMath.headings.map((h) => [h.depth, h.slug])).toEqual([
        [2, 'one'],
        [3, 'two'],
      ]);
      expect((await run.noteFull('No formula here, only `code`.', path)).hasMath).toBe(false);
    });

    it('stops on a formula KaTeX cannot typeset, naming the file, the line and the formula', async () => {
      vi.spyOn(console, 'error').mockImplementation(() => {});
      await expect(run.note('Fine.\n\nBroken $\\frac{a}{b$ here.', path)).rejects.toThrow(/x\.md:3: math: KaTeX cannot typeset "\\frac\{a\}\{b"/);
      vi.restoreAllMocks();
    });
  });
});
