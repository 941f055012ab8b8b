import type { Element, Root } from 'hast';
import { SKIP, walk } from './walk';

/**
 * Wraps every highlighted code block with a copy button. The button is
 * `hidden` in the HTML and revealed by the site script, so readers without
 * JavaScript never see a button that does nothing.
 */
export function rehypeCodeCopy() {
  return (tree: Root) => {
    walk(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      if (!node.children.some((child) => child.type === 'element' && child.tagName === 'code')) return;
      const button: Element = {
        type: 'element',
        tagName: 'button',
        properties: { type: 'button', className: ['copy-code'], hidden: true, dataCopyCode: '', ariaLabel: 'Copy code' },
        children: [{ type: 'text', value: 'Copy' }],
      };
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-block'] },
        children: [node, button],
      };
      parent.children[index] = wrapper;
      return SKIP;
    });
  };
}
