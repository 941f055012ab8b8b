/**
 * A note's searchable text, worked out where the note is rendered (on a render
 * worker, in parallel) and kept in the note cache beside its HTML, so the
 * search index does not parse every body again on each build.
 */
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { markdownToText, splitSections, type SplitText } from '../search/text';

/** Bits and shorts are searched as one text; chapters by section (their h2/h3). */
export type NoteSearchText = { text: string } | { split: SplitText };

/** `gardenPath` is the note's path in the garden, e.g. `chapters/ml/01-tensors.md`. */
export function noteSearchText(gardenPath: string, body: string, headings: readonly MarkdownHeading[]): NoteSearchText {
  return gardenPath.startsWith('chapters/') ? { split: splitSections(body, { rendered: headings }) } : { text: markdownToText(body) };
}
