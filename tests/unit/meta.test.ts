import { describe, expect, it } from 'vitest';
import { pageMeta } from '../../src/lib/meta';

const site = { title: 'Garden', description: 'Notes on ML, data and math.' };

describe('pageMeta', () => {
  it('uses the site title alone on the home page', () => {
    expect(pageMeta({ title: 'Garden', site, pathname: '/' })).toEqual({
      title: 'Garden',
      ogTitle: 'Garden',
      description: 'Notes on ML, data and math.',
      canonical: '/',
    });
  });

  it('suffixes other pages with the site title and keeps their own description', () => {
    expect(pageMeta({ title: 'KV cache', description: 'One formula.', site, pathname: '/shorts/kv/' })).toEqual({
      title: 'KV cache · Garden',
      ogTitle: 'KV cache',
      description: 'One formula.',
      canonical: '/shorts/kv/',
    });
  });

  it.each([
    ['  many\n  spaces\tand\n\nlines  ', 'many spaces and lines'],
    ['', ''],
  ])('collapses whitespace in %j', (description, expected) => {
    expect(pageMeta({ title: 'X', description, site, pathname: '/' }).description).toBe(expected);
  });

  it.each([
    [200, 200, false],
    [201, 198, true],
    [500, 198, true],
  ])('a %d-character description becomes %d characters (ellipsis: %s)', (length, resultLength, ellipsis) => {
    const { description } = pageMeta({ title: 'X', description: 'a'.repeat(length), site, pathname: '/' });
    expect(description.length).toBe(resultLength);
    expect(description.endsWith('…')).toBe(ellipsis);
  });

  it.each([
    ['https://example.org', '/bits/x/', 'https://example.org/bits/x/'],
    ['https://example.org/garden/', '/garden/bits/x/', 'https://example.org/garden/bits/x/'],
  ])('makes the canonical URL absolute against %s', (site_, pathname, expected) => {
    expect(pageMeta({ title: 'X', site, pathname, siteUrl: new URL(site_) }).canonical).toBe(expected);
  });
});
