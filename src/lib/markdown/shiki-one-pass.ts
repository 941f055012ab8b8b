/**
 * Shiki's `codeToHast` with two themes (light and dark), tokenizing each code
 * block once instead of once per theme: the grammar's run (all the regex
 * scanning) is the same for both, only the colours differ, and it was a third
 * of a render worker's time.
 *
 * Shiki has no API for it. Its own `codeToHast` is called with a stand-in for
 * Shiki's internal context (its "primitive", which a highlighter spreads into
 * itself) whose `setTheme` and `getLanguage` hand out, per theme, a grammar
 * whose `tokenizeLine2` returns that theme's metadata from one shared run: the
 * first theme's pass tokenizes each line under a ThemePairProvider
 * (theme-pair.ts), standing in for the registry's theme provider, and records
 * the tokens; every pass recolours them for its theme. Everything else
 * (alignment of the themes' tokens, colour replacements, whitespace merging,
 * transformers, the HAST) is Shiki's own code, and the tokens' boundaries equal
 * the union Shiki aligns its per-theme passes to, so the HAST is the same
 * (tests/unit/shiki-one-pass.test.ts).
 *
 * The reach-in, checked against Shiki 4.6.0 with @shikijs/vscode-textmate
 * 10.1.0: vscode-textmate's `Grammar` asks `this.themeProvider` (its registry,
 * one for all of a highlighter's grammars) for every scope's style, and
 * Shiki's primitive `codeToTokensBase` takes the colour map from
 * `primitive.setTheme` and tokenizes with `primitive.getLanguage(lang).tokenizeLine2`.
 * One theme, plain text, ANSI, grammar states, explanations, a table of style
 * pairs too big for the metadata's 9-bit foreground field, or any error, go
 * to Shiki's own `codeToHast` unchanged.
 */
import { codeToHast, codeToTokens, isSpecialLang, type CodeToHastOptions, type Grammar, type HighlighterGeneric, type ShikiPrimitive, type ThemeRegistrationResolved } from 'shiki/core';
import type { Root } from 'hast';
import { ThemePairOverflow, ThemePairProvider } from './theme-pair';

type ThemeProvider = Pick<ThemePairProvider, 'themeMatch' | 'getDefaults'>;
type TokenizeLine2 = Grammar['tokenizeLine2'];
type LineResult = ReturnType<TokenizeLine2>;

/** Where a pair provider stands in for a registry's own theme provider while one line is tokenized. */
interface ProviderSlot {
  active: ThemeProvider | undefined;
}
const slots = new WeakMap<object, ProviderSlot>();

function providerSlot(grammar: Grammar): ProviderSlot {
  const registry = (grammar as unknown as { themeProvider: ThemeProvider }).themeProvider;
  const known = slots.get(registry);
  if (known) return known;
  const slot: ProviderSlot = { active: undefined };
  const own: ThemeProvider = { themeMatch: registry.themeMatch.bind(registry), getDefaults: registry.getDefaults.bind(registry) };
  registry.themeMatch = (path) => (slot.active ?? own).themeMatch(path);
  registry.getDefaults = () => (slot.active ?? own).getDefaults();
  slots.set(registry, slot);
  return slot;
}

interface ThemePair {
  names: [string, string];
  raw: [ThemeRegistrationResolved, ThemeRegistrationResolved];
  provider: ThemePairProvider;
}

export type HighlightToHast = (code: string, options: CodeToHastOptions) => Root;

export function createOnePassHighlight(highlighter: ShikiPrimitive & Pick<HighlighterGeneric<string, string>, 'codeToHast'>): HighlightToHast {
  const primitive: ShikiPrimitive = highlighter;
  const pairs = new Map<string, ThemePair>();

  const pairFor = (themes: [unknown, unknown]): ThemePair => {
    const raw = themes.map((theme) => primitive.getTheme(theme as string)) as ThemePair['raw'];
    const names = raw.map((theme) => theme.name) as ThemePair['names'];
    const key = names.join('\0');
    let pair = pairs.get(key);
    if (!pair) {
      pair = { names, raw, provider: new ThemePairProvider(raw) };
      pairs.set(key, pair);
    }
    return pair;
  };

  return (code, options) => {
    const themes = onePassThemes(primitive, options);
    if (!themes) return highlighter.codeToHast(code, options);
    const pair = pairFor(themes);
    try {
      return codeToHast(onePassContext(primitive, pair), code, options, {
        meta: {},
        options,
        // What Shiki's own context offers a transformer, on the real highlighter.
        codeToHast: (nested, nestedOptions) => codeToHast(primitive, nested, nestedOptions),
        codeToTokens: (nested, nestedOptions) => codeToTokens(primitive, nested, nestedOptions),
      });
    } catch (error) {
      // A full table: start a new one for the next blocks.
      if (error instanceof ThemePairOverflow) pair.provider = new ThemePairProvider(pair.raw);
      return highlighter.codeToHast(code, options);
    }
  };
}

/** The two themes, when one pass can highlight the block; otherwise Shiki's own codeToHast does. */
function onePassThemes(primitive: ShikiPrimitive, options: CodeToHastOptions): [unknown, unknown] | undefined {
  if (!('themes' in options) || !options.themes) return undefined;
  if (options.grammarState || options.grammarContextCode != null || ('includeExplanation' in options && options.includeExplanation)) return undefined;
  if (typeof options.lang !== 'string' || isSpecialLang(primitive.resolveLangAlias(options.lang))) return undefined;
  const themes = Object.values(options.themes).filter(Boolean);
  if (themes.length !== 2 || themes.includes('none')) return undefined;
  return themes as [unknown, unknown];
}

/**
 * The internal context Shiki's codeToHast is run with: `setTheme` answers with
 * the theme's colour map without touching the registry, and each theme's pass
 * gets a grammar whose lines come from the first pass's run under the pair provider.
 */
function onePassContext(primitive: ShikiPrimitive, pair: ThemePair): ShikiPrimitive {
  const { provider } = pair;
  const recorded: { text: string; result: LineResult }[] = [];
  let themeIndex: 0 | 1 = 0;
  let passes = 0;
  return {
    ...primitive,
    setTheme(name) {
      const theme = primitive.getTheme(name);
      const index = pair.names.indexOf(theme.name);
      if (index === -1) throw new Error(`Theme ${theme.name} is not one of the pair`);
      themeIndex = index as 0 | 1;
      return { theme, colorMap: provider.colorMaps[themeIndex] };
    },
    getLanguage(name) {
      const grammar = primitive.getLanguage(name);
      const slot = providerSlot(grammar);
      const index = themeIndex;
      const recording = passes++ === 0;
      let next = 0;
      const tokenize = (text: string, state: Parameters<TokenizeLine2>[1], timeLimit?: number) => {
        slot.active = provider;
        try {
          return grammar.tokenizeLine2(text, state, timeLimit);
        } finally {
          slot.active = undefined;
        }
      };
      const tokenizeLine2: TokenizeLine2 = (text, state, timeLimit) => {
        if (recording) recorded.push({ text, result: tokenize(text, state, timeLimit) });
        const line = recorded[next++];
        if (line?.text !== text) throw new Error('A theme pass tokenized other lines than the first');
        return { ...line.result, tokens: provider.recolor(line.result.tokens, index) };
      };
      return Object.assign(Object.create(grammar) as Grammar, { tokenizeLine2 });
    },
  };
}
