import { describe, expect, it } from 'vitest';
import { gardenUrls, joinBase } from '../../src/lib/urls';
import { toTagSlug } from '../../src/lib/tags';

describe('joinBase', () => {
  it.each([
    ['/', '/bits/', '/bits/'],
    ['/', 'bits/', '/bits/'],
    ['', '/bits/', '/bits/'],
    ['/garden', '/bits/', '/garden/bits/'],
    ['/garden/', '/bits/', '/garden/bits/'],
    ['/garden/', 'rss.xml', '/garden/rss.xml'],
    ['/a/b/', '/', '/a/b/'],
  ])('joinBase(%j, %j) → %j', (base, path, expected) => {
    expect(joinBase(base, path)).toBe(expected);
  });
});

describe('gardenUrls', () => {
  it.each([
    ['/', { home: '/', bits: '/bits/', bit: '/bits/kv/', shorts: '/shorts/', short: '/shorts/kv/', cheatsheets: '/cheatsheets/', part: '/cheatsheets/ml/', chapter: '/cheatsheets/ml/01-t/', tags: '/tags/', tag: '/tags/python/', rss: '/rss.xml', asset: '/favicon.svg' }],
    ['/garden/', { home: '/garden/', bits: '/garden/bits/', bit: '/garden/bits/kv/', shorts: '/garden/shorts/', short: '/garden/shorts/kv/', cheatsheets: '/garden/cheatsheets/', part: '/garden/cheatsheets/ml/', chapter: '/garden/cheatsheets/ml/01-t/', tags: '/garden/tags/', tag: '/garden/tags/python/', rss: '/garden/rss.xml', asset: '/garden/favicon.svg' }],
  ])('under base %j', (base, expected) => {
    const urls = gardenUrls(base);
    expect({
      home: urls.home(),
      bits: urls.bits(),
      bit: urls.bit('kv'),
      shorts: urls.shorts(),
      short: urls.short('kv'),
      cheatsheets: urls.cheatsheets(),
      part: urls.part('ml'),
      chapter: urls.chapter('ml/01-t'),
      tags: urls.tags(),
      tag: urls.tag('python'),
      rss: urls.rss(),
      asset: urls.asset('/favicon.svg'),
    }).toEqual(expected);
  });

  // Regression (tags.ts toTagSlug + urls.ts gardenUrls().tag): toTagSlug keeps "#" ("C#" → "c#"),
  // and the tag URL is built without encoding, so the link is "/tags/c#/": the browser
  // reads "#/" as a fragment and requests "/tags/c", a page that does not exist.
  it.each(['C#', 'F#', 'C++', 'Node.js'])('links the tag %j to a URL whose path holds the whole tag', (raw) => {
    const slug = toTagSlug(raw);
    const link = new URL(gardenUrls('/').tag(slug), 'https://garden.example');
    expect(link.hash).toBe('');
    expect(decodeURIComponent(link.pathname)).toBe(`/tags/${slug}/`);
  });
});
