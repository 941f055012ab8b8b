/**
 * Every fenced code block of a garden folder, as the note pipeline hands it to
 * Shiki: language, meta string and code, and the one-pass highlighting with a
 * count of the blocks it leaves to Shiki (for the one-pass highlighting's
 * parity test and bench/shiki-one-pass.ts). Read only, never written.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Code, Root } from 'mdast';
import { readGardenFiles } from '../../src/lib/check/read-garden';
import { bodyOf } from '../../src/lib/frontmatter';
import { createOnePassHighlight } from '../../src/lib/markdown/shiki-one-pass';

export interface CodeBlock {
  /** The note's path in the garden, and the block's number in it. */
  where: string;
  lang: string;
  meta: string | undefined;
  code: string;
}

export function gardenCodeBlocks(folder: string): CodeBlock[] {
  const parser = unified().use(remarkParse);
  return readGardenFiles(folder)
    .filter((file) => file.path.endsWith('.md'))
    .flatMap((file) => {
      const tree = parser.parse(bodyOf(file.text)) as Root;
      const blocks: CodeBlock[] = [];
      const visit = (node: Root | Root['children'][number]): void => {
        if (node.type === 'code') blocks.push(codeBlock(node, `${file.path} #${blocks.length + 1}`));
        if ('children' in node) for (const child of node.children) visit(child);
      };
      visit(tree);
      return blocks;
    });
}

function codeBlock(node: Code, where: string): CodeBlock {
  return { where, lang: node.lang || 'plaintext', meta: node.meta ?? undefined, code: node.value };
}

/** The one-pass highlighting over a highlighter, counting the blocks it hands to Shiki's own codeToHast. */
export function countingOnePass(highlighter: Parameters<typeof createOnePassHighlight>[0]) {
  let fallbacks = 0;
  const onePass = createOnePassHighlight({
    ...highlighter,
    codeToHast: (code, options) => {
      fallbacks += 1;
      return highlighter.codeToHast(code, options);
    },
  });
  return { onePass, fallbacks: () => fallbacks };
}
