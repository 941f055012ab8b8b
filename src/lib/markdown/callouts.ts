/**
 * Callouts, as Obsidian and GitHub write them: a blockquote whose first line
 * is `[!type]`, `[!type] Title`, `[!type]-` (folded) or `[!type]+` (foldable,
 * open). rehype-callouts does the rendering; this module names the types the
 * garden knows, turns an unknown type into a note (as Obsidian does; the
 * checker warns about it), and makes the markup accessible: a foldable callout
 * is a `<details>` (no JavaScript), the others are `role="note"`, the icons
 * are hidden from screen readers, and only phrasing content goes in a summary.
 */
import rehypeCallouts from 'rehype-callouts';
import type { Element, Root } from 'hast';
import { CALLOUT_MARKER, isKnownCalloutType } from './callout-types';
import { walk } from './walk';

const render = (rehypeCallouts as unknown as (options: Parameters<typeof rehypeCallouts>[0]) => (tree: Root) => void)({
  theme: 'obsidian',
  // A <summary> holds phrasing content only: spans, not rehype-callouts' default divs.
  tags: { titleIconTagName: 'span', titleTextTagName: 'span', foldIconTagName: 'span' },
});

/** The rehype plugin: callouts of every known type; an unknown one as a note titled with its type. */
export function rehypeGardenCallouts() {
  return (tree: Root) => {
    let found = false;
    walk(tree, 'element', (node) => {
      if (node.tagName !== 'blockquote') return;
      const text = firstText(node);
      const match = text ? CALLOUT_MARKER.exec(text.value) : null;
      if (!text || !match) return;
      found = true;
      const [whole, type, fold, title] = match as unknown as [string, string, string, string];
      if (!isKnownCalloutType(type)) {
        const shown = title.trim() || type.charAt(0).toUpperCase() + type.slice(1);
        text.value = `[!note]${fold} ${shown}${text.value.slice(whole.length)}`;
      }
    });
    if (!found) return;
    render(tree);
    walk(tree, 'element', (node) => {
      if (node.tagName === 'div' && hasClass(node, 'callout')) node.properties.role = 'note';
    });
  };
}

/** The text a callout starts with: the first text of the blockquote's first paragraph. */
function firstText(quote: Element) {
  const paragraph = quote.children.find((child) => !(child.type === 'text' && child.value.trim() === ''));
  if (paragraph?.type !== 'element' || paragraph.tagName !== 'p') return undefined;
  const text = paragraph.children[0];
  return text?.type === 'text' ? text : undefined;
}

function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className;
  return Array.isArray(value) ? value.includes(name) : value === name;
}
