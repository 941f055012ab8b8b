import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import katex from 'katex';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toText } from 'hast-util-to-text';
import { SKIP, walk } from './walk';

/**
 * rehype-katex, made cheap: the same formulas, classes, options and error
 * messages (`source: 'rehype-katex'`, which rehypeMathErrors turns into a
 * build error), but KaTeX's HTML goes into the tree as one `raw` node instead
 * of being parsed back into hundreds of elements and serialised again — that
 * round trip was half the cost of rendering a note with math. A formula inside
 * a heading keeps the parsed form, so heading ids are made from the same text
 * as before. Typeset formulas are memoised per process (formulas repeat).
 *
 * The note pipeline runs this without rehype-raw (which would parse the raw
 * nodes again) unless the Markdown itself holds raw HTML.
 */
export function rehypeKatexRaw(options: { strict?: katex.KatexOptions['strict'] } = {}) {
  return (tree: Root, file: VFile) => {
    let found = false;
    walk(tree, 'element', (element, _index, _parent, parents) => {
      const classes = Array.isArray(element.properties.className) ? element.properties.className : [];
      const languageMath = classes.includes('language-math');
      const mathDisplay = classes.includes('math-display');
      const mathInline = classes.includes('math-inline');
      if (!languageMath && !mathDisplay && !mathInline) return;
      let displayMode = mathDisplay;
      let parent = parents.at(-1) as Element | Root | undefined;
      let scope: Element = element;
      if (element.tagName === 'code' && languageMath && parent?.type === 'element' && parent.tagName === 'pre') {
        scope = parent;
        parent = parents.at(-2) as Element | Root | undefined;
        displayMode = true;
      }
      if (!parent) return;
      found = true;
      const value = toText(scope, { whitespace: 'pre' });
      let html: string | undefined;
      let fallback: ElementContent[] | undefined;
      try {
        html = typeset(value, displayMode, options.strict);
      } catch (error) {
        const cause = error as Error;
        file.message('Could not render math with KaTeX', {
          ancestors: [...parents, element],
          cause,
          place: element.position,
          ruleId: cause.name.toLowerCase(),
          source: 'rehype-katex',
        });
        try {
          html = katex.renderToString(value, { ...options, displayMode, strict: 'ignore', throwOnError: false });
        } catch {
          fallback = [{ type: 'element', tagName: 'span', properties: { className: ['katex-error'], style: 'color:#cc0000', title: String(error) }, children: [{ type: 'text', value }] }];
        }
      }
      const inHeading = parents.some((p) => p.type === 'element' && /^h[1-6]$/.test(p.tagName));
      const replacement: RootContent[] =
        fallback ?? (inHeading ? (fromHtmlIsomorphic(html!, { fragment: true }).children as ElementContent[]) : [{ type: 'raw', value: html! }]);
      const index = parent.children.indexOf(scope);
      parent.children.splice(index, 1, ...(replacement as ElementContent[]));
      return SKIP;
    });
    if (found) file.data.gardenHasMath = true;
  };
}

const typeset_cache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

function typeset(value: string, displayMode: boolean, strict: katex.KatexOptions['strict']): string {
  const key = `${displayMode ? 'D' : 'I'}${String(strict)}\u0000${value}`;
  const hit = typeset_cache.get(key);
  if (hit !== undefined) return hit;
  const html = katex.renderToString(value, { strict, displayMode, throwOnError: true });
  if (typeset_cache.size >= CACHE_LIMIT) typeset_cache.clear();
  typeset_cache.set(key, html);
  return html;
}

declare module 'vfile' {
  interface DataMap {
    gardenHasMath: boolean;
    gardenHasHtml: boolean;
  }
}
