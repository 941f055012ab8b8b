import { describe, expect, it } from 'vitest';
import type { Element, ElementContent, Root } from 'hast';
import { VFile } from 'vfile';
import { rehypeCodeCopy } from '../../src/lib/markdown/rehype-code-copy';
import { rehypeHeadingAnchors } from '../../src/lib/markdown/rehype-heading-anchors';
import { rehypeMathErrors } from '../../src/lib/markdown/rehype-math-errors';
import { rehypeBaseLinks, withBase } from '../../src/lib/markdown/rehype-base-links';

const el = (tagName: string, properties: Element['properties'] = {}, children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });
const root = (...children: Root['children']): Root => ({ type: 'root', children });

describe('rehypeCodeCopy', () => {
  const run = (tree: Root) => {
    rehypeCodeCopy()(tree);
    return tree;
  };

  /** The bar above a block: its language, when it has one worth a label, and the hidden copy button. */
  const expectWrapped = (node: unknown, pre: Element, language?: string) => {
    expect(node).toEqual({
      type: 'element',
      tagName: 'div',
      properties: { className: ['code-block'] },
      children: [
        {
          type: 'element',
          tagName: 'div',
          properties: { className: ['code-block__bar'] },
          children: [
            ...(language ? [{ type: 'element', tagName: 'span', properties: { className: ['code-block__lang'] }, children: [{ type: 'text', value: language }] }] : []),
            {
              type: 'element',
              tagName: 'button',
              properties: { type: 'button', className: ['copy-code'], hidden: true, dataCopyCode: '', ariaLabel: 'Copy code' },
              children: [{ type: 'text', value: 'Copy' }],
            },
          ],
        },
        pre,
      ],
    });
  };

  /** A highlighted block as Astro's Shiki step leaves it: classes in `class`, one <code> inside. */
  const shikiPre = (code: string) =>
    el('pre', { class: 'astro-code astro-code-themes github-light github-dark', tabindex: '0', dataLanguage: 'python' }, [
      el('code', {}, [el('span', { class: 'line' }, [text(code)])]),
    ]);

  it('wraps a highlighted block with its language and a hidden copy button, in a bar above the code', () => {
    const pre = shikiPre('x = 1');
    const tree = run(root(el('p', {}, [text('before')]), pre));
    expect(tree.children).toHaveLength(2);
    expect(tree.children[0]).toEqual(el('p', {}, [text('before')]));
    expectWrapped(tree.children[1], pre, 'python');
  });

  it.each([
    ['a language Shiki knows, before highlighting', 'language-ts', 'ts'],
    ['a language Shiki lacks (it will be plain text)', 'language-klingon', undefined],
    ['plain text', 'language-text', undefined],
  ])('labels %s from the code element\'s class', (_name, className, label) => {
    const pre = el('pre', {}, [el('code', { className: [className] }, [text('x')])]);
    const tree = run(root(pre));
    expectWrapped(tree.children[0], pre, label);
  });

  it('wraps a block whose classes are a className list', () => {
    const pre = el('pre', { className: ['astro-code', 'github-light'] }, [el('code', {}, [text('x')])]);
    const tree = run(root(pre));
    expectWrapped(tree.children[0], pre);
  });

  it('wraps a block nested inside another element, in place', () => {
    const pre = shikiPre('x');
    const tree = run(root(el('li', {}, [text('item'), pre, text('after')])));
    const li = tree.children[0] as Element;
    expect(li.children).toHaveLength(3);
    expect(li.children[0]).toEqual(text('item'));
    expectWrapped(li.children[1], pre, 'python');
    expect(li.children[2]).toEqual(text('after'));
  });

  it('wraps every block exactly once', () => {
    const a = shikiPre('a');
    const b = shikiPre('b');
    const tree = run(root(a, b));
    expect(tree.children).toHaveLength(2);
    expectWrapped(tree.children[0], a, 'python');
    expectWrapped(tree.children[1], b, 'python');
  });

  it.each([
    ['a <pre> without <code> inside', () => el('pre', {}, [text('preformatted')])],
    ['inline <code>', () => el('code', {}, [text('x')])],
    ['a paragraph', () => el('p', {}, [el('code', {}, [text('x')])])],
  ])('leaves %s alone', (_name, make) => {
    const node = make();
    const before = structuredClone(node);
    const tree = run(root(node));
    expect(tree.children).toEqual([before]);
  });
});

describe('rehypeHeadingAnchors', () => {
  const run = (tree: Root) => {
    rehypeHeadingAnchors()(tree);
    return tree;
  };
  /** The text a table of contents would collect from a node. */
  const textOf = (node: ElementContent | Element): string =>
    node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';
  /** The heading is left as the author wrote it, inside a wrapper with a link to its section after it. */
  const expectAnchored = (wrapper: unknown, heading: Element, id: string, text: string) => {
    expect(wrapper).toMatchObject({ type: 'element', tagName: 'div', properties: { className: ['heading-wrapper', `heading-wrapper--${heading.tagName}`] } });
    const [first, link] = (wrapper as Element).children as Element[];
    expect(first).toBe(heading);
    expect(textOf(heading)).toBe(text);
    expect(link).toEqual(
      el('a', { className: ['heading-anchor'], href: `#${id}` }, [
        el('span', { ariaHidden: 'true' }, [{ type: 'text', value: '#' }]),
        el('span', { className: ['visually-hidden'] }, [{ type: 'text', value: `Section titled “${text}”` }]),
      ]),
    );
  };

  it.each(['h2', 'h3'])('puts a keyboard-reachable link to its section after an %s with an id', (tag) => {
    const heading = el(tag, { id: 'first-section' }, [text('First section')]);
    const tree = run(root(heading));
    expect(heading.properties).toEqual({ id: 'first-section' });
    expectAnchored(tree.children[0], heading, 'first-section', 'First section');
  });

  it.each(['h1', 'h4', 'h5', 'h6', 'p'])('leaves an %s alone', (tag) => {
    const node = el(tag, { id: 'x' }, [text('X')]);
    const tree = run(root(node));
    expect(tree.children).toEqual([el(tag, { id: 'x' }, [text('X')])]);
  });

  it.each([
    ['no id', {}],
    ['an empty id', { id: '' }],
  ])('leaves a heading with %s alone', (_name, properties) => {
    const node = el('h2', properties, [text('X')]);
    const tree = run(root(node));
    expect(tree.children).toEqual([el('h2', properties, [text('X')])]);
  });

  it('handles nested headings, in place, and names the link by the heading\'s text', () => {
    const h3 = el('h3', { id: 'sub' }, [text('Sub '), el('em', {}, [text('x')])]);
    const section = el('section', {}, [text('before'), h3, text('after')]);
    run(root(section));
    expect(section.children).toHaveLength(3);
    expect(section.children[0]).toEqual(text('before'));
    expectAnchored(section.children[1], h3, 'sub', 'Sub x');
    expect(section.children[2]).toEqual(text('after'));
  });
});

describe('rehypeMathErrors', () => {
  const katexFailure = (file: VFile, formula: string, line: number | undefined, reason = 'KaTeX parse error: Expected \'}\', got \'EOF\' at end of input') => {
    const code = el('code', { className: ['language-math', 'math-inline'] }, [text(formula)]);
    file.message('Could not render math with KaTeX', {
      ancestors: [el('p'), code],
      cause: new Error(reason),
      ...(line === undefined ? {} : { place: { line, column: 1 } }),
      ruleId: 'parseerror',
      source: 'rehype-katex',
    });
  };

  it('does nothing when KaTeX reported nothing', () => {
    const file = new VFile({ path: '/tmp/x.md' });
    file.message('something else', { source: 'other-plugin' });
    expect(() => rehypeMathErrors()(root(), file)).not.toThrow();
  });

  it('stops with the file, line, formula and reason', () => {
    const file = new VFile({ path: '/tmp/x.md' });
    katexFailure(file, '\\frac{1}{2', 4);
    expect(() => rehypeMathErrors()(root(), file)).toThrow(
      'A formula cannot be typeset (expected valid KaTeX):\n' + '  /tmp/x.md:4: math: KaTeX cannot typeset "\\frac{1}{2": Expected \'}\', got \'EOF\' at end of input',
    );
  });

  it('lists every failure and shows a path inside the working directory relative to it', () => {
    const file = new VFile({ path: `${process.cwd()}/content/bits/x.md` });
    katexFailure(file, 'a', 2, 'first');
    katexFailure(file, 'b', 9, 'second');
    expect(() => rehypeMathErrors()(root(), file)).toThrow(
      'A formula cannot be typeset (expected valid KaTeX):\n' +
        '  content/bits/x.md:2: math: KaTeX cannot typeset "a": first\n' +
        '  content/bits/x.md:9: math: KaTeX cannot typeset "b": second',
    );
  });

  it('says "(unknown file)" and "?" when it has neither path nor line', () => {
    const file = new VFile();
    katexFailure(file, 'x', undefined);
    expect(() => rehypeMathErrors()(root(), file)).toThrow(/^A formula cannot be typeset \(expected valid KaTeX\):\n {2}\(unknown file\):\?: math: KaTeX cannot typeset "x": /);
  });

  it('falls back to the message reason when there is no Error cause', () => {
    const file = new VFile({ path: '/tmp/y.md' });
    file.message('Could not render math with KaTeX', { ancestors: [el('code', {}, [text('z')])], place: { line: 1, column: 1 }, source: 'rehype-katex' });
    expect(() => rehypeMathErrors()(root(), file)).toThrow('/tmp/y.md:1: math: KaTeX cannot typeset "z": Could not render math with KaTeX');
  });
});

describe('withBase', () => {
  it.each([
    ['/bits/x/', '/garden/', '/garden/bits/x/'],
    ['/bits/x/', '/garden', '/garden/bits/x/'],
    ['/', '/garden/', '/garden/'],
    ['/bits/?q=1#top', '/garden/', '/garden/bits/?q=1#top'],
    ['/gardening/x/', '/garden/', '/garden/gardening/x/'],
    ['/a/b/c.png', '/deep/base/', '/deep/base/a/b/c.png'],
    // Already under the base, or not a root link: as written.
    ['/garden/bits/x/', '/garden/', '/garden/bits/x/'],
    ['/garden', '/garden/', '/garden'],
    ['https://example.org/bits/', '/garden/', 'https://example.org/bits/'],
    ['//cdn.example.org/x.js', '/garden/', '//cdn.example.org/x.js'],
    ['#section', '/garden/', '#section'],
    ['../bits/x/', '/garden/', '../bits/x/'],
    ['mailto:me@example.org', '/garden/', 'mailto:me@example.org'],
    // No base to add.
    ['/bits/x/', '/', '/bits/x/'],
    ['/bits/x/', '', '/bits/x/'],
  ])('withBase(%j, %j) → %j', (url, base, expected) => {
    expect(withBase(url, base)).toBe(expected);
  });
});

describe('rehypeBaseLinks', () => {
  const page = () =>
    root(
      el('p', {}, [el('a', { href: '/bits/kv-cache/' }, [text('KV')]), el('a', { href: 'https://example.org/' }, [text('out')])]),
      el('img', { src: '/images/a.png', alt: '' }),
      el('h2', { id: 's' }, [text('S'), el('a', { href: '#s' })]),
      el('a', { href: '/garden/already/' }, [text('already')]),
    );

  it('puts the base in front of every root link and source', () => {
    const tree = page();
    rehypeBaseLinks({ base: '/garden/' })(tree);
    const p = tree.children[0] as Element;
    expect((p.children[0] as Element).properties.href).toBe('/garden/bits/kv-cache/');
    expect((p.children[1] as Element).properties.href).toBe('https://example.org/');
    expect((tree.children[1] as Element).properties).toEqual({ src: '/garden/images/a.png', alt: '' });
    expect(((tree.children[2] as Element).children[1] as Element).properties.href).toBe('#s');
    expect((tree.children[3] as Element).properties.href).toBe('/garden/already/');
  });

  it.each(['/', ''])('changes nothing under the base %j', (base) => {
    const tree = page();
    rehypeBaseLinks({ base })(tree);
    expect(tree).toEqual(page());
  });

  it('runs in the Markdown pipeline with the configured base', async () => {
    const { rehypePlugins } = await import('../../src/lib/markdown/plugins');
    const entry = rehypePlugins.find((plugin) => Array.isArray(plugin) && plugin[0] === rehypeBaseLinks) as [unknown, { base: string }] | undefined;
    expect(entry?.[1]).toEqual({ base: process.env.SITE_BASE ?? '/' });
  });
});
