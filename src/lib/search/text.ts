/**
 * Plain searchable text from an author's Markdown/MDX body: prose words,
 * link texts, image alts and the identifiers inside code (so `masked_fill`
 * finds the bit that uses it); math, HTML tags, MDX imports and Markdown
 * punctuation are stripped. Pure: the search index builder and its tests use it.
 */
import GithubSlugger from 'github-slugger';
import type { Heading as MdastHeading, Nodes, Root, RootContent } from 'mdast';
import { parseMarkdown } from '../markdown/parse';

/** A heading as the page renders it: Astro's `render(entry).headings`. */
export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface TextSection {
  /** The `##`/`###` heading that opens the section. */
  heading: { depth: number; slug: string; text: string };
  text: string;
}

export interface SplitText {
  /** Text before the first `##`/`###` heading. */
  intro: string;
  sections: TextSection[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Words and identifiers of a piece of code, without its operators and brackets. */
export function codeWords(code: string): string {
  return (code.match(/[\p{L}\p{N}_]+(?:[.:'-][\p{L}\p{N}_]+)*/gu) ?? []).join(' ');
}

/** The text of an HTML fragment: comments, tags and their attributes dropped, common entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/&(#?[a-z0-9]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole);
}

/** Collapses runs of whitespace and the Markdown left in plain text nodes (table pipes, `~~`, footnote marks). */
export function tidy(text: string): string {
  return text
    .replace(/\[\^[^\]\s]+\]/g, ' ')
    .replace(/~~/g, '')
    .replace(/(?<=\|)\s*:?-+:?\s*(?=\|)/g, ' ')
    .replace(/\|/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Removes the frontmatter if a body still carries it, and MDX's import/export lines and `{expressions}`. */
function prepare(body: string, mdx: boolean): string {
  const text = body.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/, '');
  if (!mdx) return text;
  // Outside code fences only: code keeps its braces and its `import` lines.
  let fence: string | undefined;
  let inEsm = false;
  return text
    .split('\n')
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
        return line;
      }
      if (marker) {
        fence = marker;
        return line;
      }
      if (inEsm || /^(?:import|export)\s/.test(line)) {
        // An MDX import/export block runs to the next blank line.
        inEsm = line.trim() !== '';
        return '';
      }
      return line.replace(/\{\/\*.*?\*\/\}/g, ' ').replace(/\{[^{}]*\}/g, ' ');
    })
    .join('\n');
}

const CALLOUT_PREFIX = /^\s*\[![\w-]+\][+-]?/;

/** The plain text of one Markdown node, recursively. */
function nodeText(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'inlineCode':
    case 'code':
      return ` ${codeWords(node.value)} `;
    case 'math':
    case 'inlineMath':
    case 'definition':
    case 'yaml':
      return ' ';
    case 'html':
      return ` ${htmlText(node.value)} `;
    case 'image':
    case 'imageReference':
      return node.alt ? ` ${node.alt} ` : ' ';
    case 'break':
    case 'thematicBreak':
      return ' ';
    default:
      if ('children' in node) {
        const inline = node.type === 'paragraph' || node.type === 'heading' || node.type === 'emphasis' || node.type === 'strong' || node.type === 'link' || node.type === 'linkReference' || node.type === 'delete';
        const text = (node.children as Nodes[]).map(nodeText).join(inline ? '' : ' ');
        // A callout's `[!type]` marker is syntax, not words (the page shows a title instead).
        return node.type === 'blockquote' ? text.replace(CALLOUT_PREFIX, ' ') : text;
      }
      return '';
  }
}

/** A heading's text as the page shows it (code as written, math left out): what anchors are made from. */
function headingText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if ('children' in node) return (node.children as Nodes[]).map(headingText).join('');
  return '';
}

// The note pipeline's parser, so a note's text can be taken from the tree it renders (textOfTree).
function parse(body: string, mdx: boolean): Root {
  return parseMarkdown(prepare(body, mdx));
}

/** The whole body as one line of plain text. */
export function markdownToText(body: string, options: { mdx?: boolean } = {}): string {
  return textOfTree(parse(body, options.mdx ?? false));
}

/** markdownToText of a parsed body (GFM and math syntax), as the note pipeline has it before any transform. */
export function textOfTree(tree: Root): string {
  return tidy(nodeText(tree));
}

const isSectionHeading = (node: RootContent): node is MdastHeading => node.type === 'heading' && (node.depth === 2 || node.depth === 3);

/** A chapter's sections before their anchors are known: what sectionsOfTree keeps of a tree that later plugins change. */
export interface SectionDrafts {
  intro: string;
  sections: { depth: number; text: string; body: string }[];
}

/**
 * Splits a chapter body at its `##` and `###` headings, the same ones the page
 * gives anchors to. `rendered` (Astro's headings for the entry) supplies the
 * anchors' slugs; if it does not line up with the Markdown, slugs are computed
 * the way the page computes them (GitHub's slugger).
 */
export function splitSections(body: string, options: { mdx?: boolean; rendered?: readonly RenderedHeading[] } = {}): SplitText {
  return anchorSections(sectionsOfTree(parse(body, options.mdx ?? false)), options.rendered);
}

/** The first half of splitSections, on a parsed body. */
export function sectionsOfTree(tree: Root): SectionDrafts {
  let intro = '';
  const sections: SectionDrafts['sections'] = [];
  let current: { depth: number; text: string; parts: string[] } | undefined;
  const close = () => current && sections.push({ depth: current.depth, text: current.text, body: tidy(current.parts.join(' ')) });
  for (const node of tree.children) {
    if (isSectionHeading(node)) {
      close();
      current = { depth: node.depth, text: headingText(node).replace(/\s+/g, ' ').trim(), parts: [] };
    } else if (current) {
      current.parts.push(nodeText(node));
    } else {
      intro += ` ${nodeText(node)}`;
    }
  }
  close();
  return { intro: tidy(intro), sections };
}

/** The second half of splitSections: each section gets its anchor, from the rendered headings when they line up. */
export function anchorSections(drafts: SectionDrafts, renderedHeadings: readonly RenderedHeading[] = []): SplitText {
  const rendered = renderedHeadings.filter((h) => h.depth === 2 || h.depth === 3);
  const useRendered = rendered.length === drafts.sections.length && rendered.every((h, i) => h.depth === drafts.sections[i]!.depth);
  const slugger = new GithubSlugger();
  return {
    intro: drafts.intro,
    sections: drafts.sections.map((section, index) => {
      const own = useRendered ? rendered[index]! : undefined;
      return { heading: { depth: section.depth, slug: own?.slug ?? slugger.slug(section.text), text: own?.text.trim() || section.text }, text: section.body };
    }),
  };
}
