/**
 * Astro's rehypeShiki for the note pipeline, with a choice of regex engine.
 * Shiki's JavaScript engine gives the same tokens as Oniguruma's WebAssembly
 * (Shiki's own grammars are written for both) at about two thirds of the cost
 * once it has translated a grammar's patterns, which takes a few hundred
 * milliseconds: the render workers, which highlight hundreds of notes, use it;
 * the main thread, which renders the few notes an edit changed, keeps
 * Oniguruma. Astro hard-wires Oniguruma (@astrojs/internal-helpers/shiki), so
 * this file repeats the little that Astro adds around Shiki: which blocks to
 * highlight, the `astro-code` class, `data-language`, the overflow style and
 * the diff markers. A language or a pattern the engine cannot handle goes to
 * Astro's own highlighter, which also warns about unknown languages as Astro does.
 *
 * A render can also be handed blocks already highlighted (`file.data.gardenCode`),
 * by a hash of their language, meta string and code: an edited note's unchanged
 * blocks are then taken from its previous rendering, and a note whose code did
 * not change needs no highlighter at all.
 */
import { createHighlighter, isSpecialLang, type BundledLanguage, type CodeToHastOptions, type HighlighterGeneric, type ShikiTransformer } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { createOnigurumaEngine } from 'shiki/engine/oniguruma';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { createShikiHighlighter } from '@astrojs/markdown-remark/shiki';
import type { ShikiConfig } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { toText } from 'hast-util-to-text';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { walk } from './walk';
import { createOnePassHighlight } from './shiki-one-pass';

type Highlight = (code: string, lang: string, meta: string | undefined) => Promise<Element>;

export type RegexEngine = 'javascript' | 'oniguruma';

const LANGUAGE_CLASS = /\blanguage-(\S+)\b/;
// Astro's default: a ```math block is left to remark-math.
const ALWAYS_EXCLUDED = ['math'];

/** Highlighted blocks a render may reuse, as HTML by codeBlockKey; the render lists the keys of its own blocks, in order. */
export interface CodeReuse {
  known?: ReadonlyMap<string, string> | undefined;
  keys: string[];
}

declare module 'vfile' {
  interface DataMap {
    gardenCode: CodeReuse;
  }
}

/** What a highlighted block depends on within one pipeline: its language, meta string and code. */
export function codeBlockKey(code: string, language: string, meta: string | undefined): string {
  return createHash('sha1').update(`${language}\0${meta ?? ''}\0${code}`).digest('base64url').slice(0, 22);
}

export function rehypeNoteShiki(config: ShikiConfig, excludeLangs: readonly string[] = [], engine: RegexEngine = 'javascript') {
  let ready: Promise<Highlight> | undefined;
  return async (tree: Root, file: VFile) => {
    const blocks = codeBlocks(tree, [...ALWAYS_EXCLUDED, ...excludeLangs]);
    const reuse = file.data.gardenCode;
    for (const { code, language, pre, parent } of blocks) {
      const meta = (code.data as { meta?: string } | undefined)?.meta ?? (code.properties.metastring as string | undefined) ?? undefined;
      const text = toText(code, { whitespace: 'pre' });
      const key = codeBlockKey(text, language, meta);
      reuse?.keys.push(key);
      const known = reuse?.known?.get(key);
      // Shiki's HTML as the previous rendering wrote it (the stringifier copies a raw node as it is), if it holds this code.
      if (known !== undefined && holdsCode(known, text)) {
        parent.children[parent.children.indexOf(pre)] = { type: 'raw', value: known };
        continue;
      }
      ready ??= createHighlight(config, engine);
      parent.children[parent.children.indexOf(pre)] = await (await ready)(text, language, meta);
    }
  };
}

/** Whether a highlighted block's HTML reads as this code: a guard against a stored block that is not the one its key names. */
function holdsCode(html: string, code: string): boolean {
  return toText(fromHtmlIsomorphic(html, { fragment: true }), { whitespace: 'pre' }) === code.replace(/(?:\r\n|\r|\n)$/, '');
}

/** `<pre><code class="language-x">` blocks, as Astro's highlightCodeBlocks finds them. */
function codeBlocks(tree: Root, excluded: readonly string[]) {
  const found: { code: Element; language: string; pre: Element; parent: Root | Element }[] = [];
  walk(tree, 'element', (node, _index, _parent, ancestors) => {
    if (node.tagName !== 'code') return;
    const pre = ancestors.at(-1);
    if (pre?.type !== 'element' || pre.tagName !== 'pre' || pre.children.length !== 1) return;
    const classes = node.properties.className;
    const list = typeof classes === 'string' ? [classes] : Array.isArray(classes) ? classes.filter((c): c is string => typeof c === 'string') : [];
    const language = list.map((c) => LANGUAGE_CLASS.exec(c)?.[1]).find(Boolean) || 'plaintext';
    if (excluded.includes(language)) return;
    found.push({ code: node, language, pre, parent: ancestors.at(-2) as Root | Element });
  });
  return found;
}

function configThemes(config: ShikiConfig) {
  return config.themes && Object.keys(config.themes).length > 0 ? config.themes : undefined;
}

async function createHighlight(config: ShikiConfig, engine: RegexEngine): Promise<Highlight> {
  const themes = configThemes(config);
  const theme = config.theme ?? 'github-dark';
  const langAlias = config.langAlias ?? {};
  const highlighter = await createHighlighter({
    langs: ['plaintext', ...(config.langs ?? [])],
    langAlias: { ...langAlias },
    themes: themes ? Object.values(themes) : [theme],
    engine: engine === 'javascript' ? createJavaScriptRegexEngine() : await createOnigurumaEngine(onigurumaWasm()),
  });
  // Both themes from one tokenization of each block (shiki-one-pass.ts), else Shiki's own codeToHast.
  const highlight = createOnePassHighlight(highlighter);
  let astro: ReturnType<typeof createShikiHighlighter> | undefined;
  const astroHighlight = async (code: string, lang: string, meta: string | undefined) => {
    astro ??= createShikiHighlighter({ langs: config.langs, theme: config.theme, themes: config.themes, langAlias: config.langAlias });
    const root = await (await astro).codeToHast(code, lang, { meta, wrap: config.wrap, defaultColor: config.defaultColor, transformers: config.transformers });
    return root.children[0] as Element;
  };

  return async (code, lang, meta) => {
    const resolved = langAlias[lang] ?? lang;
    if (!isSpecialLang(lang) && !highlighter.getLoadedLanguages().includes(resolved)) {
      const loaded = await loadLanguage(highlighter, resolved);
      if (!loaded) return astroHighlight(code, lang, meta);
    }
    try {
      const root = highlight(code.replace(/(?:\r\n|\r|\n)$/, ''), highlightOptions(config, lang, meta));
      return root.children[0] as Element;
    } catch {
      // A pattern the JavaScript engine cannot translate: Astro's Oniguruma can.
      return astroHighlight(code, lang, meta);
    }
  };
}

/** What Shiki is asked for a block, as Astro's highlighter asks it, with the project's transformers. */
export function highlightOptions(config: ShikiConfig, lang: string, meta: string | undefined): CodeToHastOptions {
  const themes = configThemes(config);
  const resolved = config.langAlias?.[lang] ?? lang;
  return {
    ...(themes ? { themes } : { theme: config.theme ?? 'github-dark' }),
    defaultColor: config.defaultColor,
    lang,
    meta: meta ? { __raw: meta } : undefined,
    // Shiki stops tokenizing a line after 500 ms and leaves the rest plain; a loaded machine translating
    // a grammar's patterns for the first time can take that long, and a page must not depend on the load.
    tokenizeTimeLimit: 0,
    transformers: [astroMarkup(lang, resolved, config.wrap), ...(config.transformers ?? [])],
  };
}

/**
 * Oniguruma's WebAssembly (≈ 60 ms to load), only once a thread wants that
 * engine; with require(), because import() would go through Vite's module
 * runner, which has closed by then in the build's main thread.
 */
function onigurumaWasm() {
  return (createRequire(import.meta.url)('shiki/wasm') as typeof import('shiki/wasm')).default;
}

/** Whether Shiki knows the language; it throws, at once or later, for one it does not. */
async function loadLanguage(highlighter: Pick<HighlighterGeneric<BundledLanguage, string>, 'loadLanguage'>, lang: string): Promise<boolean> {
  try {
    await highlighter.loadLanguage(lang as BundledLanguage);
    return true;
  } catch {
    return false;
  }
}

/** What Astro's highlighter adds to Shiki's output (@astrojs/internal-helpers/shiki). */
function astroMarkup(lang: string, resolved: string, wrap: ShikiConfig['wrap']): ShikiTransformer {
  return {
    pre(node) {
      const className = node.properties.class;
      node.properties.class = (Array.isArray(className) ? className.join(' ') : String(className ?? '')).replace(/shiki/g, 'astro-code');
      node.properties.dataLanguage = lang;
      const style = String(node.properties.style ?? '');
      if (wrap === false || wrap === undefined) node.properties.style = `${style}; overflow-x: auto;`;
      else if (wrap === true) node.properties.style = `${style}; overflow-x: auto; white-space: pre-wrap; word-wrap: break-word;`;
    },
    line(node) {
      if (resolved !== 'diff') return;
      const span = node.children[0];
      const text = span?.type === 'element' ? span.children[0] : undefined;
      if (span?.type !== 'element' || text?.type !== 'text') return;
      const sign = text.value[0];
      if (sign !== '+' && sign !== '-') return;
      text.value = text.value.slice(1);
      span.children.unshift({ type: 'element', tagName: 'span', properties: { style: 'user-select: none;' }, children: [{ type: 'text', value: sign }] } satisfies ElementContent);
    },
  };
}
