import { describe, expect, it } from 'vitest';
import { relativeToCwd } from '../../src/lib/display-path';

describe('relativeToCwd', () => {
  it.each([
    ['/work/main/content/bits/a.md', '/work/main', 'content/bits/a.md'],
    ['/work/main/a.md', '/work/main/', 'a.md'],
    ['/tmp/x.md', '/work/main', '/tmp/x.md'],
    ['/work/other/a.md', '/work/main', '/work/other/a.md'],
    ['/work/main', '/work/main', '/work/main'],
  ])('%s from %s → %s', (path, cwd, expected) => {
    expect(relativeToCwd(path, cwd)).toBe(expected);
  });

  it('defaults to the process working directory', () => {
    expect(relativeToCwd(`${process.cwd()}/content/parts.yaml`)).toBe('content/parts.yaml');
  });

  // Regression (display-path.ts, relativeToCwd): `rel.startsWith('..')` also matches a folder
  // whose name begins with two dots, so a file inside the working directory is shown
  // with its absolute path.
  it('keeps a file inside the working directory relative even when its folder starts with ".."', () => {
    expect(relativeToCwd('/work/main/..drafts/a.md', '/work/main')).toBe('..drafts/a.md');
  });
});
