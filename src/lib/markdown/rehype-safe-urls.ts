/**
 * Removes `javascript:`, `vbscript:` and non-image `data:` URLs from a rendered
 * note (safe-urls.ts): from elements, from raw HTML written in Markdown (a
 * `raw` node until the page is serialised) and from the HTML elements of an
 * .mdx note. What a component does with its props is the component's business.
 */
import type { Root } from 'hast';
import { walk } from './walk';
import { unsafeScheme, URL_ATTRIBUTES, URL_PROPERTIES, withoutUnsafeUrls } from './safe-urls';
import { isHtmlJsx, isMdxJsx, type MdxJsxNode, type RawNode } from './hast-extra';

export function rehypeSafeUrls() {
  return (tree: Root) => {
    walk(tree, (node) => {
      if (node.type === 'element') {
        for (const property of URL_PROPERTIES) {
          const value = node.properties[property];
          if (typeof value === 'string' && unsafeScheme(value)) delete node.properties[property];
        }
      } else if ((node.type as string) === 'raw') {
        const raw = node as unknown as RawNode;
        raw.value = withoutUnsafeUrls(raw.value);
      } else if (isMdxJsx(node as unknown as { type: string })) {
        const jsx = node as unknown as MdxJsxNode;
        if (!isHtmlJsx(jsx)) return;
        jsx.attributes = jsx.attributes.filter(
          (attribute) => !(attribute.type === 'mdxJsxAttribute' && URL_ATTRIBUTES.has((attribute.name ?? '').toLowerCase()) && typeof attribute.value === 'string' && unsafeScheme(attribute.value)),
        );
      }
    });
  };
}
