/**
 * Nodes of a rendered note's tree that hast's types do not name: HTML written
 * in Markdown, kept as text until the page is serialised, and the elements of
 * an .mdx note, written as JSX.
 */

/** HTML written in Markdown (`<a href="/rss.xml">`): a `raw` node, text, until the page is serialised. */
export interface RawNode {
  type: 'raw';
  value: string;
}

/** An element written as JSX in an .mdx note (`<a href="/bits/x/">`); attributes with a `{…}` value are expressions. */
export interface MdxJsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
}

export const isMdxJsx = (node: { type: string }): node is MdxJsxNode => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/** An HTML element (`<a>`, `<img>`) rather than a component (`<Figure>`), whose props are the component's business. */
export const isHtmlJsx = (node: MdxJsxNode): boolean => /^[a-z]/.test(node.name ?? '');
