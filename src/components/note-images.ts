/**
 * A note's images as Astro's image pipeline makes them, at page render: the
 * files the note shows are imported by Astro's content layer (the note
 * renderer lists them, garden-processor.ts), so each placeholder the note
 * pipeline left (src/lib/images/) is handed to getImage(): WebP in a few
 * widths (srcset and sizes), with width and height so nothing shifts as it
 * loads, lazily, in a link to the original file. An SVG is shown as it is.
 * Astro writes the files at the end of the build and keeps what it encoded in
 * its cache folder (`assets/`), so a later build does not encode them again.
 */
import { getImage } from 'astro:assets';
import imports from 'astro:asset-imports';
import { htmlAttributes, replaceImagePlaceholders } from '../lib/images/placeholders';
import type { ImagePlaceholder } from '../lib/images/rehype-images';

type ImageMetadata = import('astro').ImageMetadata;

const PROSE_WIDTH = 720;

let byNote: Map<string, ImageMetadata> | undefined;

/**
 * The imported image a note shows, by the note's path and the image's src as
 * written. Astro keys its imports `<src>?astroContentImageFlag=&importer=<note>`;
 * the image's own file path is not kept in the build's copy of the metadata.
 */
function importedImage(noteFile: string, src: string): ImageMetadata | undefined {
  byNote ??= new Map(
    [...imports].map(([id, image]) => {
      const query = id.indexOf('?');
      return [`${new URLSearchParams(id.slice(query + 1)).get('importer')}\0${id.slice(0, query)}`, image];
    }),
  );
  return byNote.get(`${noteFile}\0${src}`);
}

async function renderImage(image: ImagePlaceholder, noteFile: string): Promise<string> {
  const metadata = importedImage(noteFile, image.src);
  if (!metadata) throw new Error(`${noteFile}: the image ${image.src} was not imported by Astro's content layer`);
  const shown =
    metadata.format === 'svg'
      ? `<img ${htmlAttributes({ src: metadata.src, alt: image.alt, title: image.title, width: metadata.width, height: metadata.height, loading: 'lazy', decoding: 'async' })}>`
      : await optimised(metadata, image);
  if (image.linked) return shown;
  // A link's name is its image's alt text; an image without one (the check warns) still needs a name for its link.
  const label = image.alt.trim() === '' ? 'Open the image at full size' : undefined;
  return `<a ${htmlAttributes({ class: 'note-image', href: metadata.src, 'aria-label': label })}>${shown}</a>`;
}

async function optimised(metadata: ImageMetadata, image: ImagePlaceholder): Promise<string> {
  // The note column is at most about 720 px wide (`.prose`, 72ch): a wider image is never shown wider than that.
  const sizes = metadata.width > PROSE_WIDTH ? `(min-width: 48rem) ${PROSE_WIDTH}px, 100vw` : undefined;
  const result = await getImage({ src: metadata, alt: image.alt, ...(image.title ? { title: image.title } : {}), ...(sizes ? { sizes } : {}), format: 'webp', layout: 'constrained' });
  const { index: _index, ...attributes } = result.attributes as Record<string, string | number | undefined>;
  return `<img ${htmlAttributes({ ...attributes, src: result.src, ...(result.srcSet.values.length > 0 ? { srcset: result.srcSet.attribute } : {}) })}>`;
}

/** The note's HTML with its images in place; `noteFile` is the note's path as Astro's content layer records it (`entry.filePath`). */
export function withNoteImages(html: string, noteFile: string): Promise<string> {
  return replaceImagePlaceholders(html, (image) => renderImage(image, noteFile));
}
