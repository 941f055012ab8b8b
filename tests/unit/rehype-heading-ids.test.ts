import { describe, expect, it } from 'vitest';
import { fixtureMarkdownNotes } from '../helpers/files';
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import { VFile } from 'vfile';
import type { Root } from 'hast';
import { rehypeHeadingIds as astroHeadingIds } from '@astrojs/markdown-remark';
import { rehypeHeadingIds } from '../../src/lib/markdown/rehype-heading-ids';
import { parseMarkdown } from '../../src/lib/markdown/parse';

/** Runs a heading-ids plugin on a copy of the tree: the tree it leaves and the headings it lists. */
function run(plugin: () => unknown, tree: Root, path = 'note.md', frontmatter?: Record<string, unknown>) {
  const copy = structuredClone(tree);
  const file = new VFile({ path, data: frontmatter ? { astro: { frontmatter } } : {} });
  (plugin() as (tree: Root, file: VFile) => void)(copy, file);
  return { tree: copy, headings: file.data.astro?.headings };
}

const toHast = unified().use(remarkRehype, { allowDangerousHtml: true });
const hastOf = (markdown: string) => toHast.runSync(parseMarkdown(markdown)) as Root;

const text = (value: string) => ({ type: 'text' as const, value });
const h = (tagName: string, children: unknown[], properties: Record<string, unknown> = {}) => ({ type: 'element', tagName, properties, children });
// An MDX `{frontmatter.a.b}` as @mdx-js/mdx leaves it in the tree.
const frontmatterExpression = (...path: string[]) => {
  let expression: Record<string, unknown> = { type: 'Identifier', name: 'frontmatter' };
  for (const key of path) expression = { type: 'MemberExpression', computed: false, object: expression, property: { type: 'Identifier', name: key } };
  return { type: 'mdxTextExpression', value: `frontmatter.${path.join('.')}`, data: { estree: { type: 'Program', body: [{ type: 'ExpressionStatement', expression }] } } };
};

const TREES: Record<string, Root> = {
  'repeated, empty and coded headings': hastOf('# Intro\n\n## Intro\n\n## `code` and *emphasis* {braces}\n\n###\n\n#### Intro'),
  'ids already set, raw HTML and odd tag names': {
    type: 'root',
    children: [
      h('h2', [text('Kept')], { id: 'kept-id' }),
      h('h3', [{ type: 'raw', value: '<span>' }, text('Raw'), { type: 'raw', value: 'not a tag' }]),
      h('hr', []),
      h('header', [text('not a heading')]),
      h('h7', [text('no such level')]),
      h('h1', [h('code', [text('in {code}')]), text(' after')]),
    ],
  } as Root,
};

describe('rehypeHeadingIds', () => {
  it.each(Object.entries(TREES))('sets the ids and lists the headings as Astro’s does: %s', (_, tree) => {
    expect(run(rehypeHeadingIds, tree)).toEqual(run(astroHeadingIds, tree));
  });

  it('reads MDX expressions of the front matter as Astro’s does', () => {
    const tree = {
      type: 'root',
      children: [
        h('h2', [text('About '), frontmatterExpression('title')]),
        h('h2', [frontmatterExpression('meta', 'subtitle'), text(' {x}')]),
        h('h2', [frontmatterExpression('missing')]),
        h('h2', [frontmatterExpression('constructor')]),
      ],
    } as Root;
    // An own `constructor` key is still never read, as Astro guards against prototype keys.
    const frontmatter = { title: 'Shapes', meta: { subtitle: 'Strides' }, constructor: 'Own' };
    const ours = run(rehypeHeadingIds, tree, 'note.mdx', frontmatter);
    expect(ours).toEqual(run(astroHeadingIds, tree, 'note.mdx', frontmatter));
    expect(ours.headings?.map((heading) => heading.text)).toEqual(['About Shapes', 'Strides {x}', 'frontmatter.missing', 'frontmatter.constructor']);
  });

  it('gives Astro’s ids and headings for every note of the test fixtures', () => {
    const notes = fixtureMarkdownNotes();
    const different = notes.filter((path) => {
      const tree = hastOf(readFileSync(path, 'utf8'));
      return JSON.stringify(run(rehypeHeadingIds, tree)) !== JSON.stringify(run(astroHeadingIds, tree));
    });
    expect(notes.length).toBeGreaterThan(100);
    expect(different).toEqual([]);
  });
});
