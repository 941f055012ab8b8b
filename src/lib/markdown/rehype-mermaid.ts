/**
 * ```mermaid fences become diagrams. The drawing itself is done by a
 * `DiagramRenderer` handed in (the build's is src/build/diagram-renderer.ts,
 * which runs Mermaid in a headless chromium and caches the SVG); this plugin
 * only finds the fences, puts the SVGs in place and makes them fit the page:
 * - two SVGs per diagram, one per theme; global.css shows the one of the
 *   page's theme, so switching themes costs no script and no shift;
 * - the renderer draws with a placeholder id (DIAGRAM_ID), replaced here by
 *   one unique on the page (the note's path hash and the diagram's number),
 *   since Mermaid scopes its styles and arrow markers by the SVG's id;
 * - an SVG Mermaid gave no title (`accTitle:`) is named by its caption, the
 *   fence's `title="…"`, or else its kind ("flowchart diagram").
 * Without a renderer, or one that cannot draw (no browser), the diagram is
 * shown as its source in a figure that says so.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { createHash } from 'node:crypto';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toText } from 'hast-util-to-text';
import { relativeToCwd } from '../display-path';
import { SKIP, walk } from './walk';

/** The id the renderer draws every diagram with; each SVG gets its own in its place. */
export const DIAGRAM_ID = 'garden-diagram-id';

export interface DiagramSvgs {
  light: string;
  dark: string;
}

export interface DiagramRenderer {
  /** Both SVGs, drawn with the id DIAGRAM_ID; undefined when diagrams cannot be drawn here. Throws DiagramSyntaxError. */
  render(source: string): Promise<DiagramSvgs | undefined>;
}

/** Mermaid could not parse a diagram; `line` counts from the diagram's first line (1). */
export class DiagramSyntaxError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line: number | undefined) {
    super(message);
    this.name = 'DiagramSyntaxError';
    this.line = line;
  }
}

export interface RehypeMermaidOptions {
  renderer?: DiagramRenderer | undefined;
}

declare module 'vfile' {
  interface DataMap {
    /** The source of every diagram a render drew or showed, in order. */
    gardenDiagrams: string[];
    /** Lines of the file above the Markdown rendered (its frontmatter), so errors name the file's own line. */
    gardenLineOffset: number;
  }
}

export function rehypeMermaid(options: RehypeMermaidOptions = {}) {
  return async (tree: Root, file: VFile) => {
    const found: { pre: Element; parent: Element | Root; index: number }[] = [];
    walk(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined || !isMermaidBlock(node)) return;
      found.push({ pre: node, parent: parent as Element | Root, index });
      return SKIP;
    });
    if (found.length === 0) return;
    const prefix = `diagram-${createHash('sha1').update(file.path ?? '').digest('hex').slice(0, 6)}`;
    const sources: string[] = (file.data.gardenDiagrams ??= []);
    await Promise.all(
      found.map(async ({ pre, parent, index }, number) => {
        const source = toText(pre, { whitespace: 'pre' }).replace(/\n$/, '');
        sources.push(source);
        const caption = captionOf(pre);
        let svgs: DiagramSvgs | undefined;
        try {
          svgs = await options.renderer?.render(source);
        } catch (error) {
          throw error instanceof DiagramSyntaxError ? syntaxError(error, pre, source, file) : error;
        }
        const id = `${prefix}-${number + 1}`;
        parent.children[index] = svgs ? drawnFigure(svgs, id, caption) : sourceFigure(pre, caption);
      }),
    );
  };
}

/** A fence: `<pre><code class="language-mermaid">` before highlighting, `<pre data-language="mermaid">` after Shiki (Astro's processor highlights first). */
function isMermaidBlock(node: Element): boolean {
  if (node.tagName !== 'pre') return false;
  if (node.properties.dataLanguage === 'mermaid') return true;
  const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  const classes = code?.properties.className;
  return Array.isArray(classes) && classes.includes('language-mermaid');
}

/** The fence's `title="…"` (its meta string, which remark-rehype keeps as `data.meta` on the code element). */
function captionOf(pre: Element): string | undefined {
  const code = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  const meta = (code?.data as { meta?: string } | undefined)?.meta ?? (typeof pre.properties.dataMeta === 'string' ? pre.properties.dataMeta : undefined);
  return meta ? /\btitle=(?:"([^"]*)"|'([^']*)')/.exec(meta)?.slice(1).find((v) => v !== undefined) : undefined;
}

function syntaxError(error: DiagramSyntaxError, pre: Element, source: string, file: VFile): Error {
  const where = file.path ? relativeToCwd(file.path) : '(unknown file)';
  // The diagram starts on the line after the fence's; a block Shiki highlighted first (Astro's processor) has no position: found by its text.
  const fence = pre.position?.start.line;
  const at = String(file.value).indexOf(source);
  const first = fence !== undefined ? fence + 1 : at >= 0 ? String(file.value).slice(0, at).split('\n').length : undefined;
  const line = first === undefined ? '?' : first + (error.line ?? 1) - 1 + (file.data.gardenLineOffset ?? 0);
  return new Error(`A diagram cannot be drawn (expected valid Mermaid):\n  ${where}:${line}: diagram: ${error.message}`);
}

function figure(className: string, children: ElementContent[], caption: string | undefined): Element {
  const captionElement: ElementContent[] = caption ? [{ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] }] : [];
  return { type: 'element', tagName: 'figure', properties: { className: ['diagram', className] }, children: [...children, ...captionElement] };
}

function drawnFigure(svgs: DiagramSvgs, id: string, caption: string | undefined): Element {
  const themed = (theme: 'light' | 'dark', svg: string): Element => {
    const [root] = fromHtmlIsomorphic(svg.replaceAll(DIAGRAM_ID, `${id}-${theme}`), { fragment: true }).children.filter((n) => n.type === 'element');
    if (root && !root.properties.ariaLabelledBy && !root.properties.ariaLabel) root.properties.ariaLabel = caption ?? `${String(root.properties.ariaRoleDescription ?? 'diagram').replace(/-v\d+$/, '')} diagram`;
    return { type: 'element', tagName: 'div', properties: { className: ['diagram__svg', `diagram__svg--${theme}`] }, children: root ? [root] : [] };
  };
  return figure('diagram--drawn', [themed('light', svgs.light), themed('dark', svgs.dark)], caption);
}

function sourceFigure(pre: Element, caption: string | undefined): Element {
  const note: Element = { type: 'element', tagName: 'p', properties: { className: ['diagram__note'] }, children: [{ type: 'text', value: 'A Mermaid diagram, shown as its source: this site was built without a browser to draw it.' }] };
  return figure('diagram--source', [note, pre], caption);
}
