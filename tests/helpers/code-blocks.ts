/**
 * Every fenced code block of a garden folder, as the note pipeline hands it to
 * Shiki: language, meta string and code (for the one-pass highlighting's
 * parity test and bench/shiki-one-pass.ts). Read only, never written.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Code, Root } from 'mdast';
import { readGardenFiles } from '../../src/lib/check/read-garden';
import { bodyOf } from '../../src/lib/frontmatter';

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
