/**
 * Embeds, as Obsidian writes them: a paragraph that is only `![[slug]]` puts
 * that note's body in place, `![[slug#heading]]` the section under that
 * heading (to the next heading of the same or a higher level). The embedded
 * Markdown goes through the rest of the pipeline with the embedding note, so
 * its math, code and links render as in the source; it is framed with a link
 * to the source, and its headings are labelled as headings without becoming
 * the page's own (no id, no table-of-contents entry). An embed cycle is left
 * as a link (the checker stops the build with the chain, check/embeds.ts).
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { BlockContent, Heading, Paragraph, Root, RootContent } from 'mdast';
import { parseMarkdown } from '../markdown/parse';
import { remarkSmartypantsFast } from '../markdown/remark-smartypants-fast';
import { walk } from '../markdown/walk';
import { bodyOf } from '../frontmatter';
import { resolveWikiLink } from './resolve';
import { findLinks } from './find';
import type { LinkTarget } from './targets';
import type { RemarkLinksOptions } from './remark-links';
import type { VFile } from 'vfile';
import { gardenImages, placeGardenImages } from '../images/remark-images';

/** The `![` of an embed that is not an image's (`![[x.png]]` stays for the image check to name). */
const NOTE_EMBED_MARK = /!\[\[(?![^[\]|\n]+?\.(?:png|jpe?g|webp|avif|gif|tiff?|svg)\s*(?:\|[^[\]\n]*)?\]\])/gi;

/** A paragraph that is one `![[target]]` and nothing else. */
const EMBED = /^!\[\[([^[\]|\n]+?)(?:\|[^[\]\n]*)?\]\]$/;

/** Reads a note's body (without frontmatter) by its path in the garden; undefined when it cannot be read. */
export type BodyReader = (file: string) => string | undefined;

export function gardenBodyReader(contentDir: string): BodyReader {
  return (file) => {
    try {
      return bodyOf(readFileSync(join(contentDir, file), 'utf8')).trim();
    } catch {
      return undefined;
    }
  };
}

/** The raw target of a paragraph that is an embed, e.g. `kv-cache#intro`. */
export function embedTargetOf(paragraph: Paragraph): string | undefined {
  const [only, ...rest] = paragraph.children;
  if (rest.length > 0 || only?.type !== 'text') return undefined;
  return EMBED.exec(only.value.trim())?.[1]?.trim();
}

/** A resolved embed: the note, its address (with the heading's anchor), the heading's slug if one was named, and its body. */
export interface Embedded {
  target: LinkTarget;
  url: string;
  heading?: string | undefined;
  body: string;
}

export function resolveEmbed(raw: string, targets: ReadonlyMap<string, LinkTarget>, read: BodyReader): Embedded | undefined {
  const resolution = resolveWikiLink(raw, targets, { allowDrafts: true });
  if (!resolution?.ok || !resolution.target.file) return undefined;
  const body = read(resolution.target.file);
  if (body === undefined) return undefined;
  const hash = raw.indexOf('#');
  return { target: resolution.target, url: resolution.url, heading: hash === -1 ? undefined : resolution.url.slice(resolution.url.indexOf('#') + 1), body };
}

/** The blocks of a body to embed: all of it, or the section of one heading (by its slug), with that heading's text. */
export function embeddedSection(tree: Root, heading: string | undefined): { blocks: RootContent[]; title?: string } {
  if (heading === undefined) return { blocks: tree.children };
  const slugger = new GithubSlugger();
  const start = tree.children.findIndex((node) => node.type === 'heading' && slugger.slug(headingText(node)) === heading);
  if (start === -1) return { blocks: [] };
  const found = tree.children[start] as Heading;
  const end = tree.children.findIndex((node, index) => index > start && node.type === 'heading' && node.depth <= found.depth);
  return { blocks: tree.children.slice(start + 1, end === -1 ? undefined : end), title: headingText(found) };
}

function headingText(node: Heading): string {
  let text = '';
  walk({ type: 'root', children: [node] } as Root, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') text += child.value;
  });
  return text;
}

const smarten = remarkSmartypantsFast() as unknown as (tree: Root) => void;

/** The remark plugin: runs before wikilinks are resolved, so links inside an embed resolve too. */
export function remarkEmbeds(options: RemarkLinksOptions & { read?: BodyReader }) {
  const read = options.read ?? gardenBodyReader(options.contentDir);
  return (tree: Root, file: VFile) => {
    if (!String(file.value).includes('![[')) return;
    const targets = options.targets();
    // The note itself heads the chain, so a ring closes where it started.
    const path = file.path ? relative(options.contentDir, file.path).split(sep).join('/') : '';
    const self = [...targets.values()].find((target) => target.file === path);
    // An embedded note's images are its own files: placed as the page's (images/remark-images.ts).
    const images = gardenImages(options.contentDir);
    const place = (embedded: Root, from: string) => placeGardenImages(embedded, from, path, images);
    expand(tree, targets, read, self ? [self.key] : [], place);
    // What is left (an embed inside a sentence, or one that would close a cycle) reads as a link; an image left as written is the check's.
    walk(tree, 'text', (node) => {
      if (node.value.includes('![[')) node.value = node.value.replace(NOTE_EMBED_MARK, '[[');
    });
  };
}

/** Replaces each embed paragraph under `parent`; `chain` holds the notes being embedded, outermost first. */
function expand(parent: { children: RootContent[] }, targets: ReadonlyMap<string, LinkTarget>, read: BodyReader, chain: string[], place: (tree: Root, from: string) => void): void {
  parent.children = parent.children.map((node) => {
    if (node.type !== 'paragraph') {
      if ('children' in node && node.type !== 'heading') expand(node as { children: RootContent[] }, targets, read, chain, place);
      return node;
    }
    const raw = embedTargetOf(node);
    const embedded = raw === undefined ? undefined : resolveEmbed(raw, targets, read);
    if (!embedded || chain.includes(embedded.target.key)) return node;
    const tree = parseMarkdown(embedded.body);
    smarten(tree);
    if (embedded.target.file) place(tree, embedded.target.file);
    const section = embeddedSection(tree, embedded.heading);
    const inner = { children: section.blocks };
    expand(inner, targets, read, [...chain, embedded.target.key], place);
    return frame(embedded, inner.children, section.title);
  });
}

/** `<aside class="embed">` with a link to the source first; the embedded headings as labelled paragraphs, and no positions from the other file. */
function frame(embedded: Embedded, blocks: RootContent[], headingTitle: string | undefined): RootContent {
  const root = { type: 'root', children: blocks } as Root;
  walk(root, (node) => {
    delete node.position;
    if (node.type === 'heading') node.data = { ...node.data, hName: 'p', hProperties: { className: ['embed-heading'], role: 'heading', ariaLevel: node.depth + 1 } };
  });
  const label = headingTitle ? `${embedded.target.title} › ${headingTitle}` : embedded.target.title;
  const source: Paragraph = {
    type: 'paragraph',
    data: { hProperties: { className: ['embed-source'] } },
    children: [{ type: 'link', url: embedded.url, children: [{ type: 'text', value: label }] }],
  };
  return {
    type: 'blockquote',
    data: { hName: 'aside', hProperties: { className: ['embed'], ariaLabel: `Embedded from ${label}` } },
    children: [source, ...(blocks as BlockContent[])],
  };
}

/**
 * Every note a body embeds, directly or through another embed, each once,
 * in the order first met: what its rendering depends on besides its own text
 * (the note cache puts their bodies in its key).
 */
export function embedClosure(body: string, targets: ReadonlyMap<string, LinkTarget>, read: BodyReader): Embedded[] {
  const found = new Map<string, Embedded>();
  const visit = (text: string) => {
    if (!text.includes('![[')) return;
    for (const link of findLinks(text)) {
      if (!link.embed) continue;
      const embedded = resolveEmbed(link.target, targets, read);
      const id = embedded && `${embedded.target.key}#${embedded.heading ?? ''}`;
      if (!embedded || found.has(id!)) continue;
      found.set(id!, embedded);
      visit(embedded.body);
    }
  };
  visit(body);
  return [...found.values()];
}
