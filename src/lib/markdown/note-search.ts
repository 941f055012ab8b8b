/**
 * A note's searchable text, worked out where the note is rendered (on a render
 * worker, in parallel) and kept in the note cache beside its HTML, so the
 * search index does not parse every body again on each build. The note
 * pipeline takes it from the tree it has already parsed (remarkSearchText).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { anchorSections, markdownToText, sectionsOfTree, splitSections, textOfTree, type SectionDrafts, type SplitText } from '../search/text';
import { searchBody, type SearchBody } from '../search/documents';
import { noteAtPath } from '../collections';

/** Bits and shorts are searched as one text, kept compacted and with its terms; chapters by section (their h2/h3). */
export type NoteSearchText = SearchBody | { split: SplitText };

export type NoteSearchKind = 'text' | 'split';

/** `gardenPath` is the note's path in the garden, e.g. `chapters/ml/01-tensors.md`; its collection says how search takes its body. */
export function searchKindOf(gardenPath: string): NoteSearchKind {
  return noteAtPath(gardenPath)?.collection.searchBody === 'sections' ? 'split' : 'text';
}

/** The searchable text of a note's Markdown, parsed on its own: what remarkSearchText gives without a second parse. */
export function noteSearchText(gardenPath: string, body: string, headings: readonly MarkdownHeading[]): NoteSearchText {
  return searchKindOf(gardenPath) === 'split' ? { split: splitSections(body, { rendered: headings }) } : searchBody(markdownToText(body));
}

/**
 * For a file whose `data.gardenSearchKind` is set: keeps what its search text
 * needs from the tree as parsed, before smartypants and links change it. Runs
 * as the pipeline's first transform; searchTextOf finishes the job once the
 * headings have their ids.
 */
export function remarkSearchText() {
  return (tree: Root, file: VFile) => {
    const kind = file.data.gardenSearchKind;
    if (kind === 'text') file.data.gardenSearch = searchBody(textOfTree(tree));
    else if (kind === 'split') file.data.gardenSearch = { drafts: sectionsOfTree(tree) };
  };
}

export function searchTextOf(file: VFile, headings: readonly MarkdownHeading[]): NoteSearchText | undefined {
  const kept = file.data.gardenSearch;
  if (!kept) return undefined;
  return 'text' in kept ? kept : { split: anchorSections(kept.drafts, headings) };
}

declare module 'vfile' {
  interface DataMap {
    gardenSearchKind: NoteSearchKind;
    gardenSearch: SearchBody | { drafts: SectionDrafts };
  }
}
