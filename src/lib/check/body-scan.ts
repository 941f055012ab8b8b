/**
 * What the checker needs to know about a Markdown body, from one parse (the
 * slowest step of `npm run check`): its formulas, the links it writes from
 * the site root, and whether it shows any code. Parsed as Markdown with GFM
 * and remark-math, as the build does, so text inside code spans, fences,
 * formulas and footnotes is never mistaken for a link or a formula. Sätteri
 * parses a thousand bodies in about 0.13 s, so the checker parses each body
 * itself rather than taking the render workers' trees.
 */
import { walk } from '../markdown/walk';
import { parseMarkdown } from '../markdown/parse';
import { unsafeScheme, unsafeUrlsInHtml } from '../markdown/safe-urls';
import type { Root } from 'mdast';
import { calloutTypeOf, isKnownCalloutType } from '../markdown/callout-types';

export interface BodyFormula {
  value: string;
  display: boolean;
  /** 1-based line in the body where the formula (or its ```math fence) starts. */
  line: number;
}

export interface BodyScan {
  formulas: BodyFormula[];
  /** Links starting with a single `/`, as written, with their 1-based line in the body. */
  rootLinks: { url: string; line: number }[];
  hasCode: boolean;
  hasMath: boolean;
  /** Links and HTML attributes whose URL runs code or opens a made-up page (safe-urls.ts), with their 1-based line in the body. */
  unsafeUrls: { url: string; scheme: string; line: number }[];
  /** The 1-based lines of code fences never closed (the block then runs to the end of the note or of its list or quote). */
  unclosedFences: number[];
  /** Callouts (`> [!type]`) of a type the garden does not know: rendered as notes, and warned about. */
  unknownCallouts: { type: string; line: number }[];
}

const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\}|([^\s"'>{}]+))/g;

export function isRootLink(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

export function scanBody(body: string): BodyScan {
  // The note pipeline's parser (note-pipeline.ts): the same text gives the same tree.
  const tree = parseMarkdown(body);
  const scan = bodyScanOfTree(tree);
  if (body.includes('```') || body.includes('~~~')) scan.unclosedFences = unclosedFences(tree, body.split('\n'));
  return scan;
}

/** What stands before a block on its line: quote markers and list markers with their spaces. */
const CONTAINER_PREFIX = /^(?:[ ]{0,3}(?:> ?|[-*+][ \t]+|\d{1,9}[.)][ \t]+))*/;
/** A fence after those, indented less than an indented code block would be: `` ``` ``, `~~~~`. */
const FENCE = /^[ ]{0,3}(`{3,}|~{3,})/;

/**
 * Fenced code blocks with no closing fence. The parser ends such a block
 * where its note, list item or quote ends, so the tree alone cannot tell; the
 * block's last line can: a closed block ends on a fence of its own kind, at
 * least as long as the opening one.
 */
function unclosedFences(tree: Root, lines: readonly string[]): number[] {
  const found: number[] = [];
  walk(tree, 'code', (node) => {
    const { start, end } = node.position ?? {};
    if (!start || !end) return;
    // An indented block, or a fence indented too deeply in nested lists to tell: nothing said rather than a false warning.
    const opening = FENCE.exec((lines[start.line - 1] ?? '').replace(CONTAINER_PREFIX, ''))?.[1];
    if (!opening) return;
    // A closing fence has nothing after it but spaces.
    const last = (lines[end.line - 1] ?? '').replace(CONTAINER_PREFIX, '');
    const closing = /^[ ]{0,3}(`{3,}|~{3,})[ \t]*$/.exec(last)?.[1];
    const closed = end.line > start.line && closing !== undefined && closing[0] === opening[0] && closing.length >= opening.length;
    if (!closed) found.push(start.line);
  });
  return found;
}

/** The scan of a body already parsed with GFM and remark-math, before any plugin changed the tree. */
export function bodyScanOfTree(tree: Root): BodyScan {
  const scan: BodyScan = { formulas: [], rootLinks: [], hasCode: false, hasMath: false, unsafeUrls: [], unclosedFences: [], unknownCallouts: [] };
  walk(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'code':
        // rehype-katex typesets a ```math fence as display math.
        if (node.lang === 'math') {
          scan.hasMath = true;
          scan.formulas.push({ value: node.value, display: true, line });
        } else scan.hasCode = true;
        break;
      case 'math':
      case 'inlineMath':
        scan.hasMath = true;
        scan.formulas.push({ value: node.value, display: node.type === 'math', line });
        break;
      case 'link':
      case 'definition':
        if (isRootLink(node.url)) scan.rootLinks.push({ url: node.url, line });
        addUnsafe(scan, node.url, line);
        break;
      case 'image':
        addUnsafe(scan, node.url, line);
        break;
      case 'blockquote': {
        const type = calloutTypeOf(node);
        if (type !== undefined && !isKnownCalloutType(type)) scan.unknownCallouts.push({ type, line });
        break;
      }
      case 'html': {
        const lineAt = (index: number) => line + (node.value.slice(0, index).match(/\n/g)?.length ?? 0);
        for (const match of node.value.matchAll(HREF)) {
          const url = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
          if (isRootLink(url)) scan.rootLinks.push({ url, line: lineAt(match.index ?? 0) });
        }
        for (const unsafe of unsafeUrlsInHtml(node.value)) scan.unsafeUrls.push({ url: unsafe.url, scheme: unsafe.scheme, line: lineAt(unsafe.index) });
        break;
      }
    }
  });
  return scan;
}

function addUnsafe(scan: BodyScan, url: string, line: number) {
  const scheme = unsafeScheme(url);
  if (scheme) scan.unsafeUrls.push({ url, scheme, line });
}

/**
 * A body as the note renderer parses it — without the blank lines and spaces
 * around it — and how many lines were dropped at its top, to count a scan's
 * lines from the body as written (shiftScan).
 */
export function trimBody(body: string): { text: string; offset: number } {
  const text = body.trim();
  const lead = body.slice(0, body.length - body.trimStart().length);
  return { text, offset: lead.split('\n').length - 1 };
}

export function shiftScan(scan: BodyScan, offset: number): BodyScan {
  if (offset === 0) return scan;
  return {
    ...scan,
    formulas: scan.formulas.map((formula) => ({ ...formula, line: formula.line + offset })),
    rootLinks: scan.rootLinks.map((link) => ({ ...link, line: link.line + offset })),
    unsafeUrls: scan.unsafeUrls.map((link) => ({ ...link, line: link.line + offset })),
    unclosedFences: scan.unclosedFences.map((line) => line + offset),
    unknownCallouts: scan.unknownCallouts.map((callout) => ({ ...callout, line: callout.line + offset })),
  };
}
