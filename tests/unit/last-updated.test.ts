import { describe, expect, it } from 'vitest';
import { lastUpdated, lastUpdatedByUrl, parseGitLog } from '../../src/lib/last-updated';
import type { IsoDate } from '../../src/lib/dates';
import { gardenModel } from '../../src/lib/garden-model';
import { buildLinkTargets } from '../../src/lib/links/targets';
import { linkSourcesFromFiles } from '../../src/lib/links/sources';
import { gardenUrls } from '../../src/lib/urls';
import { bitSchema, chapterSchema, shortSchema } from '../../src/lib/schema';

const day = (date: string) => date as IsoDate;

describe('the last change of a note', () => {
  it('takes each file’s newest commit from one git log of the whole garden, as a UTC day', () => {
    const log = ['@@commit 2026-05-02T01:30:00+02:00', '', 'bits/a.md', 'shorts/b.md', '', '@@commit 2026-04-01T12:00:00Z', '', 'bits/a.md', 'bits/c.md', ''].join('\n');
    expect(parseGitLog(log)).toEqual(
      new Map([
        ['bits/a.md', '2026-05-01'],
        ['shorts/b.md', '2026-05-01'],
        ['bits/c.md', '2026-04-01'],
      ]),
    );
    expect(parseGitLog('')).toEqual(new Map());
  });

  it('prefers what the frontmatter says to the commit, and knows nothing without either', () => {
    expect(lastUpdated(day('2026-06-01'), day('2026-01-01'))).toBe('2026-06-01');
    expect(lastUpdated(undefined, day('2026-01-01'))).toBe('2026-01-01');
    expect(lastUpdated(undefined, undefined)).toBeUndefined();
  });

  it('gives every note page’s address its date, for the sitemap', () => {
    const files = [
      { path: 'bits/a.md', displayPath: 'bits/a.md', text: '---\ntitle: A\ntags: [x]\nupdated: 2026-07-01\n---\nA.\n' },
      { path: 'bits/c.md', displayPath: 'bits/c.md', text: '---\ntitle: C\ntags: [x]\n---\nC.\n' },
      { path: 'bits/d.md', displayPath: 'bits/d.md', text: '---\ntitle: D\ntags: [x]\n---\nD.\n' },
    ];
    const model = gardenModel(files);
    const targets = buildLinkTargets(linkSourcesFromFiles(model), gardenUrls('/garden/'));
    const commits = new Map([
      ['bits/a.md', day('2026-05-01')],
      ['bits/c.md', day('2026-04-01')],
    ]);
    expect(lastUpdatedByUrl(model, targets, commits)).toEqual(
      new Map([
        ['/garden/bits/a/', '2026-07-01'],
        ['/garden/bits/c/', '2026-04-01'],
      ]),
    );
  });

  it('is a field of every note’s frontmatter, written YYYY-MM-DD', () => {
    expect(bitSchema.parse({ title: 'A', tags: ['x'], updated: '2026-06-01' }).updated).toBe('2026-06-01');
    expect(shortSchema.parse({ title: 'A', summary: 'S', date: '2026-01-01', tags: ['x'], updated: new Date('2026-06-01') }).updated).toBe('2026-06-01');
    expect(chapterSchema.parse({ title: 'A', part: 'p', chapter: 1 }).updated).toBeUndefined();
    expect(bitSchema.safeParse({ title: 'A', tags: ['x'], updated: 'June 1' }).error?.issues[0]?.message).toBe('expected YYYY-MM-DD, got "June 1"');
  });
});
