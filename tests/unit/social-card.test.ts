import { describe, expect, it } from 'vitest';
import { cardPages, cardPath } from '../../src/lib/social-card/cards';
import { cardLayout, clip } from '../../src/lib/social-card/layout';
import { renderCard } from '../../src/lib/social-card/render';
import { cardImageUrl } from '../../src/lib/meta';

const SITE = { title: 'Technical Garden', description: 'Notes on ML.' };
const garden = (bitTitle = 'Stable softmax') =>
  ({
    bits: [{ item: { id: 'stable-softmax', title: bitTitle, why: 'Subtract the max.' } }],
    shorts: [{ item: { id: 'kv-cache', title: 'KV cache', summary: 'One product.' } }],
    chapters: [{ item: { id: 'ml/01-tensors', title: 'Tensors', summary: 'Shapes.' } }],
    parts: [{ id: 'ml', number: 1, title: 'ML Foundations', summary: 'Basics.' }],
    tags: [{ tag: 'numerics' }],
  }) as never;

describe('cardPath', () => {
  it.each([
    ['/', 'og/index.png'],
    ['/bits/', 'og/bits.png'],
    ['/bits/kv-cache/', 'og/bits/kv-cache.png'],
    ['/cheatsheets/ml/01-tensors/', 'og/cheatsheets/ml/01-tensors.png'],
    ['/bits/page/3/', 'og/bits.png'],
    ['/tags/numerics/page/2/', 'og/tags/numerics.png'],
    ['/bits/page-size/', 'og/bits/page-size.png'],
    ['/graph/links/', 'og/graph.png'],
    ['/graph/links/page/4/', 'og/graph.png'],
  ])('places the card of %s at %s', (page, card) => expect(cardPath(page)).toBe(card));
});

describe('cardImageUrl', () => {
  it('is absolute, with the base path, when the site URL is known', () => {
    expect(cardImageUrl('/garden/bits/kv-cache/', '/garden/', new URL('https://me.github.io'))).toBe('https://me.github.io/garden/og/bits/kv-cache.png');
    expect(cardImageUrl('/garden/', '/garden/', new URL('https://me.github.io'))).toBe('https://me.github.io/garden/og/index.png');
    expect(cardImageUrl('/tags/x/', '/')).toBe('/og/tags/x.png');
  });
});

describe('cardPages', () => {
  const pages = cardPages(garden(), SITE, 'digest');
  const byCard = new Map(pages.map((page) => [page.params.card, page]));

  it('lists the home page, the listings, every note, part and tag, each with what its card says', () => {
    expect([...byCard.keys()].sort()).toEqual(
      ['index', 'bits', 'shorts', 'cheatsheets', 'review', 'tags', 'exam', 'graph', 'bits/stable-softmax', 'shorts/kv-cache', 'cheatsheets/ml/01-tensors', 'cheatsheets/ml', 'tags/numerics'].sort(),
    );
    expect(byCard.get('bits/stable-softmax')!.props).toEqual({ title: 'Stable softmax', summary: 'Subtract the max.', label: 'Bit', siteName: 'Technical Garden' });
    expect(byCard.get('cheatsheets/ml')!.props).toMatchObject({ title: 'Part 1: ML Foundations', label: 'Night-before sheet' });
    expect(byCard.get('index')!.props).toMatchObject({ title: 'Technical Garden', summary: 'Notes on ML.' });
  });

  it('keys each card by its inputs and the code: a retitled note changes its own key only', () => {
    const after = new Map(cardPages(garden('Softmax that never overflows'), SITE, 'digest').map((page) => [page.params.card, page.cacheKey]));
    const changed = [...byCard].filter(([card, page]) => after.get(card) !== page.cacheKey).map(([card]) => card);
    expect(changed).toEqual(['bits/stable-softmax']);
    const newCode = cardPages(garden(), SITE, 'other digest');
    expect(newCode.every((page) => byCard.get(page.params.card)!.cacheKey !== page.cacheKey)).toBe(true);
  });
});

describe('the card', () => {
  it('clips long text at a word with an ellipsis', () => {
    expect(clip('short title', 40)).toBe('short title');
    expect(clip('one two three four five six seven', 20)).toBe('one two three four…');
    expect(clip('a   b\n c', 10)).toBe('a b c');
  });

  it('leaves out the summary line when a page has none', () => {
    const texts = (node: unknown): string[] => {
      const { children } = (node as { props: { children?: unknown } }).props;
      if (typeof children === 'string') return [children];
      return (Array.isArray(children) ? children : children ? [children] : []).flatMap(texts);
    };
    expect(texts(cardLayout({ title: 'T', label: 'Tag', siteName: 'S' }))).toEqual(['Tag', 'T', 'S']);
    expect(texts(cardLayout({ title: 'T', summary: 'Why.', label: 'Bit', siteName: 'S' }))).toEqual(['Bit', 'T', 'Why.', 'S']);
  });

  it('is drawn as a 1200 × 630 PNG from local fonts', async () => {
    const png = await renderCard({ title: 'Attention: softmax(QKᵀ/√d) — σ and Ω', summary: 'Greek and symbols come from the installed font subsets.', label: 'Chapter', siteName: 'Technical Garden' });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  }, 30_000);
});
