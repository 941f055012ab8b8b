/**
 * Marks each `<img>` of a garden image (`file.data.astro.localImagePaths`, see
 * remark-images.ts) for the page, which turns it into Astro's optimised image
 * (placeholders.ts, NoteBody.astro): the element keeps only
 * `data-garden-image`, the JSON of what was written (src, alt, title) and
 * whether a link already wraps it. Astro's own rehypeImages does the same with
 * its `__ASTRO_IMAGE_` attribute, but is not exported by its package.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { walk } from '../markdown/walk';
import { decodedSrc } from './remark-images';

/** What the note wrote about one image, as the page reads it back. */
export interface ImagePlaceholder {
  src: string;
  alt: string;
  title?: string | undefined;
  /** The image is already inside a link, so it gets no link of its own to the original. */
  linked?: boolean | undefined;
}

export function rehypeGardenImages() {
  return (tree: Root, file: VFile) => {
    const local = (file.data as { astro?: { localImagePaths?: string[] } }).astro?.localImagePaths;
    if (!local?.length) return;
    walk(tree, 'element', (node: Element, _index, _parent, ancestors) => {
      if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
      const src = decodedSrc(node.properties.src);
      if (!local.includes(src)) return;
      const linked = ancestors.some((ancestor) => ancestor.type === 'element' && ancestor.tagName === 'a');
      const placeholder: ImagePlaceholder = {
        src,
        alt: String(node.properties.alt ?? ''),
        ...(typeof node.properties.title === 'string' ? { title: node.properties.title } : {}),
        ...(linked ? { linked } : {}),
      };
      node.properties = { dataGardenImage: JSON.stringify(placeholder) };
    });
  };
}
