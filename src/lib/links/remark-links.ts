import type { PhrasingContent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { relative, sep } from 'node:path';
import { walk } from '../markdown/walk';
import { resolveFileLink, resolveWikiLink, type Resolution } from './resolve';
import { WIKI_LINK } from './find';
import type { LinkTarget } from './targets';

export interface RemarkLinksOptions {
  /** The current link targets; called once per rendered file, so `astro dev` sees new notes. */
  targets: () => ReadonlyMap<string, LinkTarget>;
  /** The garden folder, to place relative links. */
  contentDir: string;
}

/**
 * Turns `[[wikilinks]]` and relative links to content files into links to the
 * target pages, labelled with the target's title by default and carrying a
 * small preview (title and first lines) for the hover script. A link that
 * cannot be resolved is rendered as marked text: the garden checker has
 * already stopped a production build for it, and `astro dev` keeps going.
 */
export function remarkGardenLinks(options: RemarkLinksOptions) {
  return (tree: Root, file: VFile) => {
    const targets = options.targets();
    const fromPath = file.path ? relative(options.contentDir, file.path).split(sep).join('/') : '';
    const resolveOptions = { allowDrafts: true };

    walk(tree, 'link', (node) => {
      const resolution = resolveFileLink(node.url, fromPath, targets, resolveOptions);
      if (!resolution) return;
      if (resolution.ok) {
        node.url = resolution.url;
        node.data = { ...node.data, hProperties: previewProperties(resolution.target) };
      } else {
        file.message(`Broken link "${node.url}": ${resolution.reason}`, node);
      }
    });

    walk(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined || !node.value.includes('[[')) return;
      const pieces: PhrasingContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(WIKI_LINK)) {
        const start = match.index ?? 0;
        if (start > last) pieces.push({ type: 'text', value: node.value.slice(last, start) });
        pieces.push(wikiLinkNode(match[1] ?? '', match[2], resolveWikiLink(match[1] ?? '', targets, resolveOptions), file));
        last = start + match[0].length;
      }
      if (pieces.length === 0) return;
      if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(index, 1, ...pieces);
      // Go on after the pieces (a text node has no children to skip).
      return index + pieces.length;
    });
  };
}

function wikiLinkNode(raw: string, label: string | undefined, resolution: Resolution, file: VFile): PhrasingContent {
  if (resolution.ok) {
    const text = label?.trim() || resolution.target.title;
    return { type: 'link', url: resolution.url, children: [{ type: 'text', value: text }], data: { hProperties: previewProperties(resolution.target) } };
  }
  file.message(`Broken wikilink [[${raw}]]: ${resolution.reason}`);
  return {
    type: 'emphasis',
    children: [{ type: 'text', value: label?.trim() || raw }],
    data: { hName: 'span', hProperties: { className: ['broken-link'], title: `Broken link: ${resolution.reason}` } },
  };
}

function previewProperties(target: LinkTarget) {
  return { className: ['internal-link'], dataPreviewTitle: target.title, dataPreviewText: target.excerpt };
}
