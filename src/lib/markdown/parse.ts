/**
 * Markdown to mdast for the note pipeline and the checker, parsed by Sätteri
 * (the Rust parser behind Astro 7's own Markdown engine) instead of micromark.
 * It gives the tree that remark-parse with remark-gfm and remark-math gives,
 * positions included — tests/unit/parse.test.ts holds the two side by side on
 * every note of the sample garden and the fixtures — about twenty times
 * faster, and with a small fraction of the garbage: micromark's parse was a
 * third of a render worker's time, most of it collecting its garbage.
 */
import { markdownToMdast } from 'satteri';
import type { InlineMath, Math } from 'mdast-util-math';
import type { Root } from 'mdast';
import type { Plugin, Processor } from 'unified';
import { walk } from './walk';

/** GFM (footnotes included) and `$` math, as remark-gfm and remark-math read them; no front matter: bodies come without it. */
const FEATURES = { gfm: true, math: true, frontmatter: false } as const;

export function parseMarkdown(markdown: string): Root {
  // CommonMark, and so micromark, reads U+0000 as U+FFFD; one UTF-16 unit for another keeps every position.
  const source = markdown.includes('\0') ? markdown.replaceAll('\0', '\uFFFD') : markdown;
  const tree = markdownToMdast(source, { features: FEATURES }) as Root;
  walk(tree, (node) => {
    if (node.type === 'math' || node.type === 'inlineMath') addMathData(node);
  });
  return tree;
}

/** What mdast-util-math's parser puts on a formula for remark-rehype: rehype-katex finds formulas by these classes. */
function addMathData(node: Math | InlineMath): void {
  const text = [{ type: 'text' as const, value: node.value }];
  node.data =
    node.type === 'inlineMath'
      ? { hName: 'code', hProperties: { className: ['language-math', 'math-inline'] }, hChildren: text }
      : { hName: 'pre', hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: text }] };
}

/** A unified parser plugin: parseMarkdown in place of remark-parse with remark-gfm and remark-math's syntax. */
export const remarkNativeParse: Plugin<[], string, Root> = function (this: Processor) {
  (this as unknown as Processor<Root>).parser = (document: string) => parseMarkdown(document);
};
