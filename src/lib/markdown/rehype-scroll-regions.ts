import type { Element, Root } from 'hast';
import { walk } from './walk';

const DISPLAY_MATH = '<span class="katex-display">';

/**
 * Tables and display formulas scroll sideways when they are wider than the
 * page (global.css); a region that scrolls must be reachable by keyboard, so
 * each gets `tabindex="0"` (axe's scrollable-region-focusable; Shiki already
 * does this for code blocks). Works on KaTeX's output whether it is parsed
 * (rehype-katex) or kept as a string (rehypeKatexRaw).
 */
export function rehypeScrollRegions() {
  return (tree: Root) => {
    walk(tree, (node) => {
      if (node.type === 'element') {
        const element = node as Element;
        const classes = Array.isArray(element.properties.className) ? element.properties.className : [];
        if (element.tagName === 'table' || (element.tagName === 'span' && classes.includes('katex-display'))) element.properties.tabIndex = 0;
      } else if (node.type === 'raw' && node.value.startsWith(DISPLAY_MATH)) {
        node.value = `<span class="katex-display" tabindex="0">${node.value.slice(DISPLAY_MATH.length)}`;
      }
    });
  };
}
