/**
 * The one list of Markdown plugins and highlighter settings. astro.config uses
 * it for .md and .mdx alike; the tests render strings through the same lists.
 */
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { rehypeHeadingIds, type RehypePlugins, type RemarkPlugins, type ShikiConfig } from '@astrojs/markdown-remark';
import { rehypeMathErrors } from './rehype-math-errors';
import { rehypeCodeCopy } from './rehype-code-copy';
import { rehypeHeadingAnchors } from './rehype-heading-anchors';

export const remarkPlugins: RemarkPlugins = [remarkMath];

export const rehypePlugins: RehypePlugins = [
  // KaTeX reports a formula it cannot parse as a warning and renders it red; we stop the build instead.
  [rehypeKatex, { strict: 'ignore' }],
  rehypeMathErrors,
  rehypeCodeCopy,
  // Astro adds heading ids only after these plugins; the anchors need them now.
  rehypeHeadingIds,
  rehypeHeadingAnchors,
];

export const shikiConfig: ShikiConfig = {
  themes: { light: 'github-light', dark: 'github-dark' },
  defaultColor: 'light',
  wrap: false,
};
