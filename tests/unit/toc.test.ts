import { describe, expect, it } from 'vitest';
import { buildToc, type Heading } from '../../src/lib/toc';

const h = (depth: number, slug: string, text = slug): Heading => ({ depth, slug, text });

describe('buildToc', () => {
  it('nests h3s under the h2 before them', () => {
    expect(buildToc([h(2, 'a'), h(3, 'a1'), h(3, 'a2'), h(2, 'b'), h(3, 'b1')])).toEqual([
      { slug: 'a', text: 'a', children: [{ slug: 'a1', text: 'a1' }, { slug: 'a2', text: 'a2' }] },
      { slug: 'b', text: 'b', children: [{ slug: 'b1', text: 'b1' }] },
    ]);
  });

  it('makes an h3 before any h2 a top-level entry', () => {
    expect(buildToc([h(3, 'early'), h(2, 'a'), h(3, 'a1')])).toEqual([
      { slug: 'early', text: 'early', children: [] },
      { slug: 'a', text: 'a', children: [{ slug: 'a1', text: 'a1' }] },
    ]);
  });

  it('leaves out h1 and h4–h6', () => {
    expect(buildToc([h(1, 'title'), h(2, 'a'), h(4, 'deep'), h(5, 'deeper'), h(6, 'deepest')])).toEqual([{ slug: 'a', text: 'a', children: [] }]);
  });

  it.each([
    ['  Padded  ', 'Padded'],
    ['Learning C#', 'Learning C#'],
    ['Why $O(n)$?', 'Why $O(n)$?'],
    ['Plain', 'Plain'],
  ])('keeps the heading text %j as %j (trimmed, nothing else removed)', (text, expected) => {
    expect(buildToc([h(2, 's', text)])[0]?.text).toBe(expected);
    expect(buildToc([h(2, 'p'), h(3, 's', text)])[0]?.children[0]?.text).toBe(expected);
  });

  it('is empty without headings', () => {
    expect(buildToc([])).toEqual([]);
  });
});
