/**
 * An imported note's body, its links made the garden's: `[[Note Name]]` and
 * `[[Note Name#Heading|label]]` point at the note's new name, a Markdown link
 * to another note's file becomes a wikilink, `![[image.png]]` and
 * `![alt](image.png)` point at the copy beside the note, and a link to a note
 * that was not imported is kept as its text (a broken link would stop the
 * build). Code and formulas are left as written. Pure.
 */
import GithubSlugger from 'github-slugger';
import { parseMarkdown, MarkdownNestingError } from '../markdown/parse';
import { walk } from '../markdown/walk';

export interface LinkTargets {
  /** The garden's link for a note named as the source wrote it (`Note Name`, `folder/Note Name`), or undefined. */
  note(name: string): string | undefined;
  /** The copy's file name beside the note for an image named as the source wrote it, or undefined. */
  image(name: string): string | undefined;
}

export interface Rewritten {
  body: string;
  /** What could not be kept as a link or an image, said for the report. */
  notes: string[];
}

const IMAGE = /\.(png|jpe?g|gif|svg|webp|avif)$/i;
const WIKI = /(!?)\[\[([^\]|#]+)(#[^\]|]*)?(?:\|([^\]]*))?\]\]/g;
const FILE_LINK = /(!?)\[([^\]]*)\]\(<?([^)\s>]+)>?\)/g;

/** Offsets of code and formulas, where nothing is rewritten. */
function protectedRanges(body: string): [number, number][] {
  const ranges: [number, number][] = [];
  try {
    walk(parseMarkdown(body), (node) => {
      if (!['code', 'inlineCode', 'math', 'inlineMath', 'html'].includes(node.type)) return;
      const { start, end } = node.position ?? {};
      if (start?.offset !== undefined && end?.offset !== undefined) ranges.push([start.offset, end.offset]);
    });
  } catch (error) {
    if (!(error instanceof MarkdownNestingError)) throw error;
  }
  return ranges;
}

const decode = (target: string) => {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
};

export function rewriteLinks(body: string, targets: LinkTargets): Rewritten {
  const ranges = protectedRanges(body);
  const inCode = (index: number) => ranges.some(([start, end]) => index >= start && index < end);
  const notes: string[] = [];
  const slugger = new GithubSlugger();

  let text = body.replace(WIKI, (whole: string, bang: string, name: string, heading: string | undefined, label: string | undefined, index: number) => {
    if (inCode(index)) return whole;
    const target = name.trim();
    if (IMAGE.test(target)) {
      const copy = targets.image(target);
      // Obsidian's `|300` is a width, not a description: the image is then described by its name.
      const alt = label && !/^\d+(x\d+)?$/.test(label) ? label : target.replace(/^.*\//, '').replace(IMAGE, '');
      if (copy) return `![${alt}](${encodeURI(copy)})`;
      notes.push(`![[${target}]]: no such image in the folder, kept as text`);
      return target;
    }
    const link = targets.note(target);
    if (!link) {
      notes.push(`[[${target}]]: no such note in the folder, kept as text`);
      return label ?? target;
    }
    if (bang) notes.push(`![[${target}]]: a note embedded in another is not supported, made a link`);
    slugger.reset();
    const anchor = heading && heading.length > 1 ? `#${slugger.slug(heading.slice(1))}` : '';
    return `[[${link}${anchor}${label ? `|${label}` : ''}]]`;
  });

  // Markdown links and images to files of the folder (offsets are those of the text as rewritten so far).
  const ranges2 = protectedRanges(text);
  text = text.replace(FILE_LINK, (whole: string, bang: string, label: string, url: string, index: number) => {
    if (ranges2.some(([start, end]) => index >= start && index < end) || /^[a-z][a-z0-9+.-]*:|^#|^\//i.test(url)) return whole;
    const [path = url, hash = ''] = decode(url).split('#');
    if (bang || IMAGE.test(path)) {
      const copy = targets.image(path);
      return copy ? `${bang}[${label}](${encodeURI(copy)})` : whole;
    }
    if (!/\.md$/i.test(path)) return whole;
    const link = targets.note(path.replace(/\.md$/i, ''));
    if (!link) {
      notes.push(`(${url}): no such note in the folder, kept as text`);
      return label;
    }
    slugger.reset();
    return `[[${link}${hash ? `#${slugger.slug(hash)}` : ''}|${label}]]`;
  });
  return { body: text, notes };
}
