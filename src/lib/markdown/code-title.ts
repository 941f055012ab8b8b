import type { ShikiTransformer } from 'shiki';

const TITLE = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)')/;

/** The file name a fence gives itself, ```py title="train.py" (single quotes too), shown in the block's bar. */
export function codeTitle(meta: unknown): string | undefined {
  if (typeof meta !== 'string') return undefined;
  const match = TITLE.exec(meta);
  const title = (match?.[1] ?? match?.[2])?.trim();
  return title ? title : undefined;
}

/**
 * Keeps a fence's title on the highlighted `<pre>` as `data-title`. Astro's
 * processor (.mdx) highlights before the project's rehype plugins run and
 * drops the meta string, so rehype-code-copy finds the title here; the note
 * pipeline highlights later, and this makes its `<pre>` the same.
 */
export const codeTitleTransformer: ShikiTransformer = {
  name: 'garden:code-title',
  pre(node) {
    const title = codeTitle(this.options.meta?.__raw);
    if (title) node.properties.dataTitle = title;
  },
};
