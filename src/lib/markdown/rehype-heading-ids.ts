/**
 * Astro's rehypeHeadingIds (@astrojs/markdown-remark), the same ids and
 * heading list, on the project's walker. Importing Astro's own would load the
 * whole of @astrojs/markdown-remark — its Markdown and MDX processors, Prism
 * and micromark: ≈ 0.25 s at the start of every build and of every render
 * worker — for one plugin. tests/unit/rehype-heading-ids.test.ts holds the two
 * side by side, MDX expressions included.
 */
import GithubSlugger from 'github-slugger';
import type { Element, Root, RootContent } from 'hast';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import type { VFile } from 'vfile';
import { walk } from './walk';

const TEXT_TYPES = new Set(['text', 'raw', 'mdxTextExpression']);
const CODE_TAGS = new Set(['code', 'pre']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type TextLike = { type: string; value: string; data?: { estree?: Estree } };
type Estree = { body: { type: string; expression?: Expression }[] };
type Expression = { type: string; computed?: boolean; object?: Expression; property?: { type: string; name?: string; value?: unknown }; name?: string };

export function rehypeHeadingIds() {
  return (tree: Root, file: VFile) => {
    const headings: MarkdownHeading[] = [];
    const frontmatter = file.data.astro?.frontmatter;
    const slugger = new GithubSlugger();
    const isMdx = Boolean(file.history[0]?.endsWith('.mdx'));
    walk(tree, (node) => {
      if (node.type !== 'element') return;
      const level = /h([0-6])/.exec(node.tagName)?.[1];
      if (node.tagName[0] !== 'h' || !level) return;
      const text = headingText(node, isMdx, frontmatter);
      node.properties ??= {};
      if (typeof node.properties.id !== 'string') node.properties.id = slugger.slug(text);
      headings.push({ depth: Number.parseInt(level), slug: node.properties.id as string, text });
    });
    file.data.astro ??= {};
    file.data.astro.headings = headings;
  };
}

/** The text of every text, raw and MDX expression node under the heading, as Astro reads it. */
function headingText(heading: Element, isMdx: boolean, frontmatter: Record<string, unknown> | undefined): string {
  let text = '';
  walk(heading as Root | Element, (child, _index, parent) => {
    if (child.type === 'element' || parent === undefined) return;
    const node = child as RootContent as TextLike;
    if (node.type === 'raw' && /^\n?<.*>\n?$/.test(node.value)) return;
    if (!TEXT_TYPES.has(node.type) || !('value' in node)) return;
    if (isMdx || ('tagName' in parent && CODE_TAGS.has((parent as Element).tagName))) {
      const path = node.type === 'mdxTextExpression' && frontmatter ? frontmatterPath(node) : undefined;
      const value = path && path.length > 0 ? frontmatterValue(frontmatter!, path) : undefined;
      text += typeof value === 'string' ? value : node.value;
    } else {
      text += node.value.replace(/\{/g, '${');
    }
  });
  return text;
}

/** `frontmatter.a.b` in an MDX expression: ['a', 'b']. */
function frontmatterPath(node: TextLike): string[] | undefined {
  const body = node.data?.estree?.body;
  if (!body || body.length !== 1) return undefined;
  const statement = body[0]!;
  if (statement.type !== 'ExpressionStatement' || statement.expression?.type !== 'MemberExpression') return undefined;
  let expression: Expression = statement.expression;
  const path: string[] = [];
  while (expression.type === 'MemberExpression' && expression.property?.type === (expression.computed ? 'Literal' : 'Identifier')) {
    path.push(expression.property.type === 'Literal' ? String(expression.property.value) : expression.property.name!);
    expression = expression.object!;
  }
  return expression.type === 'Identifier' && expression.name === 'frontmatter' ? path.reverse() : undefined;
}

function frontmatterValue(frontmatter: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = frontmatter;
  for (const key of path) {
    if (FORBIDDEN_KEYS.has(key) || !value || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
