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
import type { Node, Parent } from 'unist';

/** GFM (footnotes included) and `$` math, as remark-gfm and remark-math read them; no front matter: bodies come without it. */
const FEATURES = { gfm: true, math: true, frontmatter: false } as const;

/**
 * How deeply blockquotes, lists and emphasis may sit inside one another. Every
 * later step (plugins, remark-rehype, the HTML serializer, MDX) walks the tree
 * recursively: ten thousand levels of `>` overflow the call stack, while no
 * note needs more than a handful.
 */
export const MAX_NESTING = 100;

const NESTING = new Set(['blockquote', 'list', 'emphasis', 'strong', 'delete']);

/** Markdown nested deeper than MAX_NESTING: `line` is where the limit is passed, counted from the parsed text's top. */
export class MarkdownNestingError extends Error {
  readonly line: number;

  constructor(line: number) {
    super(`line ${line}: blockquotes, lists or emphasis nested more than ${MAX_NESTING} levels deep (expected at most ${MAX_NESTING} levels)`);
    this.name = 'MarkdownNestingError';
    this.line = line;
  }
}

export function parseMarkdown(markdown: string): Root {
  // CommonMark, and so micromark, reads U+0000 as U+FFFD; one UTF-16 unit for another keeps every position.
  const source = markdown.includes('\0') ? markdown.replaceAll('\0', '\uFFFD') : markdown;
  const tree = markdownToMdast(source, { features: FEATURES }) as Root;
  // Sätteri parses any depth; the walk that follows is a loop over a stack, so it does too, and stops a tree nested too deeply for the steps after it.
  const stack: [Node, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, nesting] = stack.pop()!;
    if (node.type === 'math' || node.type === 'inlineMath') addMathData(node as Math | InlineMath);
    const children = (node as Parent).children;
    if (!children) continue;
    const inner = NESTING.has(node.type) ? nesting + 1 : nesting;
    if (inner > MAX_NESTING) throw new MarkdownNestingError(node.position?.start.line ?? 1);
    for (let index = children.length - 1; index >= 0; index--) stack.push([children[index]!, inner]);
  }
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
