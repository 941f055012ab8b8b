/**
 * A TextMate theme provider that styles a token for two themes at once, so a
 * grammar tokenizes a code block once instead of once per theme (see
 * shiki-one-pass.ts, which installs it).
 *
 * vscode-textmate asks its theme provider for the style of every scope path it
 * pushes (`themeMatch`), and merges the answer into the parent's encoded
 * metadata, where a field left "not set" (font style -1, colour 0) keeps the
 * parent's value. This provider answers with the pair of *effective* styles
 * (after that inheritance, worked out here the same way) interned as one ID in
 * the foreground field, which is therefore always set: a token's metadata then
 * changes exactly where either theme's would, so the token boundaries are the
 * union of both themes' boundaries, which is what Shiki aligns two passes to.
 * `themeStyles(id)` turns a pair ID back into each theme's own metadata bits.
 */
import { Theme, type IRawTheme } from 'shiki/textmate';

type ScopePath = NonNullable<Parameters<Theme['match']>[0]>;
type StyleAttributes = ReturnType<Theme['getDefaults']>;

/** One theme's effective style of a scope path: what its metadata would hold. */
interface Style {
  fontStyle: number;
  foreground: number;
  background: number;
}

// vscode-textmate's encoded metadata (EncodedTokenMetadata): font style 4 bits at 11, foreground 9 bits at 15, background 8 at 24.
const FONT_STYLE_OFFSET = 11;
const FOREGROUND_OFFSET = 15;
const BACKGROUND_OFFSET = 24;
const MAX_FOREGROUND = 511;
const MAX_BACKGROUND = 255;
/** Language ID, token type and the balanced-brackets bit: what a theme does not decide. */
const NON_STYLE_BITS = (1 << FONT_STYLE_OFFSET) - 1;

/** A pair ID cannot be encoded: the caller highlights the block the ordinary way and starts a new table. */
export class ThemePairOverflow extends Error {}

export class ThemePairProvider {
  /** Each theme as vscode-textmate builds it from the same rules (registry.setTheme does the same), so with the same colour IDs. */
  private readonly themes: readonly [Theme, Theme];
  readonly colorMaps: readonly [string[], string[]];
  /** Pair ID → each theme's metadata style bits; ID 0 means "not set" to vscode-textmate, so it is never handed out. */
  private readonly bits: [number[], number[]] = [[0], [0]];
  private readonly attributes: StyleAttributes[] = [];
  private readonly ids = new Map<string, number>();
  private readonly styles: [Style, Style][] = [];
  private readonly defaultsId: number;
  /** Scope names whose style neither theme makes depend on the parent scopes (no rule like `string variable` reaches them). */
  private readonly parentFree = new Map<string, boolean>();
  private readonly parentScoped: string[];
  /** For those: parent pair ID → scope name → pair ID. */
  private readonly children: Map<string, number>[] = [];
  /**
   * Each scope path's pair ID, kept on the path object itself: vscode-textmate makes a new path for every scope it
   * pushes and always matches a parent before its children, and a WeakMap of millions of short-lived keys cost more
   * than the tokenizing it saves. A symbol of this provider's own, so a table started afresh never reads an old ID.
   */
  private readonly pathId = Symbol('theme pair ID');

  constructor(rawThemes: readonly [IRawTheme, IRawTheme]) {
    this.themes = [Theme.createFromRawTheme(rawThemes[0]), Theme.createFromRawTheme(rawThemes[1])];
    this.colorMaps = [this.themes[0].getColorMap(), this.themes[1].getColorMap()];
    this.parentScoped = rawThemes.flatMap(parentScopedNames);
    const [a, b] = this.themes.map((theme) => theme.getDefaults()) as [StyleAttributes, StyleAttributes];
    this.defaultsId = this.intern(toStyle(a), toStyle(b));
  }

  getDefaults(): StyleAttributes {
    return this.attributes[this.defaultsId]!;
  }

  themeMatch(scopePath: ScopePath): StyleAttributes {
    return this.attributes[this.idOf(scopePath)]!;
  }

  /** Binary tokens (offset, metadata, …) tokenized under this provider, with one theme's own metadata, as its own pass would give. */
  recolor(tokens: Uint32Array, themeIndex: 0 | 1): Uint32Array {
    const bits = this.bits[themeIndex];
    const recoloured = new Uint32Array(tokens.length);
    for (let i = 0; i < tokens.length; i += 2) {
      const metadata = tokens[i + 1]!;
      recoloured[i] = tokens[i]!;
      recoloured[i + 1] = ((metadata & NON_STYLE_BITS) | bits[(metadata >>> FOREGROUND_OFFSET) & MAX_FOREGROUND]!) >>> 0;
    }
    return recoloured;
  }

  private idOf(path: ScopePath): number {
    const tagged = path as ScopePath & Record<symbol, number | undefined>;
    const known = tagged[this.pathId];
    if (known !== undefined) return known;
    const parentId = path.parent ? this.idOf(path.parent) : this.defaultsId;
    let id: number | undefined;
    if (this.isParentFree(path.scopeName)) {
      const byName = (this.children[parentId] ??= new Map());
      id = byName.get(path.scopeName);
      if (id === undefined) byName.set(path.scopeName, (id = this.matchBoth(path, parentId)));
    } else {
      id = this.matchBoth(path, parentId);
    }
    tagged[this.pathId] = id;
    return id;
  }

  private matchBoth(path: ScopePath, parentId: number): number {
    const [a, b] = this.styles[parentId]!;
    return this.intern(inherit(a, this.themes[0].match(path)), inherit(b, this.themes[1].match(path)));
  }

  /**
   * Whether no rule with parent scopes can reach this scope name: vscode-textmate keeps such a rule in its trie
   * under the rule's last scope and copies it to the deeper scopes, so it reaches that scope and the ones below it.
   */
  private isParentFree(scopeName: string): boolean {
    let free = this.parentFree.get(scopeName);
    if (free === undefined) {
      free = !this.parentScoped.some((last) => last === '' || scopeName === last || scopeName.startsWith(`${last}.`));
      this.parentFree.set(scopeName, free);
    }
    return free;
  }

  private intern(a: Style, b: Style): number {
    const key = `${a.fontStyle},${a.foreground},${a.background};${b.fontStyle},${b.foreground},${b.background}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.ids.size + 1;
    if (id > MAX_FOREGROUND) throw new ThemePairOverflow(`more than ${MAX_FOREGROUND} pairs of styles`);
    this.ids.set(key, id);
    this.styles[id] = [a, b];
    this.bits[0][id] = encode(a);
    this.bits[1][id] = encode(b);
    // A set font style (0) and a set foreground: nothing is inherited from the parent's metadata.
    this.attributes[id] = { fontStyle: 0, foregroundId: id, backgroundId: 0 } as StyleAttributes;
    return id;
  }
}

/** The last scope of every selector with parent scopes, split as vscode-textmate's parseTheme splits them. */
function parentScopedNames(theme: IRawTheme): string[] {
  return (theme.settings ?? []).flatMap((entry) => {
    if (!entry.settings) return [];
    const selectors = typeof entry.scope === 'string' ? entry.scope.replace(/^[,]+/, '').replace(/[,]+$/, '').split(',') : Array.isArray(entry.scope) ? entry.scope : [];
    return selectors.map((selector) => selector.trim().split(' ')).flatMap((segments) => (segments.length > 1 ? [segments.at(-1)!] : []));
  });
}

function toStyle(attributes: StyleAttributes): Style {
  return { fontStyle: attributes.fontStyle, foreground: attributes.foregroundId, background: attributes.backgroundId };
}

/** What vscode-textmate's AttributedScopeStack.mergeAttributes keeps of the parent's style under a match. */
function inherit(parent: Style, match: StyleAttributes | null): Style {
  if (match === null) return parent;
  return {
    fontStyle: match.fontStyle === -1 ? parent.fontStyle : match.fontStyle,
    foreground: match.foregroundId === 0 ? parent.foreground : match.foregroundId,
    background: match.backgroundId === 0 ? parent.background : match.backgroundId,
  };
}

function encode(style: Style): number {
  // A theme with more colours than the fields hold would not encode its own metadata right either.
  if (style.foreground > MAX_FOREGROUND || style.background > MAX_BACKGROUND) throw new ThemePairOverflow('a colour ID beyond the metadata field');
  return ((style.fontStyle << FONT_STYLE_OFFSET) | (style.foreground << FOREGROUND_OFFSET) | (style.background << BACKGROUND_OFFSET)) >>> 0;
}
