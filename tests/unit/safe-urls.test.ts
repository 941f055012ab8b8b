import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import type { PluggableList } from 'unified';
import { unsafeScheme, unsafeUrlsInHtml, withoutUnsafeUrls } from '../../src/lib/markdown/safe-urls';
import { createNotePipeline } from '../../src/lib/markdown/note-pipeline';
import { rehypePlugins, remarkPlugins } from '../../src/lib/markdown/plugins';
import { scanBody } from '../../src/lib/check/body-scan';

describe('unsafeScheme', () => {
  it.each([
    ['javascript:alert(1)', 'javascript:'],
    ['JavaScript:alert(1)', 'javascript:'],
    ['  javascript:alert(1)', 'javascript:'],
    ['java\tscript:alert(1)', 'javascript:'],
    ['\u0001javascript:x', 'javascript:'],
    ['vbscript:msgbox', 'vbscript:'],
    ['data:text/html,<script>alert(1)</script>', 'data:'],
    ['DATA:application/xhtml+xml;base64,AAAA', 'data:'],
  ])('finds %j unsafe', (url, scheme) => {
    expect(unsafeScheme(url)).toBe(scheme);
  });

  it.each(['https://example.com/', '/bits/kv-cache/', '../bits/x.md', '#heading', 'mailto:me@example.com', 'data:image/png;base64,AAAA', 'javascript-notes/', 'notes/javascript:x'])(
    'lets %j through',
    (url) => {
      expect(unsafeScheme(url)).toBeUndefined();
    },
  );
});

describe('unsafe URLs in raw HTML', () => {
  it('reads quoted, bare, encoded and JSX values of URL attributes only', () => {
    const html = '<a href="&#106;avascript:x" title="javascript:fine">a</a> <img src=vbscript:y> <a href={"data:text/html,z"}>b</a> <a data-x="javascript:no">c</a>';
    expect(unsafeUrlsInHtml(html).map(({ url, scheme }) => [url, scheme])).toEqual([
      ['javascript:x', 'javascript:'],
      ['vbscript:y', 'vbscript:'],
      ['data:text/html,z', 'data:'],
    ]);
    expect(withoutUnsafeUrls(html)).toBe('<a title="javascript:fine">a</a> <img> <a>b</a> <a data-x="javascript:no">c</a>');
  });

  it('leaves safe HTML as it is', () => {
    const html = '<a href="/bits/x/">x</a><img src="data:image/gif;base64,R0lG">';
    expect(unsafeUrlsInHtml(html)).toEqual([]);
    expect(withoutUnsafeUrls(html)).toBe(html);
  });
});

describe('the check of a body', () => {
  it('reports unsafe links, definitions, images and HTML attributes with their lines, not code', () => {
    const body = [
      '[run](javascript:alert(1))',
      '![pic](data:text/html,x) ![ok](data:image/png;base64,AA)',
      '<a href="vbscript:x">v</a>',
      '',
      '[ref]: JAVASCRIPT:void(0)',
      '',
      '```md',
      '[no](javascript:alert(1))',
      '```',
      'and `[no](javascript:x)`',
    ].join('\n');
    expect(scanBody(body).unsafeUrls).toEqual([
      { url: 'javascript:alert(1)', scheme: 'javascript:', line: 1 },
      { url: 'data:text/html,x', scheme: 'data:', line: 2 },
      { url: 'vbscript:x', scheme: 'vbscript:', line: 3 },
      { url: 'JAVASCRIPT:void(0)', scheme: 'javascript:', line: 5 },
    ]);
  });
});

describe('a rendered note carries no unsafe link', () => {
  const body = 'A [link](javascript:alert(1)), an ![image](data:image/png;base64,AA) and <a href="&#x6A;avascript:alert(2)" class="x">raw</a>.\n\n<iframe src="data:text/html,hi"></iframe>';

  it('in an .md note (the note pipeline)', async () => {
    const { html } = await createNotePipeline(undefined)(body, undefined);
    expect(html).not.toMatch(/javascript:|data:text/i);
    expect(html).toContain('<a>link</a>');
    expect(html).toContain('<a class="x">raw</a>');
    expect(html).toContain('src="data:image/png;base64,AA"');
  });

  it('in an .mdx note (the plugins Astro runs for MDX)', async () => {
    const mdx = 'A [link](javascript:alert(1)) and <a href="vbscript:x">jsx</a> and <a href={"javascript:y"}>expression</a> and <Link href="javascript:z" />.';
    const code = String(await compile(mdx, { remarkPlugins: remarkPlugins as PluggableList, rehypePlugins: rehypePlugins as PluggableList }));
    expect(code).not.toMatch(/javascript:alert|vbscript:/);
    // A JSX expression is code the author wrote, not a link: left alone, as a component's props are.
    expect(code).toContain('"javascript:y"');
    expect(code).toContain('"javascript:z"');
  });
});
