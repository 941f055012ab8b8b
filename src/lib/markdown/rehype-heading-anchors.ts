import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { SKIP, walk } from './walk';

/**
 * Gives every h2/h3 a link to itself, so a reader can copy a link to a
 * section, by keyboard as well as by mouse. The link follows the heading
 * inside a wrapper (as Starlight does), so the heading's own text and
 * accessible name stay as the author wrote them; the link's name says where
 * it goes ("Section titled …") and its "#" is decoration. Runs after
 * rehypeHeadingIds, which gives the headings their ids.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    walk(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'h2' && node.tagName !== 'h3') return;
      const id = node.properties?.id;
      if (typeof id !== 'string' || id === '' || !parent || index === undefined) return;
      const anchor: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}` },
        children: [
          { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
          { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: `Section titled “${toText(node).trim()}”` }] },
        ],
      };
      parent.children[index] = { type: 'element', tagName: 'div', properties: { className: ['heading-wrapper', `heading-wrapper--${node.tagName}`] }, children: [node, anchor] };
      return SKIP;
    });
  };
}
