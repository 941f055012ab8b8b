import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { checkGardenLinks } from '../../src/lib/check/links';
import { gardenModel } from '../../src/lib/garden-model';
import type { GardenFile } from '../../src/lib/check/check';
import { remarkPluginsFor, rehypePlugins, shikiConfig } from '../../src/lib/markdown/plugins';
import { buildLinkTargets } from '../../src/lib/links/targets';
import { linkSourcesFromFiles } from '../../src/lib/links/sources';
import { gardenUrls } from '../../src/lib/urls';
import { checkGardenFolder } from '../../src/lib/check/run';
import { ROOT } from '../helpers/build';

const file = (path: string, text: string): GardenFile => ({ path, displayPath: `garden/${path}`, text });
const files: GardenFile[] = [
  file('bits/softmax.md', '---\ntitle: Stable softmax\ntags: [numerics]\nwhy: Keeps exp finite.\n---\nSee [[kv-cache]] and [[shorts/kv-cache#sizing|sizing]].\n\nAlso [[nowhere]], [[secret]] and [[shorts/kv-cache#nope]].\n'),
  file('bits/kv-cache.md', '---\ntitle: KV cache bit\ntags: [llm]\n---\nBody [back](./softmax.md) and [gone](../shorts/gone.md).\n'),
  file('shorts/kv-cache.md', '---\ntitle: KV cache short\nsummary: Memory.\ndate: 2026-01-01\ntags: [llm]\n---\n## Sizing\n\nText.\n'),
  file('shorts/secret.md', '---\ntitle: Secret\nsummary: Draft.\ndate: 2026-01-01\ntags: [x]\ndraft: true\n---\nHidden.\n'),
];
const model = gardenModel(files);

describe('checkGardenLinks', () => {
  it('reports every broken link with file, line and reason', () => {
    expect(checkGardenLinks(model, { allowDrafts: false })).toEqual([
      {
        severity: 'error',
        file: 'garden/bits/softmax.md',
        line: 6,
        field: 'link',
        message: '[[kv-cache]]: "kv-cache" is ambiguous: it could be [[bits/kv-cache]] or [[shorts/kv-cache]] (qualify it) (expected a link to an existing bit, short or chapter)',
      },
      { severity: 'error', file: 'garden/bits/softmax.md', line: 8, field: 'link', message: '[[nowhere]]: no bit, short or chapter is called "nowhere" (expected a link to an existing bit, short or chapter)' },
      { severity: 'error', file: 'garden/bits/softmax.md', line: 8, field: 'link', message: '[[secret]]: "shorts/secret" is a draft and is left out of the built site (expected a link to an existing bit, short or chapter)' },
      { severity: 'error', file: 'garden/bits/softmax.md', line: 8, field: 'link', message: '[[shorts/kv-cache#nope]]: "shorts/kv-cache" has no heading #nope (it has #sizing) (expected a link to an existing bit, short or chapter)' },
      { severity: 'error', file: 'garden/bits/kv-cache.md', line: 5, field: 'link', message: '(../shorts/gone.md): no content file at "shorts/gone.md" (linked as "../shorts/gone.md") (expected a link to an existing bit, short or chapter)' },
    ]);
  });

  it('resolves against the link targets it is given, when the build has them already', () => {
    // Targets built with the site's base path, and one more note than the files hold: [[nowhere]] now resolves.
    const targets = buildLinkTargets([...linkSourcesFromFiles(files), { collection: 'bits', id: 'nowhere', title: 'Nowhere', body: '' }], gardenUrls('/garden/'));
    const messages = checkGardenLinks(model, { allowDrafts: false }, targets).map((p) => p.message);
    expect(messages).toHaveLength(4);
    expect(messages.some((m) => m.startsWith('[[nowhere]]'))).toBe(false);
  });

  it('accepts links to drafts under astro dev', () => {
    const messages = checkGardenLinks(model, { allowDrafts: true }).map((p) => p.message);
    expect(messages.some((m) => m.includes('secret'))).toBe(false);
    expect(messages).toHaveLength(4);
  });
});

describe('rendering links', () => {
  const targets = buildLinkTargets(linkSourcesFromFiles(files), gardenUrls('/g/'));

  async function render(markdown: string, path = '/garden/bits/softmax.md') {
    const processor = await createMarkdownProcessor({
      remarkPlugins: remarkPluginsFor({ targets: () => targets, contentDir: '/garden' }),
      rehypePlugins,
      shikiConfig,
    });
    return (await processor.render(markdown, { fileURL: new URL(`file://${path}`) })).code;
  }

  it('turns wikilinks into links labelled with the target title, with preview data', async () => {
    const html = await render('Read [[shorts/kv-cache]] or [[bits/kv-cache|the bit]].');
    expect(html).toBe(
      '<p>Read <a href="/g/shorts/kv-cache/" class="internal-link" data-preview-title="KV cache short" data-preview-text="Memory.">KV cache short</a> or <a href="/g/bits/kv-cache/" class="internal-link" data-preview-title="KV cache bit" data-preview-text="Body back and gone.">the bit</a>.</p>',
    );
  });

  it('rewrites relative links to content files and keeps the heading', async () => {
    const html = await render('[sizing](../shorts/kv-cache.md#sizing)');
    expect(html).toContain('<a href="/g/shorts/kv-cache/#sizing" class="internal-link"');
  });

  it('marks a broken link as text instead of linking nowhere', async () => {
    const html = await render('See [[nowhere|this]].');
    expect(html).toBe('<p>See <span class="broken-link" title="Broken link: no bit, short or chapter is called &#x22;nowhere&#x22;">this</span>.</p>');
  });

  it('leaves wikilink syntax inside code alone', async () => {
    expect(await render('`[[shorts/kv-cache]]`')).toBe('<p><code>[[shorts/kv-cache]]</code></p>');
  });
});

describe('checkGardenFolder with the garden the build has read', () => {
  it('checks the files and targets it is given and reads no file itself', () => {
    const targets = buildLinkTargets(linkSourcesFromFiles(files), gardenUrls('/'));
    // The folder does not exist: every problem comes from the snapshot.
    const { problems, files: count } = checkGardenFolder('/nonexistent/garden', { projectRoot: ROOT, garden: { files, targets } });
    expect(count).toBe(files.length);
    expect(problems.filter((p) => p.field === 'link').map((p) => `${p.file}:${p.line}`)).toEqual([
      'garden/bits/kv-cache.md:5',
      'garden/bits/softmax.md:6',
      'garden/bits/softmax.md:8',
      'garden/bits/softmax.md:8',
      'garden/bits/softmax.md:8',
    ]);
  });
});
