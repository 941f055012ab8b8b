/**
 * What a social card (the Open Graph image of a page, 1200 × 630) says and
 * how it is laid out, as the element tree satori draws. Pure: render.ts turns
 * it into a PNG.
 */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Everything a card shows: the inputs its cache key is made of (cards.ts). A type, not an interface, so it can be a route's props. */
export type CardInputs = {
  title: string;
  summary?: string | undefined;
  /** The kind of page, e.g. "Bit", "Night-before sheet". */
  label: string;
  siteName: string;
};

/** satori's element shape: a React element without React. */
export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: string | CardNode | (string | CardNode)[] };
}

/** The site's light colours (global.css), so a card looks like the page it stands for. */
const COLOURS = { bg: '#fbfaf7', text: '#1d1f21', muted: '#5a5f66', accent: '#0b6e4f', accentSoft: '#e3f2ec', accentText: '#095c42', border: '#e2ded4' };
const TITLE_MAX = 140;
const SUMMARY_MAX = 220;

/** Shortens at a word boundary with an ellipsis; satori's lineClamp then keeps what is left within its lines. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/, '')}…`;
}

const node = (style: CardNode['props']['style'], children?: CardNode['props']['children']): CardNode => ({ type: 'div', props: { style: { display: 'flex', ...style }, children } });

export function cardLayout({ title, summary, label, siteName }: CardInputs): CardNode {
  const shortTitle = clip(title, TITLE_MAX);
  // Long titles get smaller type so three lines hold them.
  const titleSize = shortTitle.length > 70 ? 56 : 68;
  return node({ width: '100%', height: '100%', boxSizing: 'border-box', flexDirection: 'column', justifyContent: 'space-between', padding: '64px 72px', background: COLOURS.bg, color: COLOURS.text, fontFamily: 'Inter', borderTop: `14px solid ${COLOURS.accent}` }, [
    node({ flexDirection: 'column', gap: 28 }, [
      node({ alignSelf: 'flex-start', fontSize: 28, fontWeight: 700, color: COLOURS.accentText, background: COLOURS.accentSoft, borderRadius: 999, padding: '8px 24px' }, label),
      node({ fontSize: titleSize, fontWeight: 700, lineHeight: 1.15, lineClamp: 3 }, shortTitle),
      ...(summary ? [node({ fontSize: 32, lineHeight: 1.4, color: COLOURS.muted, lineClamp: 3 }, clip(summary, SUMMARY_MAX))] : []),
    ]),
    node({ alignItems: 'center', justifyContent: 'space-between', borderTop: `2px solid ${COLOURS.border}`, paddingTop: 24, fontSize: 30, fontWeight: 700 }, [
      node({ color: COLOURS.text }, siteName),
      node({ width: 28, height: 28, borderRadius: 999, background: COLOURS.accent }),
    ]),
  ]);
}
