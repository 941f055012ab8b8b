import type { Root } from 'hast';
import { walk } from './walk';
import { isHtmlJsx, isMdxJsx, type MdxJsxNode, type RawNode } from './hast-extra';

/** `/bits/x/` under base `/garden/` → `/garden/bits/x/`; other URLs, and ones already under the base, as written. */
export function withBase(url: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (prefix === '/' || !url.startsWith('/') || url.startsWith('//')) return url;
  if (url.startsWith(prefix) || url === prefix.slice(0, -1)) return url;
  return `${prefix}${url.slice(1)}`;
}

const RAW_URL = /\b(href|src)=(["'])(\/[^"']*)\2/g;

/**
 * Authors link to other pages from the site root (`[see](/bits/kv-cache/)`),
 * the addresses `npm run check` verifies; a site published under a sub-path
 * (SITE_BASE=/garden/) needs the base in front of each, added here.
 */
export function rehypeBaseLinks(options: { base: string }) {
  return (tree: Root) => {
    if (options.base === '/' || options.base === '') return;
    walk(tree, (node) => {
      if (node.type === 'element') {
        for (const attribute of ['href', 'src'] as const) {
          const value = node.properties[attribute];
          if (typeof value === 'string') node.properties[attribute] = withBase(value, options.base);
        }
      } else if ((node.type as string) === 'raw') {
        const raw = node as unknown as RawNode;
        raw.value = raw.value.replace(RAW_URL, (_match: string, attribute: string, quote: string, url: string) => `${attribute}=${quote}${withBase(url, options.base)}${quote}`);
      } else if (isMdxJsx(node as unknown as { type: string })) {
        const jsx = node as unknown as MdxJsxNode;
        // Only HTML elements (`<a>`, `<img>`): what a component does with an `href` prop is the component's business.
        if (!isHtmlJsx(jsx)) return;
        for (const attribute of jsx.attributes) {
          if (attribute.type === 'mdxJsxAttribute' && (attribute.name === 'href' || attribute.name === 'src') && typeof attribute.value === 'string') {
            attribute.value = withBase(attribute.value, options.base);
          }
        }
      }
    });
  };
}
