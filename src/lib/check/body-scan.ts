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
  /** Callouts (`> [!type]`) of a type the garden does not know: rendered as notes, and warned about. */
  unknownCallouts: { type: string; line: number }[];
}

const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\}|([^\s"'>{}]+))/g;

export function isRootLink(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

export function scanBody(body: string): BodyScan {
  // The note pipeline's parser (note-pipeline.ts): the same text gives the same tree.
  return bodyScanOfTree(parseMarkdown(body));
}

/** The scan of a body already parsed with GFM and remark-math, before any plugin changed the tree. */
export function bodyScanOfTree(tree: Root): BodyScan {
  const scan: BodyScan = { formulas: [], rootLinks: [], hasCode: false, hasMath: false, unknownCallouts: [] };
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
        break;
      case 'blockquote': {
        const type = calloutTypeOf(node);
        if (type !== undefined && !isKnownCalloutType(type)) scan.unknownCallouts.push({ type, line });
        break;
      }
      case 'html':
        for (const match of node.value.matchAll(HREF)) {
          const url = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
          const before = node.value.slice(0, match.index ?? 0);
          if (isRootLink(url)) scan.rootLinks.push({ url, line: line + (before.match(/\n/g)?.length ?? 0) });
        }
        break;
    }
  });
  return scan;
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
    unknownCallouts: scan.unknownCallouts.map((callout) => ({ ...callout, line: callout.line + offset })),
  };
}
