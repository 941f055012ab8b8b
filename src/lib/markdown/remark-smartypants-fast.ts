/**
 * remark-smartypants (what Astro's unified processor runs by default: curly
 * quotes, em dashes, ellipses), with the same two retext passes over the same
 * text, skipped where they cannot change anything: the quote pass when the
 * text has no quote character, and the dash/ellipsis/backtick pass — run once
 * per text node, and most of the plugin's cost — when the node has no `--`,
 * no two dots in a row (`..`, `. .`), and no ``` `` ``` or `''`.
 */
import { retext } from 'retext';
import smartypants from 'retext-smartypants';
import { walk } from './walk';
import type { Root } from 'mdast';
import type { Node, Parent } from 'unist';

const VISITED = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const IGNORED_HTML = new Set(['style', 'script']);
const QUOTES = /["']/;
const SECOND_PASS = /--|\.\s*\.|``|''/;

type Literal = Node & { value: string };
const isLiteral = (node: Node): node is Literal => 'value' in node && typeof (node as Literal).value === 'string';

export function remarkSmartypantsFast() {
  const quotes = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false });
  const rest = retext().use(smartypants, { quotes: false });
  const check = (node: Node, _index: number | undefined, parent: Parent | undefined) =>
    Boolean(parent) &&
    (parent!.type !== 'mdxJsxTextElement' || ('name' in parent! && typeof parent.name === 'string' && !IGNORED_HTML.has(parent.name))) &&
    VISITED.has(node.type) &&
    (isLiteral(node) || BLOCKS.has(node.type));

  return (tree: Root | Node) => {
    let all = '';
    const nodes: Node[] = [];
    walk(tree, (node: Node, index, parent) => {
      if (!check(node, index, parent)) return;
      if (isLiteral(node)) all += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      else all += ' ';
      nodes.push(node);
    });
    if (QUOTES.test(all)) all = quotes.processSync(all).toString();
    let start = 0;
    for (const node of nodes) {
      if (!isLiteral(node)) {
        start += 1;
        continue;
      }
      const end = start + node.value.length;
      if (node.type === 'text') {
        const text = all.slice(start, end);
        node.value = SECOND_PASS.test(text) ? rest.processSync(text).toString() : text;
      }
      start = end;
    }
  };
}
