/**
 * Images in a note, for Astro's image pipeline: Obsidian's `![[x.png]]` becomes
 * an image beside the note (`![](../assets/x.png)`), as does one in a note it
 * embeds, and the page's local images that exist in the garden are listed in
 * `file.data.astro.localImagePaths`,
 * as Astro's own remarkCollectImages does (which would also list missing ones),
 * so that Astro's content layer imports them; rehypeGardenImages then marks
 * their `<img>` for `getImage()` at page render (NoteBody.astro). A missing image is left as written: the
 * garden check stops a build on it (check/images.ts).
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Image, PhrasingContent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { walk } from '../markdown/walk';
import { embedAlt, IMAGE_EMBED, isImageFile, isLocalImageSrc, relativeImageSrc, resolveImage } from './find';

export interface RemarkImagesOptions {
  contentDir: string;
  /** The garden's image files, relative to it (default: gardenImages). */
  images?: () => ReadonlySet<string>;
}

/** Every image file under the garden folder, relative to it with `/`; dot- and underscore-folders are not the garden's. */
export function listGardenImages(contentDir: string): Set<string> {
  const found = new Set<string>();
  const visit = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (isImageFile(entry.name)) found.add(relative(contentDir, path).split(sep).join('/'));
    }
  };
  visit(contentDir);
  return found;
}

/** A src as the rehype step compares it (rehype-images.ts): URL escapes decoded, when they decode. */
export function decodedSrc(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

/** The garden's images, listed again at most every second (a long `astro dev` sees new ones; a build lists a few times at most). */
const listings = new Map<string, { at: number; images: Set<string> }>();
export function gardenImages(contentDir: string, now: number = Date.now()): Set<string> {
  const known = listings.get(contentDir);
  if (known && now - known.at < 1000) return known.images;
  const images = listGardenImages(contentDir);
  listings.set(contentDir, { at: now, images });
  return images;
}

/**
 * In Markdown from `fromPath` (the note itself, or a note it embeds), turns
 * `![[x.png]]` into an image and writes each garden image's path relative to
 * the folder of `toPath`, the note whose page shows it; an image not in the
 * garden is left as written.
 */
export function placeGardenImages(tree: Root, fromPath: string, toPath: string, images: ReadonlySet<string>): void {
  walk(tree, 'text', (node, index, parent) => {
    if (!parent || index === undefined || !node.value.includes('![[')) return;
    const pieces: PhrasingContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(IMAGE_EMBED)) {
      const resolved = resolveImage({ kind: 'embed', src: match[1] ?? '' }, fromPath, images);
      if (!resolved.ok) continue;
      const start = match.index ?? 0;
      if (start > last) pieces.push({ type: 'text', value: node.value.slice(last, start) });
      pieces.push({ type: 'image', url: relativeImageSrc(toPath, resolved.path), alt: embedAlt(match[2]) });
      last = start + match[0].length;
    }
    if (pieces.length === 0) return;
    if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
    parent.children.splice(index, 1, ...pieces);
    return index + pieces.length;
  });
  walk(tree, 'image', (node: Image) => {
    if (!isLocalImageSrc(node.url) || !isImageFile(node.url.split(/[?#]/)[0] ?? '')) return;
    const resolved = resolveImage({ kind: 'markdown', src: node.url }, fromPath, images);
    // Written as an import from the page's note folder (`diagram.png` would be a package's name to Vite).
    if (resolved.ok) node.url = relativeImageSrc(toPath, resolved.path);
  });
}

const notePathOf = (contentDir: string, file: VFile) => relative(contentDir, file.path).split(sep).join('/');

/** Before embeds (links/embeds.ts), which place the images of the notes they put in the same way: the note's own images. */
export function remarkGardenImages(options: RemarkImagesOptions) {
  const images = options.images ?? (() => gardenImages(options.contentDir));
  return (tree: Root, file: VFile) => {
    if (!file.path || !String(file.value).includes('![')) return;
    const notePath = notePathOf(options.contentDir, file);
    placeGardenImages(tree, notePath, notePath, images());
  };
}

/** After embeds: every garden image the page shows, for Astro's content layer to import (`localImagePaths`). */
export function remarkCollectGardenImages(options: RemarkImagesOptions) {
  const images = options.images ?? (() => gardenImages(options.contentDir));
  return (tree: Root, file: VFile) => {
    if (!file.path) return;
    const notePath = notePathOf(options.contentDir, file);
    const local = new Set<string>();
    walk(tree, 'image', (node: Image) => {
      if (isLocalImageSrc(node.url) && resolveImage({ kind: 'markdown', src: node.url }, notePath, images()).ok) local.add(decodedSrc(node.url));
    });
    const astro = ((file.data as { astro?: { localImagePaths?: string[] } }).astro ??= {});
    astro.localImagePaths = [...local];
  };
}
