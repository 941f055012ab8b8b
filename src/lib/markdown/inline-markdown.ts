/**
 * One line of inline Markdown, for text kept in YAML such as quiz facts:
 * `$…$` math typeset by KaTeX, `` `code` ``, emphasis, links (given the site's
 * base path), typographic quotes and dashes, as in a note. Block syntax has no
 * place in a line of text, so an answer such as `1. Sort` or `- 3` reads as
 * written rather than as a list; raw HTML is shown as text. Synchronous and
 * cheap: the parse is Sätteri's and formulas are memoised.
 */
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { PhrasingContent, Root } from 'mdast';
import { parseMarkdown, remarkNativeParse } from './parse';
import { remarkSmartypantsFast } from './remark-smartypants-fast';
import { rehypeKatexRaw } from './rehype-katex-raw';
import { rehypeBaseLinks } from './rehype-base-links';
import { walk } from './walk';

export interface InlineMarkdown {
  /** Phrasing HTML, without a wrapping paragraph. */
  html: string;
  /** The plain text: code as written, a formula as its TeX source. */
  text: string;
  /** Whether it holds a typeset formula (the page then needs KaTeX's stylesheet). */
  hasMath: boolean;
}

/** A line starting with what would open a block (heading, list, quote, fence, rule) gets that character escaped. */
const BLOCK_START = /^(?:#{1,6}(?=\s|$)|[-+*](?=\s|$)|>|`{3}|~{3})/;
const ORDERED_START = /^(\d{1,9})([.)])(?=\s|$)/;
const RULE = /^([-*_])(?:\s*\1){2,}\s*$/;

/** The text as one line whose Markdown can only be inline. */
export function inlineSource(text: string): string {
  const line = text.replace(/\s*\n\s*/g, ' ').trim();
  if (ORDERED_START.test(line)) return line.replace(ORDERED_START, '$1\\$2');
  if (BLOCK_START.test(line) || RULE.test(line)) return `\\${line}`;
  return line;
}

/** The formulas of a line of inline Markdown, as KaTeX will be given them. */
export function inlineFormulas(text: string): { value: string; display: boolean }[] {
  if (!text.includes('$')) return [];
  const formulas: { value: string; display: boolean }[] = [];
  walk(parseMarkdown(inlineSource(text)), (node) => {
    if (node.type === 'inlineMath' || node.type === 'math') formulas.push({ value: node.value, display: node.type === 'math' });
  });
  return formulas;
}

/** Raw HTML in a line is shown as the text it is. */
function remarkHtmlAsText() {
  return (tree: Root) => {
    walk(tree, 'html', (node) => {
      (node as unknown as { type: string }).type = 'text';
    });
  };
}

/** A renderer for one site: `base` is the path root links get in front (SITE_BASE). */
export function inlineMarkdownRenderer(options: { base: string }): (text: string) => InlineMarkdown {
  const processor = unified()
    .use(remarkNativeParse)
    .use(remarkHtmlAsText)
    .use(remarkSmartypantsFast)
    .use(remarkRehype)
    // As in notes: a formula KaTeX rejects is the checker's error; here it is drawn red rather than thrown.
    .use(rehypeKatexRaw, { strict: 'ignore' })
    .use(rehypeBaseLinks, { base: options.base })
    .use(rehypeStringify, { allowDangerousHtml: true });
  const memo = new Map<string, InlineMarkdown>();
  return (text) => {
    const known = memo.get(text);
    if (known) return known;
    const source = inlineSource(text);
    const file = new VFile(source);
    const html = processor.stringify(processor.runSync(processor.parse(file), file), file);
    const rendered = { html: unwrapParagraph(html), text: plainText(parseMarkdown(source)), hasMath: file.data.gardenHasMath === true };
    memo.set(text, rendered);
    return rendered;
  };
}

function unwrapParagraph(html: string): string {
  const trimmed = html.trim();
  return trimmed.startsWith('<p>') && trimmed.endsWith('</p>') && trimmed.indexOf('<p>', 1) === -1 ? trimmed.slice(3, -4) : trimmed;
}

function plainText(tree: Root): string {
  const text = (node: Root | PhrasingContent | Root['children'][number]): string => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'inlineMath' || node.type === 'html') return node.value;
    if (node.type === 'image') return node.alt ?? '';
    if (node.type === 'break') return ' ';
    return 'children' in node ? (node.children as PhrasingContent[]).map(text).join('') : '';
  };
  return text(tree).replace(/\s+/g, ' ').trim();
}
