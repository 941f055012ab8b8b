import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createNotePipeline } from '../../src/lib/markdown/note-pipeline';
import { checkGardenLinks } from '../../src/lib/check/links';
import { gardenModel } from '../../src/lib/garden-model';
import { buildLinkTargets } from '../../src/lib/links/targets';
import { linkSourcesFromFiles } from '../../src/lib/links/sources';
import { embedClosure, gardenBodyReader } from '../../src/lib/links/embeds';
import { findLinks } from '../../src/lib/links/find';
import { gardenUrls } from '../../src/lib/urls';
import { NoteCache } from '../../src/build/note-cache';
import type { GardenFile } from '../../src/lib/garden-file';

const NOTES: Record<string, string> = {
  'bits/host.md': '---\ntitle: Host\ntags: [x]\n---\nBefore.\n\n![[guest]]\n\nMiddle.\n\n![[sectioned#the-second-part]]\n\nAfter, with ![[guest]] inside a sentence.\n',
  'bits/guest.md': '---\ntitle: The guest\ntags: [x]\n---\nGuest with $e^{i\\pi}$ and "quotes" -- see [[sectioned]].\n\n```python\nprint("hi")\n```\n',
  'shorts/sectioned.md': '---\ntitle: Sectioned\nsummary: S.\ndate: 2026-01-01\ntags: [x]\n---\n## First part\n\nNot this.\n\n## The second part\n\nThis, and its subsection:\n\n### Detail\n\nDeep.\n\n## Third part\n\nNot this either.\n',
  'bits/outer.md': '---\ntitle: Outer\ntags: [x]\n---\n![[host]]\n',
  'bits/ring-a.md': '---\ntitle: Ring A\ntags: [x]\n---\nA.\n\n![[ring-b]]\n',
  'bits/ring-b.md': '---\ntitle: Ring B\ntags: [x]\n---\nB.\n\n![[ring-a]]\n',
  'bits/self.md': '---\ntitle: Self\ntags: [x]\n---\n![[self]]\n',
  'bits/shows-draft.md': '---\ntitle: Shows a draft\ntags: [x]\n---\n![[secret]]\n',
  'bits/secret.md': '---\ntitle: Secret\ntags: [x]\ndraft: true\n---\nHidden.\n',
};

let garden: string;
const files: GardenFile[] = Object.entries(NOTES).map(([path, text]) => ({ path, displayPath: `garden/${path}`, text }));
const targets = buildLinkTargets(linkSourcesFromFiles(files), gardenUrls('/'));
const bodyOf = (path: string) => NOTES[path]!.replace(/^---[\s\S]*?---\n/, '').trim();

beforeAll(() => {
  garden = mkdtempSync(join(tmpdir(), 'garden-embeds-'));
  for (const [path, text] of Object.entries(NOTES)) {
    mkdirSync(dirname(join(garden, path)), { recursive: true });
    writeFileSync(join(garden, path), text);
  }
});
afterAll(() => rmSync(garden, { recursive: true, force: true }));

const render = (path: string) => createNotePipeline({ targets: () => targets, contentDir: garden })(bodyOf(path), join(garden, path));

describe('embeds', () => {
  it('put a whole note in place, framed with a link to it, its math, code, quotes and links rendered as in the source', async () => {
    const { html, headings } = await render('bits/host.md');
    const embed = html.slice(html.indexOf('<aside class="embed" aria-label="Embedded from The guest">'), html.indexOf('</aside>') + 8);
    expect(embed).toContain('<p class="embed-source"><a href="/bits/guest/">The guest</a></p>');
    expect(embed).toContain('class="katex"');
    expect(embed).toContain('class="astro-code');
    expect(embed).toContain('“quotes” —');
    expect(embed).toMatch(/<a href="\/shorts\/sectioned\/" class="internal-link"[^>]*>Sectioned<\/a>/);
    expect(headings).toEqual([]);
  });

  it('put one section in place: from its heading to the next of the same level, subsections included, headings not the page’s own', async () => {
    const { html, headings } = await render('bits/host.md');
    const start = html.indexOf('aria-label="Embedded from Sectioned › The second part"');
    expect(start).toBeGreaterThan(-1);
    const section = html.slice(start, html.indexOf('</aside>', start));
    expect(section).toContain('<a href="/shorts/sectioned/#the-second-part">Sectioned › The second part</a>');
    expect(section).toContain('This, and its subsection:');
    expect(section).toContain('<p class="embed-heading" role="heading" aria-level="4">Detail</p>');
    expect(section).toContain('Deep.');
    expect(section).not.toContain('Not this');
    expect(headings).toEqual([]);
  });

  it('leave an embed inside a sentence as a link', async () => {
    const { html } = await render('bits/host.md');
    expect(html).toMatch(/After, with <a href="\/bits\/guest\/" class="internal-link"[^>]*>The guest<\/a> inside a sentence\./);
  });

  it('nest, and stop at a cycle, leaving the embed that would close it as a link', async () => {
    expect((await render('bits/outer.md')).html.match(/<aside class="embed"/g)).toHaveLength(3);
    const ring = (await render('bits/ring-a.md')).html;
    expect(ring.match(/<aside class="embed"/g)).toHaveLength(1);
    expect(ring).toMatch(/<p><a href="\/bits\/ring-a\/" class="internal-link"[^>]*>Ring A<\/a><\/p>/);
  });

  it('are found by findLinks as embeds, and their closure lists every note a body depends on, once', () => {
    expect(findLinks('![[a]] and [[b]]').map((l) => [l.target, l.embed === true])).toEqual([['a', true], ['b', false]]);
    const read = gardenBodyReader(garden);
    expect(embedClosure(bodyOf('bits/outer.md'), targets, read).map((e) => [e.target.key, e.heading])).toEqual([
      ['bits/host', undefined],
      ['bits/guest', undefined],
      ['shorts/sectioned', 'the-second-part'],
    ]);
    expect(embedClosure(bodyOf('bits/ring-a.md'), targets, read).map((e) => e.target.key)).toEqual(['bits/ring-b', 'bits/ring-a']);
  });

  it('give the embedding note a new cache key when an embedded note changes, even two levels down', () => {
    const cache = new NoteCache(join(garden, '.cache'), garden, 'digest');
    const key = () => cache.key(bodyOf('bits/outer.md'), join(garden, 'bits/outer.md'), targets);
    const before = key();
    expect(key()).toBe(before);
    writeFileSync(join(garden, 'bits/guest.md'), NOTES['bits/guest.md']!.replace('Guest with', 'Guest, edited, with'));
    expect(key()).not.toBe(before);
    writeFileSync(join(garden, 'bits/guest.md'), NOTES['bits/guest.md']!);
    expect(key()).toBe(before);
  });
});

describe('the embed check', () => {
  const problems = checkGardenLinks(gardenModel(files), { allowDrafts: false });

  it('reports a cycle on each embed that starts one, naming the chain', () => {
    const cycles = problems.filter((p) => p.field === 'embed');
    expect(cycles).toEqual([
      { severity: 'error', file: 'garden/bits/ring-a.md', line: 7, field: 'embed', message: '![[ring-b]] makes an embed cycle: bits/ring-a → bits/ring-b → bits/ring-a (expected embeds that never lead back to the note that embeds them)' },
      { severity: 'error', file: 'garden/bits/ring-b.md', line: 7, field: 'embed', message: '![[ring-a]] makes an embed cycle: bits/ring-b → bits/ring-a → bits/ring-b (expected embeds that never lead back to the note that embeds them)' },
      { severity: 'error', file: 'garden/bits/self.md', line: 5, field: 'embed', message: '![[self]] makes an embed cycle: bits/self → bits/self (expected embeds that never lead back to the note that embeds them)' },
    ]);
  });

  it('reports an embedded draft in a production build, and nothing else', () => {
    expect(problems.filter((p) => p.field !== 'embed').map((p) => [p.file, p.line, p.message.split(':')[0]])).toEqual([['garden/bits/shows-draft.md', 5, '![[secret]]']]);
    expect(checkGardenLinks(gardenModel(files), { allowDrafts: true }).filter((p) => p.field !== 'embed')).toEqual([]);
  });
});
