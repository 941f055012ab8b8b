import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { toHtml } from 'hast-util-to-html';
import type { Element, Root } from 'hast';
import { createNotePipeline } from '../../src/lib/markdown/note-pipeline';
import { CALLOUT_TYPES } from '../../src/lib/markdown/callout-types';
import { markdownToText } from '../../src/lib/search/text';

const render = createNotePipeline(undefined);
const html = async (markdown: string) => (await render(markdown, '/garden/bits/x.md')).html;

/** The elements of a fragment, in document order. */
function elements(markup: string): Element[] {
  const found: Element[] = [];
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type === 'element') {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(fromHtml(markup, { fragment: true }));
  return found;
}

const callouts = (markup: string) => elements(markup).filter((e) => (e.properties.className as string[] | undefined)?.includes('callout'));
const part = (callout: Element, name: string) => elements(toHtml(callout)).find((e) => (e.properties.className as string[] | undefined)?.includes(name));

describe('callouts', () => {
  it('renders Obsidian’s syntax with the type’s default title, its icon hidden from screen readers, and the body', async () => {
    const [callout, ...rest] = callouts(await html('> [!info]\n> The body, with $x$ and `code`.'));
    expect(rest).toHaveLength(0);
    expect(callout!.tagName).toBe('div');
    expect(callout!.properties).toMatchObject({ dataCallout: 'info', role: 'note' });
    expect(toText(part(callout!, 'callout-title')!).trim()).toBe('Info');
    expect(part(callout!, 'callout-title-icon')!.properties.ariaHidden).toBe('true');
    const body = part(callout!, 'callout-content')!;
    expect(toText(body)).toContain('The body, with');
    expect(toHtml(body)).toContain('class="katex"');
    expect(toHtml(body)).toContain('<code>code</code>');
  });

  it('takes a custom title, with inline Markdown, from the first line', async () => {
    const [callout] = callouts(await html('> [!warning] Mind the **shape**\n> Broadcasting hides bugs.'));
    expect(callout!.properties.dataCallout).toBe('warning');
    expect(toHtml(part(callout!, 'callout-title-text')!)).toBe('<span class="callout-title-text">Mind the <strong>shape</strong></span>');
    expect(toText(part(callout!, 'callout-content')!).trim()).toBe('Broadcasting hides bugs.');
  });

  it('reads GitHub’s upper-case alerts the same way', async () => {
    for (const type of ['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION']) {
      const [callout] = callouts(await html(`> [!${type}]\n> Body.`));
      expect(callout?.properties.dataCallout, type).toBe(type.toLowerCase());
    }
  });

  it('knows every type and alias of the table', async () => {
    for (const [type, aliases] of Object.entries(CALLOUT_TYPES)) {
      for (const name of [type, ...aliases]) {
        const [callout] = callouts(await html(`> [!${name}]\n> Body.`));
        expect(callout?.properties.dataCallout, name).toBe(name);
      }
    }
  });

  it('folds `-` closed and `+` open, as a <details> whose summary holds only phrasing content', async () => {
    const [closed, open] = callouts(await html('> [!tip]- Folded\n> Hidden.\n\n> [!tip]+ Open\n> Shown.'));
    expect(closed!.tagName).toBe('details');
    expect(closed!.properties.open).toBeUndefined();
    expect(open!.tagName).toBe('details');
    expect(open!.properties.open).toBe(true);
    const summary = elements(toHtml(closed!)).find((e) => e.tagName === 'summary')!;
    expect(toText(summary).trim()).toBe('Folded');
    expect(elements(toHtml(summary)).map((e) => e.tagName).filter((t) => !['span', 'svg', 'path', 'summary', 'strong', 'em', 'code'].includes(t))).toEqual([]);
    expect(closed!.properties.role).toBeUndefined();
  });

  it('renders an unknown type as a note titled with its name, or with the title given', async () => {
    const [bare, titled] = callouts(await html('> [!recipe]\n> Flour.\n\n> [!recipe]- Bread\n> Water.'));
    expect(bare!.properties.dataCallout).toBe('note');
    expect(toText(part(bare!, 'callout-title')!).trim()).toBe('Recipe');
    expect(toText(part(bare!, 'callout-content')!).trim()).toBe('Flour.');
    expect(titled!.tagName).toBe('details');
    expect(toText(part(titled!, 'callout-title')!).trim()).toBe('Bread');
  });

  it('leaves plain quotes, and quotes that only mention a marker later, as blockquotes', async () => {
    const out = await html('> A quote.\n\n> Text then [!note] later.\n\n>\n');
    expect(callouts(out)).toEqual([]);
    expect(out).toContain('<blockquote>\n<p>A quote.</p>\n</blockquote>');
  });

  it('nests', async () => {
    const all = callouts(await html('> [!question] Outer\n> > [!example] Inner\n> > Deep.'));
    expect(all.map((c) => c.properties.dataCallout)).toEqual(['question', 'example']);
  });

  it('keeps the marker out of the search text', () => {
    expect(markdownToText('> [!warning]- Mind the shape\n> Broadcasting.')).toBe('Mind the shape Broadcasting.');
  });
});
