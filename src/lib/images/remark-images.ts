/**
 * Images in a note, for Astro's image pipeline: Obsidian's `![[x.png]]` becomes
 * an image beside the note (`![](../assets/x.png)`), and the note's local
 * images that exist in the garden are listed in `file.data.astro.localImagePaths`,
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
  /** The garden's image files, relative to it (default: listed once from contentDir). */
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

export function remarkGardenImages(options: RemarkImagesOptions) {
  let listed: Set<string> | undefined;
  const images = options.images ?? (() => (listed ??= listGardenImages(options.contentDir)));
  return (tree: Root, file: VFile) => {
    if (!file.path || !String(file.value).includes('![')) return;
    const notePath = relative(options.contentDir, file.path).split(sep).join('/');
    const garden = images();
    walk(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined || !node.value.includes('![[')) return;
      const pieces: PhrasingContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(IMAGE_EMBED)) {
        const resolved = resolveImage({ kind: 'embed', src: match[1] ?? '' }, notePath, garden);
        if (!resolved.ok) continue;
        const start = match.index ?? 0;
        if (start > last) pieces.push({ type: 'text', value: node.value.slice(last, start) });
        pieces.push({ type: 'image', url: relativeImageSrc(notePath, resolved.path), alt: embedAlt(match[2]) });
        last = start + match[0].length;
      }
      if (pieces.length === 0) return;
      if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(index, 1, ...pieces);
      return index + pieces.length;
    });
    const local = new Set<string>();
    walk(tree, 'image', (node: Image) => {
      if (!isLocalImageSrc(node.url) || !isImageFile(node.url.split(/[?#]/)[0] ?? '')) return;
      const resolved = resolveImage({ kind: 'markdown', src: node.url }, notePath, garden);
      if (!resolved.ok) return;
      // Written as an import from the note's folder (`diagram.png` would be a package's name to Vite).
      node.url = relativeImageSrc(notePath, resolved.path);
      local.add(node.url);
    });
    const astro = ((file.data as { astro?: { localImagePaths?: string[] } }).astro ??= {});
    astro.localImagePaths = [...local];
  };
}
