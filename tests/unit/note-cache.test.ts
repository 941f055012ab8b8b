import { gardenModel } from '../../src/lib/garden-model';
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildLinkTargets, type LinkTargetSource } from '../../src/lib/links/targets';
import { gardenUrls } from '../../src/lib/urls';
import { isGardenNote, linkSignature, NoteCache } from '../../src/build/note-cache';
import { FileMemo } from '../../src/build/file-memo';
import { NoteRenderer } from '../../src/build/note-renderer';
import { listingShowsSnippets, LISTING_SNIPPET_LIMIT } from '../../src/lib/listing';
import { ROOT } from '../helpers/build';
import { markdownToText, splitSections } from '../../src/lib/search/text';
import { noteSearchText } from '../../src/lib/markdown/note-search';
import { compactBody, searchBody } from '../../src/lib/search/documents';
import { terms } from '../../src/lib/search/tokens';

const GARDEN = '/garden';
const sources = (softmaxTitle = 'Stable softmax', otherTitle = 'Other'): LinkTargetSource[] => [
  { collection: 'bits', id: 'softmax', title: softmaxTitle, body: '## Why\n\nShift by the max.' },
  { collection: 'bits', id: 'other', title: otherTitle, body: 'Unrelated.' },
];
const targetsOf = (...args: Parameters<typeof sources>) => buildLinkTargets(sources(...args), gardenUrls('/'));

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'perf-cache-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the rendered-note cache key', () => {
  const cache = new NoteCache('/unused', GARDEN, 'digest');
  const path = `${GARDEN}/bits/a.md`;

  it('stays the same for the same note and the same link targets', () => {
    expect(cache.key('See [[softmax]].', path, targetsOf())).toBe(cache.key('See [[softmax]].', path, targetsOf()));
  });

  it('changes with the Markdown, the path and the pipeline', () => {
    const key = cache.key('Body.', path, targetsOf());
    expect(cache.key('Body!', path, targetsOf())).not.toBe(key);
    expect(cache.key('Body.', `${GARDEN}/bits/b.md`, targetsOf())).not.toBe(key);
    expect(new NoteCache('/unused', GARDEN, 'other').key('Body.', path, targetsOf())).not.toBe(key);
  });

  it('changes when a note it links to changes title, not when another note does', () => {
    const key = cache.key('See [[softmax]].', path, targetsOf());
    expect(cache.key('See [[softmax]].', path, targetsOf('Softmax, stably'))).not.toBe(key);
    expect(cache.key('See [[softmax]].', path, targetsOf('Stable softmax', 'Renamed'))).toBe(key);
  });

  it('records broken links and headings in the signature, so fixing the target re-renders the note', () => {
    expect(linkSignature('[[missing]] and [[softmax#why]] and [[softmax#nope]]', 'bits/a.md', targetsOf())).toMatch(/missing\t!.*\n.*#why\t\/bits\/softmax\/#why\t.*\nsoftmax#nope\t!/);
  });
});

describe('the note cache', () => {
  it('gives back what was stored, with the path of the HTML file', () => {
    const cache = new NoteCache(tempDir(), GARDEN, 'd');
    expect(cache.get('abc')).toBeUndefined();
    const stored = cache.set('abcdef', { html: '<p>Hi</p>', headings: [{ depth: 2, slug: 'hi', text: 'Hi' }], hasMath: true });
    expect(readFileSync(stored.htmlPath, 'utf8')).toBe('<p>Hi</p>');
    expect(cache.get('abcdef')).toEqual(stored);
    expect(stored.searchPath).toBeUndefined();
  });

  it("keeps a note's searchable text beside its HTML when given one", () => {
    const cache = new NoteCache(tempDir(), GARDEN, 'd');
    const stored = cache.set('abc123', { html: '<p>Hi</p>', headings: [], hasMath: false, search: { text: 'Hi masked_fill', terms: ['hi', 'masked_fill', 'masked', 'fill'] } });
    expect(JSON.parse(readFileSync(stored.searchPath!, 'utf8'))).toEqual({ text: 'Hi masked_fill', terms: ['hi', 'masked_fill', 'masked', 'fill'] });
    expect(cache.get('abc123')).toEqual(stored);
  });

  it("offers a stored note's code blocks by key only when there are exactly as many blocks as keys", () => {
    const cache = new NoteCache(tempDir(), GARDEN, 'd');
    const block = (n: number) => `<pre class="astro-code github-light" data-language="python"><code><span class="line">x = ${n}</span></code></pre>`;
    cache.set('ab1', { html: `<p>One</p>${block(1)}<div>${block(2)}</div>`, headings: [], hasMath: false, codeKeys: ['k1', 'k2'] });
    expect(cache.reusableCode('ab1')).toEqual(new Map([['k1', block(1)], ['k2', block(2)]]));
    cache.set('ab2', { html: `<p>One</p>${block(1)}`, headings: [], hasMath: false, codeKeys: ['k1', 'k2'] });
    expect(cache.reusableCode('ab2')).toBeUndefined();
    cache.set('ab3', { html: block(1), headings: [], hasMath: false });
    expect(cache.reusableCode('ab3')).toBeUndefined();
    expect(cache.reusableCode('missing')).toBeUndefined();
  });

  it('knows which files are notes the pipeline renders', () => {
    expect(isGardenNote(GARDEN, `${GARDEN}/bits/a.md`)).toBe(true);
    expect(isGardenNote(GARDEN, `${GARDEN}/shorts/a.md`)).toBe(true);
    expect(isGardenNote(GARDEN, `${GARDEN}/chapters/part/01-a.md`)).toBe(true);
    expect(isGardenNote(GARDEN, `${GARDEN}/bits/a.mdx`)).toBe(false);
    expect(isGardenNote(GARDEN, `${GARDEN}/bits/deeper/a.md`)).toBe(false);
    expect(isGardenNote(GARDEN, `/elsewhere/bits/a.md`)).toBe(false);
    // Files the garden ignores are no notes either.
    expect(isGardenNote(GARDEN, `${GARDEN}/bits/_draft.md`)).toBe(false);
    expect(isGardenNote(GARDEN, `${GARDEN}/bits/README.md`)).toBe(false);
    expect(isGardenNote(GARDEN, `${GARDEN}/chapters/part/.notes.md`)).toBe(false);
  });
});

describe('the note renderer', () => {
  function garden() {
    const dir = tempDir();
    mkdirSync(join(dir, 'content/bits'), { recursive: true });
    writeFileSync(join(dir, 'content/bits/a.md'), '---\ntitle: A\ntags: [x]\n---\nFormula $x^2$ and [[b]].\n');
    writeFileSync(join(dir, 'content/bits/b.md'), '---\ntitle: B\ntags: [x]\n---\n```python\nprint(1)\n```\n');
    const targets = () => buildLinkTargets([
      { collection: 'bits', id: 'a', title: 'A', body: '' },
      { collection: 'bits', id: 'b', title: 'B', body: '' },
    ], gardenUrls('/'));
    return { dir, renderer: () => new NoteRenderer({ contentDir: join(dir, 'content'), cacheDir: join(dir, 'cache'), projectRoot: ROOT, digest: 'test', targets, workers: 0 }) };
  }

  it('renders a note once and reuses it from the cache in the next build', async () => {
    const { dir, renderer } = garden();
    const first = renderer();
    const note = await first.render('Formula $x^2$ and [[b]].', join(dir, 'content/bits/a.md'));
    expect(note.hasMath).toBe(true);
    expect(readFileSync(note.htmlPath, 'utf8')).toContain('href="/bits/b/"');
    expect(first.rendered).toBe(1);
    const second = renderer();
    expect(await second.render('Formula $x^2$ and [[b]].', join(dir, 'content/bits/a.md'))).toEqual(note);
    expect(second.rendered).toBe(0);
    expect(second.reused).toBe(1);
  });

  it('renders notes on worker threads when many are missing, with the same HTML', async () => {
    const { dir } = garden();
    const targets = () => buildLinkTargets([{ collection: 'bits', id: 'a', title: 'A', body: '' }, { collection: 'bits', id: 'b', title: 'B', body: '' }], gardenUrls('/'));
    const pooled = new NoteRenderer({ contentDir: join(dir, 'content'), cacheDir: join(dir, 'pooled'), projectRoot: ROOT, digest: 'test', targets, workers: 1, workerThreshold: 1 });
    expect(pooled.prefetch()).toBe(2);
    const viaWorker = await pooled.render('Formula $x^2$ and [[b]].', join(dir, 'content/bits/a.md'));
    const local = new NoteRenderer({ contentDir: join(dir, 'content'), cacheDir: join(dir, 'local'), projectRoot: ROOT, digest: 'test', targets, workers: 0 });
    const inThread = await local.render('Formula $x^2$ and [[b]].', join(dir, 'content/bits/a.md'));
    expect(readFileSync(viaWorker.htmlPath, 'utf8')).toBe(readFileSync(inThread.htmlPath, 'utf8'));
    // Both worked out the same searchable text, the one the search index would otherwise compute from the body.
    expect(readFileSync(viaWorker.searchPath!, 'utf8')).toBe(readFileSync(inThread.searchPath!, 'utf8'));
    expect(JSON.parse(readFileSync(inThread.searchPath!, 'utf8'))).toEqual(searchBody(markdownToText('Formula $x^2$ and [[b]].')));
    pooled.stopPool();
  }, 60_000);

  it('removes, once a build is done, the entries it did not use: an edited note\'s old rendering, and nothing it used', async () => {
    const { dir } = garden();
    const memo = () => new FileMemo(join(dir, 'cache/garden-files.bin'), 'test');
    const targets = () => buildLinkTargets([{ collection: 'bits', id: 'a', title: 'A', body: '' }, { collection: 'bits', id: 'b', title: 'B', body: '' }], gardenUrls('/'));
    const make = (files: FileMemo) => new NoteRenderer({ contentDir: join(dir, 'content'), cacheDir: join(dir, 'cache'), projectRoot: ROOT, digest: 'test', targets, memo: files, workers: 0 });
    const entries = () => readdirSync(join(dir, 'cache/garden-notes'), { recursive: true }).filter((name) => /[0-9a-f]{32}\.json$/.test(String(name))).map((name) => basename(String(name), '.json')).sort();
    const first = make(memo());
    first.prefetch();
    const a = await first.render('Formula $x^2$ and [[b]].', join(dir, 'content/bits/a.md'));
    const b = await first.render('```python\nprint(1)\n```', join(dir, 'content/bits/b.md'));
    expect(first.pruneCache()).toBe(0);
    const keyOf = (note: { htmlPath: string }) => basename(note.htmlPath, '.html');
    expect(entries()).toEqual([keyOf(a), keyOf(b)].sort());

    writeFileSync(join(dir, 'content/bits/b.md'), '---\ntitle: B\ntags: [x]\n---\nEdited.\n');
    const second = make(memo());
    second.prefetch();
    const edited = await second.render('Edited.', join(dir, 'content/bits/b.md'));
    // Before the build is done, the old rendering is still there (an edited note reuses its code blocks from it).
    expect(entries()).toContain(keyOf(b));
    expect(second.pruneCache()).toBe(1);
    expect(entries()).toEqual([keyOf(a), keyOf(edited)].sort());
    expect(readFileSync(a.htmlPath, 'utf8')).toContain('href="/bits/b/"');
  });

  it('prunes nothing before it has listed the notes (a renderer that only rendered on request)', async () => {
    const { dir } = garden();
    const stale = new NoteCache(join(dir, 'cache/garden-notes'), join(dir, 'content'), 'old').set('0'.repeat(32), { html: '<p>Old</p>', headings: [], hasMath: false });
    const renderer = new NoteRenderer({ contentDir: join(dir, 'content'), cacheDir: join(dir, 'cache'), projectRoot: ROOT, digest: 'test', targets: targetsOf, workers: 0 });
    await renderer.render('Formula $x^2$ and [[b]].', join(dir, 'content/bits/a.md'));
    expect(renderer.pruneCache()).toBe(0);
    expect(existsSync(stale.htmlPath)).toBe(true);
  });

  it('sends an edited note to the workers in the next build, and no unchanged one', async () => {
    const { dir } = garden();
    const targets = () => buildLinkTargets([{ collection: 'bits', id: 'a', title: 'A', body: '' }, { collection: 'bits', id: 'b', title: 'B', body: '' }], gardenUrls('/'));
    const make = () => new NoteRenderer({ contentDir: join(dir, 'content'), cacheDir: join(dir, 'cache'), projectRoot: ROOT, digest: 'test', targets, workers: 1, workerThreshold: 1 });
    const first = make();
    expect(first.prefetch()).toBe(2);
    await first.render('Formula $x^2$ and [[b]].', join(dir, 'content/bits/a.md'));
    await first.render('```python\nprint(1)\n```', join(dir, 'content/bits/b.md'));
    first.stopPool();
    expect(make().prefetch()).toBe(0);
    writeFileSync(join(dir, 'content/bits/b.md'), '---\ntitle: B\ntags: [x]\n---\nEdited.\n');
    const third = make();
    expect(third.prefetch()).toBe(1);
    expect(readFileSync((await third.render('Edited.', join(dir, 'content/bits/b.md'))).htmlPath, 'utf8')).toContain('Edited.');
    third.stopPool();
  }, 60_000);
  it("renders an edited note with its unchanged code blocks taken from its previous rendering", async () => {
    const { dir } = garden();
    const file = join(dir, 'content/bits/b.md');
    const memoIn = (cacheDir: string) => new FileMemo(join(dir, cacheDir, 'garden-files.bin'), 'test');
    const make = (cacheDir = 'cache', memo = memoIn(cacheDir)) =>
      new NoteRenderer({ contentDir: join(dir, 'content'), cacheDir: join(dir, cacheDir), projectRoot: ROOT, digest: 'test', memo, targets: () => buildLinkTargets([], gardenUrls('/')), workers: 0 });
    // The memo remembers each note's key, so the next build knows an edited note's previous rendering.
    const firstMemo = memoIn('cache');
    const first = make('cache', firstMemo);
    first.prefetch();
    firstMemo.save();
    const before = await first.render('```python\nprint(1)\n```', file);
    expect(before.codeKeys).toHaveLength(1);
    // Mark the stored block: only a reused block can carry the mark into the next rendering.
    writeFileSync(before.htmlPath, readFileSync(before.htmlPath, 'utf8').replace('class="astro-code', 'class="astro-code kept'));
    writeFileSync(file, '---\ntitle: B\ntags: [x]\n---\n```python\nprint(1)\n```\n\nAn added line.\n');
    const second = make();
    second.prefetch();
    const after = await second.render('```python\nprint(1)\n```\n\nAn added line.', file);
    expect(readFileSync(after.htmlPath, 'utf8')).toContain('astro-code kept');
    // Without the mark, the page is the one a fresh rendering gives.
    const fresh = await make('fresh').render('```python\nprint(1)\n```\n\nAn added line.', file);
    expect(readFileSync(after.htmlPath, 'utf8').replace('astro-code kept', 'astro-code')).toBe(readFileSync(fresh.htmlPath, 'utf8'));
  });

  it("keeps Astro's content store only while the pipeline and the link targets stay the same", () => {
    const dir = tempDir();
    const make = (code: string, title: string) =>
      new NoteRenderer({ contentDir: join(dir, 'content'), cacheDir: join(dir, 'cache'), projectRoot: ROOT, digest: code, targets: () => targetsOf(title), workers: 0 });
    const digest = make('code-1', 'Stable softmax').storeDigest();
    expect(make('code-1', 'Stable softmax').storeDigest()).toBe(digest);
    // The code digest (the base path included): every link and asset URL may change with it.
    expect(make('code-2', 'Stable softmax').storeDigest()).not.toBe(digest);
    expect(make('code-1', 'Softmax, shifted').storeDigest()).not.toBe(digest);
  });

  it('prefetches the notes as the link targets read them, without reading the folder again', () => {
    const { dir } = garden();
    const base = () => buildLinkTargets([{ collection: 'bits', id: 'a', title: 'A', body: '' }, { collection: 'bits', id: 'b', title: 'B', body: '' }], gardenUrls('/'));
    // Two notes of the snapshot are not on disk, one on disk (b) is not in the snapshot, and a .mdx file is left to Astro.
    const files = [
      { path: 'bits/a.md', displayPath: 'a', text: '---\ntitle: A\ntags: [x]\n---\nOnly in the snapshot.\n' },
      { path: 'bits/c.md', displayPath: 'c', text: '---\ntitle: C\ntags: [x]\n---\nNot on disk.\n' },
      { path: 'bits/d.mdx', displayPath: 'd', text: '---\ntitle: D\ntags: [x]\n---\nMDX.\n' },
      { path: 'shorts/e.md', displayPath: 'e', text: '---\ntitle: E\nsummary: S.\ndate: 2026-01-01\ntags: [x]\n---\nAlso not on disk.\n' },
    ];
    const targets = Object.assign(base, { snapshot: () => ({ files, model: gardenModel(files), targets: base() }) });
    const renderer = new NoteRenderer({ contentDir: join(dir, 'content'), cacheDir: join(dir, 'cache'), projectRoot: ROOT, digest: 'test', targets, workers: 1, workerThreshold: 1 });
    expect(renderer.prefetch()).toBe(3);
    renderer.stopPool();
  });
});

describe("a note's searchable text", () => {
  const body = 'Intro with `masked_fill`.\n\n## Scores\n\nScale by $\\sqrt{d}$.\n\n### Masking\n\nSet future positions to minus infinity.';
  const headings = [{ depth: 2, slug: 'scores-custom', text: 'Scores' }, { depth: 3, slug: 'masking', text: 'Masking' }];

  it('is one text for bits and shorts, compacted as the search index keeps it, with its terms', () => {
    const expected = { text: compactBody(markdownToText(body)), terms: terms(compactBody(markdownToText(body))) };
    expect(noteSearchText('bits/a.md', body, headings)).toEqual(expected);
    expect(noteSearchText('shorts/a.md', body, headings)).toEqual(expected);
    expect(expected.terms).toContain('masked_fill');
  });

  it('is split at the rendered headings for chapters, keeping their slugs', () => {
    const result = noteSearchText('chapters/part/01-a.md', body, headings);
    expect(result).toEqual({ split: splitSections(body, { rendered: headings }) });
    expect('split' in result && result.split.sections.map((s) => s.heading.slug)).toEqual(['scores-custom', 'masking']);
  });
});

describe('the /bits/ listing', () => {
  it('shows snippets in every card up to the limit, compact cards past it', () => {
    expect(listingShowsSnippets(1)).toBe(true);
    expect(listingShowsSnippets(LISTING_SNIPPET_LIMIT)).toBe(true);
    expect(listingShowsSnippets(LISTING_SNIPPET_LIMIT + 1)).toBe(false);
    expect(listingShowsSnippets(600)).toBe(false);
  });
});
