/**
 * The Markdown pipeline for the garden's .md notes: the same steps, in the
 * same order, as Astro's unified processor (remark-parse, GFM, smartypants,
 * the project's remark plugins, remark-rehype, Shiki, the project's rehype
 * plugins, heading ids, stringify), with changes that only make it faster:
 * Sätteri's native parser gives the tree remark-parse would (parse.ts);
 * formulas are typeset by rehypeKatexRaw (KaTeX's HTML kept as a string);
 * rehype-raw — which re-parses the whole tree through an HTML parser — runs
 * only for a note whose Markdown holds raw HTML; smartypants skips text it
 * cannot change (remark-smartypants-fast.ts); Shiki runs last, with the regex
 * engine that suits the number of notes (rehype-note-shiki.ts). .mdx files keep Astro's pipeline
 * (src/lib/markdown/plugins.ts).
 */
import { unified, type Plugin } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import rehypeKatex from 'rehype-katex';
import type { MarkdownHeading, RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { rehypeHeadingIds } from './rehype-heading-ids';
import type { Root as MdastRoot } from 'mdast';
import type { Root as HastRoot } from 'hast';
import type { VFile } from 'vfile';
import { VFile as File } from 'vfile';
import { rehypeKatexRaw } from './rehype-katex-raw';
import { rehypeSafeUrls } from './rehype-safe-urls';
import { rehypeNoteShiki, type CodeReuse, type RegexEngine } from './rehype-note-shiki';
import { remarkSmartypantsFast } from './remark-smartypants-fast';
import { rehypePluginsFor, remarkPluginsFor, shikiConfig } from './plugins';
import type { DiagramRenderer } from './rehype-mermaid';
import type { RemarkLinksOptions } from '../links/remark-links';
import { remarkSearchText, searchTextOf, type NoteSearchKind, type NoteSearchText } from './note-search';
import { remarkNativeParse } from './parse';
import { rehypeGardenImages } from '../images/rehype-images';
import { remarkCollectGardenImages } from '../images/remark-images';

export interface RenderedNote {
  html: string;
  headings: MarkdownHeading[];
  /** Whether the note has typeset math (its page then needs KaTeX's stylesheet). */
  hasMath: boolean;
  /** The note's searchable text, when asked for (`search`). */
  search?: NoteSearchText | undefined;
  /** The keys of its highlighted code blocks, in order (codeBlockKey). */
  codeKeys: string[];
  /** The source of each Mermaid diagram it holds (rehype-mermaid.ts), in order. */
  diagrams: string[];
  /** Its images in the garden, as written relative to the note (remark-images.ts): Astro's content layer imports them. */
  images: string[];
}

/** Marks a note whose Markdown holds raw HTML: only such a note needs rehype-raw. */
function remarkNoteHtml() {
  return (tree: MdastRoot, file: VFile) => {
    const stack: { type: string; children?: unknown[] }[] = [tree];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'html') {
        file.data.gardenHasHtml = true;
        return;
      }
      if (node.children) stack.push(...(node.children as typeof stack));
    }
  };
}

/** rehype-raw, then rehypeSafeUrls again over the elements the HTML became (the first pass saw it as text). */
function rehypeRawWhenNeeded() {
  const raw = (rehypeRaw as unknown as () => (tree: HastRoot, file: VFile) => HastRoot)();
  const safe = rehypeSafeUrls();
  return (tree: HastRoot, file: VFile) => {
    if (!file.data.gardenHasHtml) return undefined;
    const parsed = raw(tree, file);
    safe(parsed);
    return parsed;
  };
}

/** The project's rehype plugins with rehype-katex swapped for rehypeKatexRaw (same options). */
export function noteRehypePlugins(plugins: RehypePlugins = rehypePluginsFor()): RehypePlugins {
  return plugins.map((entry) => {
    const [plugin, options] = Array.isArray(entry) ? entry : [entry, undefined];
    return plugin === rehypeKatex ? ([rehypeKatexRaw, options] as RehypePlugins[number]) : entry;
  });
}

/**
 * `engine`: Shiki's regex engine (rehype-note-shiki.ts); JavaScript pays off from a few dozen notes on.
 * `diagrams`: what draws ```mermaid fences; without it they are shown as their source.
 */
export function createNotePipeline(links: RemarkLinksOptions | undefined, engine: RegexEngine = 'javascript', diagrams?: DiagramRenderer) {
  // remarkSearchText first: it reads the tree as parsed (remark-math, in remarkPluginsFor, only adds syntax, which remarkNativeParse reads).
  const processor = unified().use(remarkNativeParse).use(remarkSearchText).use(remarkSmartypantsFast);
  const use = (list: RemarkPlugins | RehypePlugins) => {
    for (const entry of list) {
      const [plugin, options] = Array.isArray(entry) ? entry : [entry, undefined];
      processor.use(plugin as Plugin, ...(options === undefined ? [] : [options]));
    }
  };
  use(remarkPluginsFor(links));
  // After embeds: the images of embedded notes too.
  if (links) processor.use(remarkCollectGardenImages, links);
  processor.use(remarkNoteHtml).use(remarkRehype, { allowDangerousHtml: true, passThrough: [] }).use(rehypeGardenImages);
  use(noteRehypePlugins(rehypePluginsFor(diagrams)));
  processor.use(rehypeHeadingIds);
  // Shiki last: it turns each code block into hundreds of spans that no other plugin needs to walk.
  // No plugin here reads or writes inside a code block, so the output is the same as Astro's order.
  processor.use(rehypeNoteShiki, shikiConfig, ['math'], engine);
  processor.use(rehypeRawWhenNeeded).use(rehypeStringify, { allowDangerousHtml: true });

  /** `code`: highlighted blocks to reuse, by key (an edited note's previous rendering, NoteCache.reusableCode). */
  return async function renderNote(
    body: string,
    filePath: string | undefined,
    options: {
      frontmatter?: Record<string, unknown>;
      search?: NoteSearchKind;
      code?: ReadonlyMap<string, string> | undefined;
      /** Lines of the file above `body` (its frontmatter): errors then name the file's own lines. */
      lineOffset?: number | undefined;
    } = {},
  ): Promise<RenderedNote> {
    const gardenCode: CodeReuse = { known: options.code, keys: [] };
    const data = {
      astro: { frontmatter: options.frontmatter ?? {} },
      gardenCode,
      ...(options.search ? { gardenSearchKind: options.search } : {}),
      ...(options.lineOffset ? { gardenLineOffset: options.lineOffset } : {}),
    };
    const file = new File({ value: body, path: filePath, data });
    const result = await processor.process(file);
    const headings = (result.data.astro?.headings ?? []) as MarkdownHeading[];
    const images = (result.data.astro as { localImagePaths?: string[] } | undefined)?.localImagePaths ?? [];
    return { html: String(result.value), headings, hasMath: result.data.gardenHasMath === true, search: searchTextOf(result, headings), codeKeys: gardenCode.keys, diagrams: result.data.gardenDiagrams ?? [], images };
  };
}
