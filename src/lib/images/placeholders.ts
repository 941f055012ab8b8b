/**
 * Puts the optimised images in a note's HTML at page render: each
 * `<img data-garden-image="…">` the note pipeline left (rehype-images.ts) is
 * replaced by what `render` makes of it (note-images.ts, with Astro's
 * getImage). Pure: the renderer is passed in.
 */
import { decodeHTMLAttribute, escapeAttribute } from 'entities';
import type { ImagePlaceholder } from './rehype-images';

const PLACEHOLDER = /<img data-garden-image="([^"]*)">/g;

/** The placeholders of a note's HTML, in order. */
export function imagePlaceholders(html: string): ImagePlaceholder[] {
  return [...html.matchAll(PLACEHOLDER)].map((match) => JSON.parse(decodeHTMLAttribute(match[1] ?? '')) as ImagePlaceholder);
}

/** `render` gets each placeholder and its index among the note's images (0 for the first). */
export async function replaceImagePlaceholders(html: string, render: (image: ImagePlaceholder, index: number) => Promise<string>): Promise<string> {
  const images = imagePlaceholders(html);
  if (images.length === 0) return html;
  const rendered = await Promise.all(images.map((image, index) => render(image, index)));
  let index = 0;
  return html.replace(PLACEHOLDER, () => rendered[index++]!);
}

/** An element's attributes as HTML, skipping absent ones; `""` values are written out (alt=""). */
export function htmlAttributes(attributes: Record<string, string | number | boolean | undefined | null>): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== null && value !== false)
    .map(([name, value]) => (value === true ? name : `${name}="${escapeAttribute(String(value))}"`))
    .join(' ');
}
