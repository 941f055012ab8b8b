import { describe, expect, it } from 'vitest';
import type { Element, ElementContent, Root } from 'hast';
import { rehypeBaseLinks, withBase } from '../../src/lib/markdown/rehype-base-links';

describe('withBase', () => {
  it.each<[string, string, string]>([
    ['/bits/x/', '/garden/', '/garden/bits/x/'],
    ['/bits/x/#a', '/garden', '/garden/bits/x/#a'],
    ['/', '/garden/', '/garden/'],
    ['/garden/bits/x/', '/garden/', '/garden/bits/x/'],
    ['/garden', '/garden/', '/garden'],
    ['/bits/x/', '/', '/bits/x/'],
    ['//cdn.example.com/x.js', '/garden/', '//cdn.example.com/x.js'],
    ['https://example.com/', '/garden/', 'https://example.com/'],
    ['#top', '/garden/', '#top'],
    ['../bits/x/', '/garden/', '../bits/x/'],
  ])('%s under %s → %s', (url, base, expected) => {
    expect(withBase(url, base)).toBe(expected);
  });
});

describe('rehypeBaseLinks', () => {
  /** A paragraph as Markdown leaves it: link and image elements, and inline HTML kept raw. */
  const raw = (value: string) => ({ type: 'raw', value }) as unknown as ElementContent;
  const tree = (): Root => ({
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'p',
        properties: {},
        children: [
          { type: 'element', tagName: 'a', properties: { href: '/bits/x/' }, children: [{ type: 'text', value: 'a' }] },
          { type: 'element', tagName: 'img', properties: { src: '/images/p.png', alt: 'i' }, children: [] },
          { type: 'element', tagName: 'a', properties: { href: 'https://x.dev/' }, children: [] },
          { type: 'element', tagName: 'a', properties: { href: '#top' }, children: [] },
          raw('<a href="/rss.xml">'),
          raw("<img src='/i.png'> <a href=\"https://x.dev/\">"),
        ],
      },
    ],
  });
  const run = (base: string) => {
    const root = tree();
    rehypeBaseLinks({ base })(root);
    const p = root.children[0] as Element;
    return p.children.map((child) => (child.type === 'element' ? (child.properties.href ?? child.properties.src) : (child as unknown as { value: string }).value));
  };

  it('puts the base in front of links and images written from the site root, raw HTML included', () => {
    expect(run('/garden/')).toEqual(['/garden/bits/x/', '/garden/images/p.png', 'https://x.dev/', '#top', '<a href="/garden/rss.xml">', "<img src='/garden/i.png'> <a href=\"https://x.dev/\">"]);
  });

  it('changes nothing at the root', () => {
    expect(run('/')).toEqual(['/bits/x/', '/images/p.png', 'https://x.dev/', '#top', '<a href="/rss.xml">', "<img src='/i.png'> <a href=\"https://x.dev/\">"]);
  });

  it('puts the base in front of links written as JSX in an .mdx note, in HTML elements only', () => {
    const jsx = (name: string, attributes: Record<string, unknown>) => ({
      type: 'mdxJsxFlowElement',
      name,
      attributes: Object.entries(attributes).map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
      children: [],
    });
    const expression = { type: 'mdxJsxAttributeValueExpression', value: 'url' };
    const nodes = [jsx('a', { href: '/bits/x/' }), jsx('img', { src: '/images/p.png', alt: '/not-a-url' }), jsx('a', { href: expression }), jsx('Card', { href: '/bits/y/' })];
    const root = { type: 'root', children: nodes } as unknown as Root;
    rehypeBaseLinks({ base: '/garden/' })(root);
    expect(nodes.map((node) => node.attributes.map((a) => a.value))).toEqual([['/garden/bits/x/'], ['/garden/images/p.png', '/not-a-url'], [expression], ['/bits/y/']]);
  });
});
