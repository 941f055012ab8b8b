/**
 * The images a note shows from the garden: `![alt](./img/x.png)`,
 * `![alt](../assets/x.png)` (relative to the note) and Obsidian's `![[x.png]]`
 * (found anywhere in the garden by its name), with where each is written and
 * which garden file it is. Pure: the garden's image files are passed in.
 */
import { posix } from 'node:path';
import { fenceTracker } from '../markdown/fences';

/** The image formats Astro's image pipeline reads (SVG is published as it is). */
export const IMAGE_FILE = /\.(png|jpe?g|webp|avif|gif|tiff?|svg)$/i;

export function isImageFile(path: string): boolean {
  return IMAGE_FILE.test(path);
}

/** `![[x.png]]` or `![[img/x.png|alt text]]`; a bare number after `|` is Obsidian's width, not alt text. */
export const IMAGE_EMBED = /!\[\[([^[\]|\n]+?\.(?:png|jpe?g|webp|avif|gif|tiff?|svg))\s*(?:\|([^[\]\n]*))?\]\]/gi;
const MARKDOWN_IMAGE = /!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

export interface FoundImage {
  kind: 'markdown' | 'embed';
  /** As written: `./img/x.png`, or `x.png` for `![[x.png]]`. */
  src: string;
  alt: string;
  /** 1-based line in the body. */
  line: number;
}

/** The local images a body writes, outside code; remote (`https:`), site-root (`/x.png`) and `data:` images are not the garden's. */
export function findImages(body: string): FoundImage[] {
  if (!body.includes('![')) return [];
  const found: FoundImage[] = [];
  const inCode = fenceTracker();
  body.split('\n').forEach((line, index) => {
    if (inCode(line) || !line.includes('![')) return;
    const prose = line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
    for (const match of prose.matchAll(IMAGE_EMBED)) {
      found.push({ kind: 'embed', src: (match[1] ?? '').trim(), alt: embedAlt(match[2]), line: index + 1 });
    }
    for (const match of prose.matchAll(MARKDOWN_IMAGE)) {
      const src = match[2] ?? '';
      if (isLocalImageSrc(src)) found.push({ kind: 'markdown', src, alt: (match[1] ?? '').trim(), line: index + 1 });
    }
  });
  return found;
}

/** The alt text of `![[x.png|…]]`: empty for none or for Obsidian's `|300` width. */
export function embedAlt(raw: string | undefined): string {
  const text = raw?.trim() ?? '';
  return /^\d+(x\d+)?$/.test(text) ? '' : text;
}

/** Whether `src` names a file beside the note rather than a URL, a site-root path or an anchor. */
export function isLocalImageSrc(src: string): boolean {
  return src !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/') && !src.startsWith('#');
}

export type ImageResolution = { ok: true; path: string } | { ok: false; lookedFor: string; reason: string };

/**
 * The garden file an image is: a Markdown image relative to the note's folder,
 * an embed by its name (or the end of its path) anywhere in the garden, the one
 * beside the note first, then the one with the shortest path, as Obsidian does.
 * `notePath` and `images` are paths relative to the garden, with `/`.
 */
export function resolveImage(image: Pick<FoundImage, 'kind' | 'src'>, notePath: string, images: ReadonlySet<string>): ImageResolution {
  const folder = posix.dirname(notePath);
  if (image.kind === 'markdown') {
    let src: string;
    try {
      src = decodeURI(image.src.split(/[?#]/)[0] ?? '');
    } catch {
      src = image.src;
    }
    const path = posix.normalize(posix.join(folder, src));
    if (path === '..' || path.startsWith('../')) return { ok: false, lookedFor: image.src, reason: 'it is outside the garden folder, which is all the site publishes' };
    return images.has(path) ? { ok: true, path } : { ok: false, lookedFor: path, reason: 'no such file' };
  }
  const name = image.src.replace(/^\.?\//, '');
  const candidates = [...images].filter((path) => path === name || path.endsWith(`/${name}`));
  if (candidates.length === 0) return { ok: false, lookedFor: `${name} (anywhere in the garden)`, reason: 'no such file' };
  const beside = candidates.find((path) => posix.dirname(path) === folder);
  const [nearest] = candidates.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  return { ok: true, path: beside ?? nearest! };
}

/** How a note's page links to a garden file: relative to the note's folder, as Astro's image import wants (`./x.png`, `../assets/x.png`). */
export function relativeImageSrc(notePath: string, imagePath: string): string {
  const relative = posix.relative(posix.dirname(notePath), imagePath);
  return relative.startsWith('../') ? relative : `./${relative}`;
}
