import type { Element, Root } from 'hast';
import { SKIP, walk } from './walk';
import { isKnownFenceLanguage } from '../check/languages';
import { codeTitle } from './code-title';

/** Languages not worth a label: plain text says nothing a reader does not see. */
const UNLABELLED = new Set(['text', 'plaintext', 'txt', 'plain', 'ansi']);

/**
 * Wraps every highlighted code block with a bar above it: the block's title
 * (```py title="train.py"), its language and a copy button, so the button never covers a line of code. The
 * button is `hidden` in the HTML and revealed by the site script, so readers
 * without JavaScript never see a button that does nothing (a bar with
 * nothing visible in it is not shown, global.css).
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
      const language = languageOf(node);
      const label: Element[] =
        language !== undefined && !UNLABELLED.has(language)
          ? [{ type: 'element', tagName: 'span', properties: { className: ['code-block__lang'] }, children: [{ type: 'text', value: language }] }]
          : [];
      const title = titleOf(node);
      const named: Element[] = title ? [{ type: 'element', tagName: 'span', properties: { className: ['code-block__title'] }, children: [{ type: 'text', value: title }] }] : [];
      const bar: Element = { type: 'element', tagName: 'div', properties: { className: ['code-block__bar'] }, children: [...named, ...label, button] };
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-block'] },
        children: [bar, node],
      };
      parent.children[index] = wrapper;
      return SKIP;
    });
  };
}

/**
 * A block's language: Shiki's `data-language` when it has highlighted the
 * block already (Astro's processor), else the `language-x` class the code
 * element carries before it does (the note pipeline highlights later).
 */
function languageOf(pre: Element): string | undefined {
  if (typeof pre.properties.dataLanguage === 'string') return pre.properties.dataLanguage;
  const code = codeOf(pre);
  const classes = code?.properties.className;
  const list = Array.isArray(classes) ? classes : typeof classes === 'string' ? [classes] : [];
  for (const name of list) {
    const match = typeof name === 'string' ? /^language-(\S+)$/.exec(name) : null;
    // A language Shiki lacks is highlighted as plain text, which Astro's processor labels `plaintext`.
    if (match) return isKnownFenceLanguage(match[1]!) ? match[1] : undefined;
  }
  return undefined;
}

/** A block's title: on the highlighted `<pre>` (code-title.ts) in Astro's processor, in the fence's meta string before highlighting. */
function titleOf(pre: Element): string | undefined {
  if (typeof pre.properties.dataTitle === 'string') return pre.properties.dataTitle;
  return codeTitle(codeOf(pre)?.data?.meta);
}

function codeOf(pre: Element): Element | undefined {
  return pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
}
