import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import { fromHtml } from 'hast-util-from-html';
import { SKIP as UNIST_SKIP, visitParents } from 'unist-util-visit-parents';
import type { Node, Parent } from 'unist';
import { SKIP, walk, type Action } from '../../src/lib/markdown/walk';

/**
 * walk() must go through a tree exactly as unist-util-visit-parents does, the
 * plugins' edits included: each case runs both on copies of the same tree with
 * the same visitor and compares the visits (node, index, parent, ancestors)
 * and the trees left behind.
 */

const MARKDOWN = `# Title with *emphasis* and \`code\`

A paragraph with a [link](/bits/x/), a [[wiki link]], **strong _nested_ text**, ~~gone~~ and $a^2 + b^2$.
Second line -- with "quotes" and an autolink https://example.com.

## A list

- one
  - nested [ref][r]
  - two *three*
- [ ] task
- [x] done

1. first
2. second

> A quote with \`inline\` code
>
> > and a nested one

| a | b |
| - | :-: |
| *x* | [y](../shorts/y.md) |

\`\`\`python
def f():
    return 1
\`\`\`

\`\`\`math
\\int_0^1 x\\,dx
\`\`\`

$$
E = mc^2
$$

<div class="raw">html</div>

Footnote[^1] and an image ![alt](/img.png "t").

[r]: /bits/ref/
[^1]: The note.

---

Last *paragraph*.
`;

const HTML = `<!doctype html><html><head><title>t</title></head><body>
<h2 id="a">A <em>b</em></h2><p>one <code>x</code> two <a href="/y">y</a></p>
<pre><code class="language-js">let a = 1;</code></pre>
<ul><li>a<ul><li>b</li><li><pre><code>c</code></pre></li></ul></li></ul>
<table><tr><td>1</td><td><span class="math-inline">x</span></td></tr></table>
<!-- a comment --></body></html>`;

const mdast = () => unified().use(remarkParse).use(remarkGfm).use(remarkMath).parse(MARKDOWN);
const hast = () => unified().use(remarkRehype, { allowDangerousHtml: true }).runSync(mdast()) as Node;

const leaf = (label: string): Node => ({ type: 'leaf', data: { label } }) as Node;
const textNode = (value: string): Node => ({ type: 'text', value }) as Node;
const deep = (depth: number): Node => (depth === 0 ? leaf('bottom') : ({ type: 'box', children: [leaf(`a${depth}`), deep(depth - 1), leaf(`b${depth}`)] } as Parent));

const TREES: { name: string; tree: () => Node }[] = [
  { name: 'mdast of varied Markdown', tree: mdast },
  { name: 'hast from remark-rehype', tree: hast },
  { name: 'hast from an HTML document', tree: () => fromHtml(HTML) },
  { name: 'an empty root', tree: () => ({ type: 'root', children: [] }) as Parent },
  { name: 'a lone leaf', tree: () => leaf('alone') },
  { name: 'a deep tree', tree: () => ({ type: 'root', children: [deep(30), deep(3)] }) as Parent },
];

interface Visit {
  node: Node;
  index: number | undefined;
  parent: Parent | undefined;
  ancestors: readonly Parent[];
  /** Which walker calls: some results are written differently for unist-util-visit-parents. */
  unist: boolean;
  /** How many times this node was visited before (in this run). */
  seen: number;
  /** The node's number in a pre-order count of the tree as it was before the walk; -1 for a node added by the walk. */
  id: number;
}

interface Case {
  name: string;
  /** A node type to visit only, or a test function (for walk, checked inside the visitor). */
  test?: string | ((node: Node, index: number | undefined, parent: Parent | undefined) => boolean);
  visit: (visit: Visit) => unknown;
}

const hasChildren = (node: Node): node is Parent => Array.isArray((node as Parent).children);
const typeOf = (node: Node) => (node.type === 'element' ? `element<${(node as unknown as { tagName: string }).tagName}>` : node.type);

const CASES: Case[] = [
  { name: 'every node', visit: () => undefined },
  { name: 'text nodes only', test: 'text', visit: () => undefined },
  { name: 'elements only', test: 'element', visit: () => undefined },
  { name: 'paragraphs only', test: 'paragraph', visit: () => undefined },
  { name: 'a test function (remark-smartypants-fast)', test: (node, index, parent) => Boolean(parent) && index !== undefined && index % 2 === 0 && node.type !== 'root', visit: () => undefined },
  { name: 'SKIP on every other parent', visit: ({ node, id }) => (hasChildren(node) && id % 2 === 1 ? SKIP : undefined) },
  {
    name: 'splits text and returns [SKIP, index after the pieces] (remark-links)',
    test: 'text',
    visit: ({ node, index, parent, unist }) => {
      const value = (node as unknown as { value: string }).value;
      if (!parent || index === undefined || !value.includes('e')) return undefined;
      const pieces: Node[] = [];
      for (const [i, part] of value.split('e').entries()) {
        if (i > 0) pieces.push({ type: 'emphasis', children: [textNode('E')] } as Parent);
        if (part) pieces.push(textNode(part));
      }
      parent.children.splice(index, 1, ...pieces);
      return unist ? [UNIST_SKIP, index + pieces.length] : index + pieces.length;
    },
  },
  {
    name: 'splits text and goes on into the pieces',
    test: 'text',
    visit: ({ node, index, parent }) => {
      const value = (node as unknown as { value: string }).value;
      if (!parent || index === undefined || !/[a-z]/.test(value)) return undefined;
      parent.children.splice(index, 1, textNode(value.toUpperCase()), { type: 'strong', children: [textNode('X')] } as Parent);
      return undefined;
    },
  },
  {
    name: 'replaces a <pre> in the grandparent and skips (rehype-katex-raw)',
    visit: ({ node, ancestors }) => {
      const parent = ancestors.at(-1);
      const grandparent = ancestors.at(-2);
      if (typeOf(node) !== 'element<code>' && node.type !== 'inlineCode' && node.type !== 'code') return undefined;
      if (parent && grandparent && typeOf(parent) === 'element<pre>') {
        grandparent.children.splice(grandparent.children.indexOf(parent), 1, { type: 'raw', value: '<pre>typeset</pre>' } as Node);
      } else if (parent) {
        parent.children.splice(parent.children.indexOf(node), 1, { type: 'raw', value: 'a' } as Node, { type: 'raw', value: 'b' } as Node);
      }
      return SKIP;
    },
  },
  {
    name: 'wraps a node in its parent and skips (rehype-code-copy)',
    visit: ({ node, index, parent }) => {
      if (!parent || index === undefined || !['element<pre>', 'element<p>', 'list', 'code', 'box'].includes(typeOf(node))) return undefined;
      parent.children[index] = { type: 'wrapper', children: [node, leaf('button')] } as Parent;
      return SKIP;
    },
  },
  {
    name: 'wraps a node in its parent and goes on into it',
    visit: ({ node, index, parent }) => {
      if (!parent || index === undefined || !hasChildren(node) || node.type === 'wrapper') return undefined;
      parent.children[index] = { type: 'wrapper', children: [node] } as Parent;
      return undefined;
    },
  },
  {
    name: 'appends a child to the node (rehype-heading-anchors)',
    visit: ({ node, seen }) => {
      if (hasChildren(node) && seen === 0) node.children.push(leaf('anchor'));
      return undefined;
    },
  },
  {
    name: 'removes itself and returns its index',
    visit: ({ node, index, parent, id }) => {
      if (!parent || index === undefined || id % 3 !== 1) return undefined;
      parent.children.splice(index, 1);
      return index;
    },
  },
  {
    name: 'removes itself and returns nothing (its next sibling is not visited)',
    visit: ({ index, parent, id }) => {
      if (!parent || index === undefined || id % 4 !== 2) return undefined;
      parent.children.splice(index, 1);
      return undefined;
    },
  },
  {
    name: 'removes its next sibling',
    visit: ({ index, parent, id }) => {
      if (parent && index !== undefined && id % 3 === 0) parent.children.splice(index + 1, 1);
      return undefined;
    },
  },
  {
    name: 'inserts a sibling before itself and returns nothing (visited again)',
    visit: ({ index, parent, seen, id }) => {
      if (parent && index !== undefined && seen === 0 && id >= 0) parent.children.splice(index, 0, leaf(`before ${id}`));
      return undefined;
    },
  },
  {
    name: 'inserts a sibling before itself and returns the index after itself',
    visit: ({ index, parent, id }) => {
      if (!parent || index === undefined || id < 0) return undefined;
      parent.children.splice(index, 0, leaf(`before ${id}`));
      return index + 2;
    },
  },
  {
    name: 'goes back to the previous sibling once',
    visit: ({ index, seen }) => (index !== undefined && index > 0 && seen === 0 ? index - 1 : undefined),
  },
  {
    name: 'returns an index before the start or past the end',
    visit: ({ index, id }) => (index === undefined ? undefined : id % 7 === 3 ? -1 : id % 7 === 5 ? 1e9 : undefined),
  },
  {
    name: 'replaces its children array',
    visit: ({ node }) => {
      if (hasChildren(node)) node.children = node.children.filter((_, i) => i % 2 === 0).reverse();
      return undefined;
    },
  },
  {
    name: "replaces its parent's children array",
    visit: ({ index, parent, seen }) => {
      if (parent && index === 0 && seen === 0) parent.children = [...parent.children, leaf('added')];
      return undefined;
    },
  },
  {
    name: "removes its parent's first sibling in the grandparent",
    visit: ({ ancestors, seen }) => {
      const grandparent = ancestors.at(-2);
      const parent = ancestors.at(-1);
      if (seen === 0 && grandparent && parent && grandparent.children[0] !== parent) grandparent.children.splice(0, 1);
      return undefined;
    },
  },
];

/** visitParents with one plain signature: its overloads type the nodes of known trees. */
const unistVisitParents = visitParents as unknown as (tree: Node, test: Case['test'], visitor: (node: Node, ancestors: Parent[], index: number | undefined) => unknown) => void;

/** The visits of a walk as text, and the tree it leaves; nodes are named by their number in the tree as it was. */
function run(tree: Node, testCase: Case, walker: 'walk' | 'unist') {
  const ids = new Map<Node, number>();
  let count = 0;
  const number = (node: Node) => {
    ids.set(node, count++);
    if (hasChildren(node)) for (const child of node.children) number(child);
  };
  number(tree);
  const seen = new Map<Node, number>();
  const name = (node: Node | undefined) => (node === undefined ? '-' : `${typeOf(node)}#${ids.get(node) ?? 'new'}`);
  const log: string[] = [];
  const visitor = (node: Node, index: number | undefined, ancestors: readonly Parent[]) => {
    const parent = ancestors.at(-1);
    log.push(`${name(node)} at ${index} in ${name(parent)} under ${ancestors.map(name).join('/')}`);
    if (log.length > 100_000) throw new Error('runaway walk');
    const times = seen.get(node) ?? 0;
    seen.set(node, times + 1);
    return testCase.visit({ node, index, parent, ancestors, unist: walker === 'unist', seen: times, id: ids.get(node) ?? -1 });
  };
  const { test } = testCase;
  if (walker === 'unist') {
    unistVisitParents(tree, test, (node, ancestors, index) => visitor(node, index, ancestors));
  } else if (typeof test === 'string') {
    walk(tree, test, (node, index, _parent, ancestors) => visitor(node, index, ancestors) as Action);
  } else {
    walk(tree, (node, index, parent, ancestors) => (test && !test(node, index, parent) ? undefined : (visitor(node, index, ancestors) as Action)));
  }
  return { log, tree };
}

describe('walk', () => {
  for (const { name: treeName, tree } of TREES) {
    describe(treeName, () => {
      for (const testCase of CASES) {
        it(`${testCase.name}: same visits and same tree as unist-util-visit-parents`, () => {
          const expected = run(tree(), testCase, 'unist');
          const actual = run(tree(), testCase, 'walk');
          expect(actual.log).toEqual(expected.log);
          expect(actual.tree).toEqual(expected.tree);
        });
      }
    });
  }

  it('passes the index, the parent and the ancestors, the tree itself without them', () => {
    const tree = unified().use(remarkParse).parse('a *b* c');
    const visits: string[] = [];
    walk(tree, (node, index, parent, ancestors) => {
      visits.push(`${node.type} ${index} ${parent?.type} ${ancestors.map((a) => a.type).join('/')}`);
    });
    expect(visits).toEqual(['root undefined undefined ', 'paragraph 0 root root', 'text 0 paragraph root/paragraph', 'emphasis 1 paragraph root/paragraph', 'text 0 emphasis root/paragraph/emphasis', 'text 2 paragraph root/paragraph']);
  });

  it('visits the tree itself when it has the type asked for', () => {
    const types: string[] = [];
    walk(mdast(), 'root', (node) => {
      types.push(node.type);
    });
    expect(types).toEqual(['root']);
  });
});
