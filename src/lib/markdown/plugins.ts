/**
 * The one list of Markdown plugins and highlighter settings. astro.config uses
 * it for .md and .mdx alike; the tests render strings through the same lists.
 */
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import type { RehypePlugins, RemarkPlugins, ShikiConfig } from '@astrojs/markdown-remark';
import { rehypeHeadingIds } from './rehype-heading-ids';
import { rehypeMathErrors } from './rehype-math-errors';
import { rehypeCodeCopy } from './rehype-code-copy';
import { rehypeHeadingAnchors } from './rehype-heading-anchors';
import { rehypeBaseLinks } from './rehype-base-links';
import { rehypeSafeUrls } from './rehype-safe-urls';
import { rehypeScrollRegions } from './rehype-scroll-regions';
import { rehypeGardenCallouts } from './callouts';
import { siteConfig } from '../../site.config';
import { remarkGardenLinks, type RemarkLinksOptions } from '../links/remark-links';
import { remarkEmbeds } from '../links/embeds';
import { rehypeMermaid, type DiagramRenderer } from './rehype-mermaid';
import { codeTitleTransformer } from './code-title';
import { remarkGardenImages } from '../images/remark-images';

/** The remark plugins; with `links`, `[[wikilinks]]` and relative links to notes resolve too. */
export function remarkPluginsFor(links?: RemarkLinksOptions): RemarkPlugins {
  // Images first (`![[x.png]]` is not a note to embed), then embeds: the links inside an embedded note resolve with the note's own.
  return links ? [remarkMath, [remarkGardenImages, links], [remarkEmbeds, links], [remarkGardenLinks, links]] : [remarkMath];
}

export const remarkPlugins: RemarkPlugins = remarkPluginsFor();

/** The rehype plugins; with `diagrams`, ```mermaid fences are drawn (else shown as their source, rehype-mermaid.ts). */
export function rehypePluginsFor(diagrams?: DiagramRenderer): RehypePlugins {
  // Only a function in the options: Astro hashes its config with JSON.stringify, and a renderer may hold a browser.
  const renderer = diagrams && { render: (source: string) => diagrams.render(source) };
  return [[rehypeMermaid, { renderer }], ...rehypePluginsAfterDiagrams];
}

const rehypePluginsAfterDiagrams: RehypePlugins = [
  // `> [!note]` blockquotes become callouts (callouts.ts).
  rehypeGardenCallouts,
  // KaTeX reports a formula it cannot parse as a warning and renders it red; we stop the build instead.
  [rehypeKatex, { strict: 'ignore' }],
  rehypeMathErrors,
  // Tables and display formulas scroll sideways when wide: keyboard users must reach them.
  rehypeScrollRegions,
  rehypeCodeCopy,
  // Astro adds heading ids only after these plugins; the anchors need them now.
  rehypeHeadingIds,
  rehypeHeadingAnchors,
  // javascript:, vbscript: and non-image data: links are an error of the check, and never live on a page.
  rehypeSafeUrls,
  // Links written from the site root get the base path of a site published under a sub-path.
  [rehypeBaseLinks, { base: siteConfig.base }],
];

export const rehypePlugins: RehypePlugins = rehypePluginsFor();

export const shikiConfig: ShikiConfig = {
  // The "default" GitHub themes: the older github-light/github-dark colour comments and parameters below 4.5:1 contrast.
  themes: { light: 'github-light-default', dark: 'github-dark-default' },
  // Both themes as CSS variables; global.css picks one with light-dark().
  defaultColor: false,
  wrap: false,
  transformers: [
    // ```py title="train.py": the title reaches the code block's bar in .md and .mdx alike.
    codeTitleTransformer,
    {
      name: 'garden:no-tokenize-time-limit',
      // Shiki leaves the rest of a line plain after 500 ms of tokenizing it; on a loaded machine the first use
      // of a grammar can take that long, so an .mdx note (Astro's highlighter) would depend on the load.
      // The .md notes' highlighter (rehype-note-shiki.ts) sets the same option itself.
      preprocess(_code, options) {
        options.tokenizeTimeLimit = 0;
      },
    },
  ],
};
