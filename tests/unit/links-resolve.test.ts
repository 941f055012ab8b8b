import { describe, expect, it } from 'vitest';
import { buildLinkTargets, excerptOf, headingSlugs, linkTargetsDigest, type LinkTargetSource } from '../../src/lib/links/targets';
import { resolveFileLink, resolveWikiLink } from '../../src/lib/links/resolve';
import { findLinks } from '../../src/lib/links/find';
import { gardenUrls } from '../../src/lib/urls';

const sources: LinkTargetSource[] = [
  { collection: 'bits', id: 'kv-cache', title: 'KV cache bit', body: '## Sizing\n\nText.', tags: ['llm'] },
  { collection: 'shorts', id: 'kv-cache', title: 'KV cache short', body: 'Short body.', tags: ['llm'] },
  { collection: 'bits', id: 'softmax', title: 'Stable softmax', body: 'Shift by the max.', tags: ['numerics'] },
  { collection: 'shorts', id: 'secret', title: 'Draft short', body: '', draft: true },
  { collection: 'chapters', id: 'ml-foundations/01-tensors', title: 'Tensors', body: '## Rank and shape\n\n### Strides `T`\n\n```python\n# Not a heading\n```', tags: [] },
];
const targets = buildLinkTargets(sources, gardenUrls('/garden/'));
const production = { allowDrafts: false };

describe('resolveWikiLink', () => {
  it.each([
    ['softmax', '/garden/bits/softmax/', 'Stable softmax'],
    ['bits/kv-cache', '/garden/bits/kv-cache/', 'KV cache bit'],
    ['shorts/kv-cache', '/garden/shorts/kv-cache/', 'KV cache short'],
    ['ml-foundations/01-tensors', '/garden/cheatsheets/ml-foundations/01-tensors/', 'Tensors'],
    ['chapters/ml-foundations/01-tensors', '/garden/cheatsheets/ml-foundations/01-tensors/', 'Tensors'],
    ['01-tensors', '/garden/cheatsheets/ml-foundations/01-tensors/', 'Tensors'],
    ['ml-foundations/01-tensors#strides-t', '/garden/cheatsheets/ml-foundations/01-tensors/#strides-t', 'Tensors'],
    ['softmax.md', '/garden/bits/softmax/', 'Stable softmax'],
  ])('resolves [[%s]]', (raw, url, title) => {
    const resolution = resolveWikiLink(raw, targets, production);
    expect(resolution).toMatchObject({ ok: true, url, target: { title } });
  });

  it('calls a bare name shared by a bit and a short ambiguous and lists both', () => {
    const resolution = resolveWikiLink('kv-cache', targets, production);
    expect(resolution).toEqual({ ok: false, reason: '"kv-cache" is ambiguous: it could be [[bits/kv-cache]] or [[shorts/kv-cache]] (qualify it)' });
  });

  it.each([
    ['nothing-here', 'no bit, short or chapter is called "nothing-here"'],
    ['bits/missing', 'no bit, short or chapter is called "bits/missing"'],
    ['ml-foundations/99-none', 'no bit, short or chapter is called "ml-foundations/99-none"'],
    ['', 'the link names no note (expected [[slug]] or [[collection/slug]])'],
  ])('says [[%s]] points nowhere', (raw, reason) => {
    expect(resolveWikiLink(raw, targets, production)).toEqual({ ok: false, reason });
  });

  it('rejects a draft in production and accepts it in dev', () => {
    expect(resolveWikiLink('secret', targets, production)).toEqual({ ok: false, reason: '"shorts/secret" is a draft and is left out of the built site' });
    expect(resolveWikiLink('secret', targets, { allowDrafts: true })).toMatchObject({ ok: true });
  });

  it('checks the heading exists and lists the ones that do', () => {
    const resolution = resolveWikiLink('01-tensors#not-here', targets, production);
    expect(resolution).toEqual({
      ok: false,
      reason: '"chapters/ml-foundations/01-tensors" has no heading #not-here (it has #rank-and-shape, #strides-t)',
    });
  });
});

describe('resolveFileLink', () => {
  it('resolves a relative link to another content file, with a heading', () => {
    expect(resolveFileLink('../bits/softmax.md', 'shorts/kv-cache.md', targets, production)).toMatchObject({ ok: true, url: '/garden/bits/softmax/' });
    expect(resolveFileLink('../../chapters/ml-foundations/01-tensors.md#rank-and-shape', 'chapters/ml-foundations/02-x.md', targets, production)).toMatchObject({
      ok: true,
      url: '/garden/cheatsheets/ml-foundations/01-tensors/#rank-and-shape',
    });
    expect(resolveFileLink('01-tensors.md#rank-and-shape', 'chapters/ml-foundations/02-x.md', targets, production)).toMatchObject({
      ok: true,
      url: '/garden/cheatsheets/ml-foundations/01-tensors/#rank-and-shape',
    });
  });

  it('ignores links that are not to Markdown files', () => {
    expect(resolveFileLink('https://example.com/a.md', 'bits/x.md', targets, production)).toBeUndefined();
    expect(resolveFileLink('/bits/softmax/', 'bits/x.md', targets, production)).toBeUndefined();
    expect(resolveFileLink('notes.txt', 'bits/x.md', targets, production)).toBeUndefined();
  });

  it('names the missing file', () => {
    expect(resolveFileLink('../bits/gone.md', 'shorts/kv-cache.md', targets, production)).toEqual({
      ok: false,
      reason: 'no content file at "bits/gone.md" (linked as "../bits/gone.md")',
    });
  });
});

describe('findLinks', () => {
  it('finds wikilinks and relative note links with their lines, but not inside code', () => {
    const body = ['See [[softmax]] and [[bits/kv-cache|the bit]].', '', '```python', 'x = "[[not-a-link]]"', '```', 'Inline `[[nor-this]]` but [a file](../bits/softmax.md#top) and [web](https://x.org/a.md).'].join('\n');
    expect(findLinks(body)).toEqual([
      { kind: 'wiki', target: 'softmax', label: undefined, line: 1 },
      { kind: 'wiki', target: 'bits/kv-cache', label: 'the bit', line: 1 },
      { kind: 'file', target: '../bits/softmax.md#top', line: 6 },
    ]);
  });
});

describe('link targets', () => {
  it('collects heading ids the way Astro slugs them, skipping code', () => {
    expect([...headingSlugs('# Title\n## Rank *and* shape\n## Rank and shape\n```\n## code\n```\n### `x` [[softmax|Soft]]')]).toEqual([
      'title',
      'rank-and-shape',
      'rank-and-shape-1',
      'x-soft',
    ]);
  });

  it('makes a plain-text excerpt without code, math or markup', () => {
    expect(excerptOf('## Head\n\nThe **max** trick [[softmax|keeps]] exp finite.\n\n$$\nx\n$$\n\n```py\ncode\n```')).toBe('The max trick keeps exp finite.');
    expect(excerptOf('word '.repeat(100), 30).length).toBeLessThanOrEqual(31);
  });

  it('changes its digest when what a link shows or reaches changes (title, opening lines, headings), not when the rest of a body does', () => {
    const body = `Shift by the max. ${'Subtracting the largest logit keeps every exponent at or below zero. '.repeat(6)}`;
    const variant = (change: Partial<LinkTargetSource>) => linkTargetsDigest(buildLinkTargets(sources.map((s) => (s.id === 'softmax' ? { ...s, body, ...change } : s)), gardenUrls('/')));
    const original = variant({});
    expect(variant({ title: 'Softmax, renamed' })).not.toBe(original);
    expect(variant({ body: `A new opening line.\n\n${body}` })).not.toBe(original);
    expect(variant({ body: `${body}\n\n## A section others can link to` })).not.toBe(original);
    expect(variant({ body: `${body}\n\nA closing paragraph far below the excerpt.` })).toBe(original);
  });
});
