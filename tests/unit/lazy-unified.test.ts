import { describe, expect, it } from 'vitest';
import { unified } from '@astrojs/markdown-remark';
import { markdownConfigDefaults } from '@astrojs/internal-helpers/markdown';
import remarkMath from 'remark-math';
import { lazyUnified } from '../../src/build/lazy-unified';
import { rehypePlugins, remarkPlugins } from '../../src/lib/markdown/plugins';

const OPTIONS = { remarkPlugins, rehypePlugins, remarkRehype: { footnoteLabel: 'Notes' } };
const shared = { ...markdownConfigDefaults, syntaxHighlight: false as const };

describe('lazyUnified', () => {
  it('reads as the package’s unified(): the same name and resolved options', () => {
    const lazy = lazyUnified(OPTIONS);
    const real = unified(OPTIONS);
    expect(lazy.name).toBe(real.name);
    expect(lazy.options).toEqual(real.options);
    expect(Object.keys(lazy).sort()).toEqual(Object.keys(real).sort());
  });

  it('renders what the package’s renderer renders', async () => {
    const markdown = '## A heading\n\nSome *text* with $x^2$ and a [link](/bits/).';
    const lazy = await lazyUnified(OPTIONS).createRenderer(shared);
    const real = await unified(OPTIONS).createRenderer(shared);
    const [a, b] = await Promise.all([lazy.render(markdown), real.render(markdown)]);
    expect(a.code).toBe(b.code);
    expect(a.code).toContain('class="katex"');
    expect(a.metadata.headings).toEqual(b.metadata.headings);
  });

  it('renders with the options as they are when the renderer is made, as the package’s does', async () => {
    const lazy = lazyUnified({});
    lazy.options.remarkPlugins.push(remarkMath);
    const renderer = await lazy.createRenderer(shared);
    expect((await renderer.render('$x$')).code).toContain('math-inline');
  });
});
