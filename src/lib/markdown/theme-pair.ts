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
import type { Theme } from 'shiki/textmate';

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
  /** Pair ID → each theme's metadata style bits; ID 0 means "not set" to vscode-textmate, so it is never handed out. */
  private readonly bits: [number[], number[]] = [[0], [0]];
  private readonly attributes: StyleAttributes[] = [];
  private readonly ids = new Map<string, number>();
  private readonly styles: [Style, Style][] = [];
  /** Scope paths are immutable and a child is always matched after its parent, so each path's pair is found once. */
  private readonly pathIds = new WeakMap<ScopePath, number>();
  private readonly defaultsId: number;

  private readonly themes: readonly [Theme, Theme];

  constructor(themes: readonly [Theme, Theme]) {
    this.themes = themes;
    const [a, b] = themes.map((theme) => theme.getDefaults()) as [StyleAttributes, StyleAttributes];
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
    const known = this.pathIds.get(path);
    if (known !== undefined) return known;
    const parent = this.styles[path.parent ? this.idOf(path.parent) : this.defaultsId]!;
    const id = this.intern(inherit(parent[0], this.themes[0].match(path)), inherit(parent[1], this.themes[1].match(path)));
    this.pathIds.set(path, id);
    return id;
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
