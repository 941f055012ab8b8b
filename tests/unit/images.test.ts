import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findImages, relativeImageSrc, resolveImage } from '../../src/lib/images/find';
import { checkGardenImages } from '../../src/lib/check/images';
import { checkGarden, type GardenFile } from '../../src/lib/check/check';
import { gardenModel } from '../../src/lib/garden-model';
import { classifyGardenPath } from '../../src/lib/paths';
import { imagePlaceholders, replaceImagePlaceholders } from '../../src/lib/images/placeholders';
import { createNotePipeline } from '../../src/lib/markdown/note-pipeline';
import { listGardenImages } from '../../src/lib/images/remark-images';
import { buildLinkTargets } from '../../src/lib/links/targets';
import { linkSourcesFromFiles } from '../../src/lib/links/sources';
import { gardenUrls } from '../../src/lib/urls';

const file = (path: string, text: string): GardenFile => ({ path, displayPath: `garden/${path}`, text });
const bit = (body: string) => `---\ntitle: Pictures\ntags: [images]\nwhy: Shows images.\n---\n${body}\n`;

describe('finding and resolving a note’s images', () => {
  it('finds Markdown images and Obsidian embeds with their lines, outside code, and leaves URLs alone', () => {
    const body = ['![A](./img/a.png)', '```', '![not](./b.png)', '```', 'x ![[c.png|the c]] and ![[d.jpg|300]] `![code](e.png)`', '![remote](https://x.org/a.png) ![root](/a.png)'].join('\n');
    expect(findImages(body)).toEqual([
      { kind: 'markdown', src: './img/a.png', alt: 'A', line: 1 },
      { kind: 'embed', src: 'c.png', alt: 'the c', line: 5 },
      { kind: 'embed', src: 'd.jpg', alt: '', line: 5 },
    ]);
  });

  it('resolves relative paths from the note’s folder and embeds by name anywhere in the garden, the one beside the note first', () => {
    const images = new Set(['bits/img/a.png', 'assets/a.png', 'assets/deep/c.png', 'c.png', 'bits/c.png']);
    expect(resolveImage({ kind: 'markdown', src: './img/a.png' }, 'bits/n.md', images)).toEqual({ ok: true, path: 'bits/img/a.png' });
    expect(resolveImage({ kind: 'markdown', src: '../assets/a.png' }, 'bits/n.md', images)).toEqual({ ok: true, path: 'assets/a.png' });
    expect(resolveImage({ kind: 'markdown', src: 'img/missing.png' }, 'bits/n.md', images)).toEqual({ ok: false, lookedFor: 'bits/img/missing.png', reason: 'no such file' });
    expect(resolveImage({ kind: 'markdown', src: '../../a.png' }, 'bits/n.md', images)).toMatchObject({ ok: false, reason: expect.stringContaining('outside the garden') });
    expect(resolveImage({ kind: 'embed', src: 'c.png' }, 'bits/n.md', images)).toEqual({ ok: true, path: 'bits/c.png' });
    expect(resolveImage({ kind: 'embed', src: 'c.png' }, 'shorts/n.md', images)).toEqual({ ok: true, path: 'c.png' });
    expect(resolveImage({ kind: 'embed', src: 'deep/c.png' }, 'shorts/n.md', images)).toEqual({ ok: true, path: 'assets/deep/c.png' });
    expect(resolveImage({ kind: 'embed', src: 'z.png' }, 'bits/n.md', images)).toMatchObject({ ok: false, lookedFor: 'z.png (anywhere in the garden)' });
    expect(relativeImageSrc('bits/n.md', 'assets/deep/c.png')).toBe('../assets/deep/c.png');
    expect(relativeImageSrc('bits/n.md', 'bits/c.png')).toBe('./c.png');
  });

  it('never takes an image file for a note', () => {
    for (const path of ['bits/diagram.png', 'bits/img/x.svg', 'assets/a.jpg', 'chapters/part/fig.webp']) expect(classifyGardenPath(path)).toBe('ignored');
  });
});

describe('checking images', () => {
  const files = [
    file('bits/pictures.md', bit('![A diagram](./img/diagram.png)\n\n![](./img/diagram.png)\n\n![Gone](./img/gone.png)\n\n![[wide.jpg]] ![[nowhere.png|Nowhere]]')),
    file('bits/img/diagram.png', ''),
    file('assets/figures/wide.jpg', ''),
  ];

  it('reports a missing image as an error with file, line and the path looked for, and an image without alt text as a warning', () => {
    expect(checkGardenImages(gardenModel(files))).toEqual([
      { severity: 'warning', file: 'garden/bits/pictures.md', line: 8, field: 'image', message: expect.stringMatching(/^!\[\]\(\.\/img\/diagram\.png\): the image has no alt text.*!\[what it shows\]\(\.\/img\/diagram\.png\)/) },
      { severity: 'error', file: 'garden/bits/pictures.md', line: 10, field: 'image', message: expect.stringMatching(/^!\[Gone\]\(\.\/img\/gone\.png\): no such file: looked for bits\/img\/gone\.png \(expected a path relative/) },
      { severity: 'warning', file: 'garden/bits/pictures.md', line: 12, field: 'image', message: expect.stringContaining('![[wide.jpg]]: the image has no alt text') },
      { severity: 'error', file: 'garden/bits/pictures.md', line: 12, field: 'image', message: expect.stringContaining('![[nowhere.png]]: no such file: looked for nowhere.png (anywhere in the garden)') },
    ]);
  });

  it('is part of the garden check, and an image embed is not reported as a broken link', () => {
    const problems = checkGarden(files);
    expect(problems.filter((p) => p.field === 'image')).toHaveLength(4);
    expect(problems.filter((p) => p.field === 'link')).toEqual([]);
  });
});

describe('images in the note pipeline', () => {
  const garden = mkdtempSync(join(tmpdir(), 'garden-images-'));
  mkdirSync(join(garden, 'bits/img'), { recursive: true });
  mkdirSync(join(garden, 'assets'), { recursive: true });
  writeFileSync(join(garden, 'bits/img/a.png'), 'png');
  writeFileSync(join(garden, 'assets/wide.jpg'), 'jpg');
  const render = createNotePipeline({ targets: () => new Map(), contentDir: garden });

  it('lists the garden’s images, turns ![[x]] into an image beside the note, and marks the local images for the page', async () => {
    expect([...listGardenImages(garden)].sort()).toEqual(['assets/wide.jpg', 'bits/img/a.png']);
    const note = await render('![A](./img/a.png)\n\n![[wide.jpg|Wide]]\n\n![Missing](./img/none.png)\n\n![Remote](https://example.com/r.png)', join(garden, 'bits/n.md'));
    expect(note.images).toEqual(['./img/a.png', '../assets/wide.jpg']);
    expect(imagePlaceholders(note.html)).toEqual([
      { src: './img/a.png', alt: 'A' },
      { src: '../assets/wide.jpg', alt: 'Wide' },
    ]);
    // What the garden does not hold stays as written (the check stops a build on the missing one).
    expect(note.html).toContain('<img src="./img/none.png" alt="Missing">');
    expect(note.html).toContain('<img src="https://example.com/r.png" alt="Remote">');
  });

  it('knows an image already inside a link, and the page puts each rendered image in place', async () => {
    const note = await render('[![Linked](./img/a.png)](https://example.com) and ![Plain](./img/a.png)', join(garden, 'bits/n.md'));
    expect(imagePlaceholders(note.html)).toEqual([
      { src: './img/a.png', alt: 'Linked', linked: true },
      { src: './img/a.png', alt: 'Plain' },
    ]);
    const html = await replaceImagePlaceholders(note.html, async (image, index) => `<b>${index}:${image.alt}</b>`);
    expect(html).toBe('<p><a href="https://example.com"><b>0:Linked</b></a> and <b>1:Plain</b></p>');
  });
});

describe('images of an embedded note', () => {
  it('are placed relative to the page’s note and listed with its own', async () => {
    const garden = mkdtempSync(join(tmpdir(), 'garden-embed-images-'));
    mkdirSync(join(garden, 'bits'), { recursive: true });
    mkdirSync(join(garden, 'shorts/figures'), { recursive: true });
    writeFileSync(join(garden, 'shorts/figures/curve.png'), 'png');
    writeFileSync(join(garden, 'shorts/figures/bars.png'), 'png');
    writeFileSync(join(garden, 'shorts/source.md'), '---\ntitle: Source\nsummary: S.\ndate: 2026-01-01\ntags: [x]\n---\n![The curve](./figures/curve.png)\n\n![[bars.png|The bars]]\n');
    const host = '---\ntitle: Host\ntags: [x]\n---\n![[source]]\n';
    writeFileSync(join(garden, 'bits/host.md'), host);
    const files = [
      { path: 'shorts/source.md', displayPath: 'shorts/source.md', text: readFileSync(join(garden, 'shorts/source.md'), 'utf8') },
      { path: 'bits/host.md', displayPath: 'bits/host.md', text: host },
    ];
    const targets = buildLinkTargets(linkSourcesFromFiles(gardenModel(files)), gardenUrls('/'));
    const render = createNotePipeline({ targets: () => targets, contentDir: garden });
    const note = await render('![[source]]', join(garden, 'bits/host.md'));
    expect(note.images).toEqual(['../shorts/figures/curve.png', '../shorts/figures/bars.png']);
    expect(imagePlaceholders(note.html)).toEqual([
      { src: '../shorts/figures/curve.png', alt: 'The curve' },
      { src: '../shorts/figures/bars.png', alt: 'The bars' },
    ]);
  });
});
