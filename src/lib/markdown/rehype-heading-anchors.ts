import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Gives every h2/h3 that has an id a visible "#" link, so a reader can copy a
 * link to a section. Ids themselves come from Astro's heading-id plugin.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'h2' && node.tagName !== 'h3') return;
      const id = node.properties?.id;
      if (typeof id !== 'string' || id === '') return;
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, ariaHidden: 'true', tabIndex: -1 },
        children: [{ type: 'text', value: '#' }],
      });
    });
  };
}
