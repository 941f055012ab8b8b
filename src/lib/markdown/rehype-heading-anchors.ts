import type { Root } from 'hast';
import { walk } from './walk';

/**
 * Gives every h2/h3 a link to itself, so a reader can copy a link to a
 * section. The link has no text of its own (CSS draws the "#"), so heading
 * texts collected for tables of contents stay clean. Runs after
 * rehypeHeadingIds, which gives the headings their ids.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    walk(tree, 'element', (node) => {
      if (node.tagName !== 'h2' && node.tagName !== 'h3') return;
      const id = node.properties?.id;
      if (typeof id !== 'string' || id === '') return;
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, ariaHidden: 'true', tabIndex: -1 },
        children: [],
      });
    });
  };
}
