import { describe, expect, it } from 'vitest';
import { checkGarden, isEditorial, type GardenFile } from '../../src/lib/check/check';
import type { ContentProblem } from '../../src/lib/errors';

/** The checks added for authors: bytes, size, root links and editorial warnings. */
const md = (...lines: string[]) => `${lines.join('\n')}\n`;
const file = (path: string, text: string, extra: Partial<GardenFile> = {}): GardenFile => ({ path, displayPath: `content/${path}`, text, ...extra });

const PARTS = md('- id: basics', '  number: 1', '  title: Basics');
const BASE: Record<string, string> = {
  'parts.yaml': PARTS,
  'chapters/basics/01-intro.md': md('---', 'title: Intro', 'part: basics', 'chapter: 1', 'tags: [python]', '---', '## Start', '', 'Text $x$.'),
  'bits/softmax.md': md('---', 'title: Softmax', 'tags: [python, numerics]', '---', '```python', 'x = 1', '```'),
  'bits/norms.md': md('---', 'title: Norms', 'tags: [numerics]', '---', 'The norm $\\|x\\|$.'),
  'bits/secret.md': md('---', 'title: Secret', 'tags: [python]', 'draft: true', '---', '```python', 'x = 2', '```'),
  'shorts/kv-cache.md': md('---', 'title: KV', 'summary: S.', 'date: 2026-06-07', 'tags: [python]', '---', 'Body.'),
};

function garden(changes: Record<string, string | GardenFile | null> = {}): GardenFile[] {
  const all: Record<string, string | GardenFile | null> = { ...BASE, ...changes };
  return Object.entries(all)
    .filter((entry): entry is [string, string | GardenFile] => entry[1] !== null)
    .map(([path, value]) => (typeof value === 'string' ? file(path, value) : value));
}

const error = (path: string, field: string, message: string, line?: number): ContentProblem => ({
  severity: 'error',
  file: `content/${path}`,
  field,
  message,
  ...(line === undefined ? {} : { line }),
});
const warning = (path: string, field: string, message: string, line?: number): ContentProblem => ({ ...error(path, field, message, line), severity: 'warning' });

describe('checkGarden for authors', () => {
  it('finds nothing wrong in the base garden, editorial warnings included', () => {
    expect(checkGarden(garden(), { editorial: true })).toEqual([]);
  });

  describe('bytes', () => {
    it('reports a file over the size limit with the limit, without parsing it', () => {
      const big = file('bits/log.md', '', { size: 3 * 1024 * 1024 });
      expect(checkGarden(garden({ 'bits/log.md': big }))).toEqual([
        error('bits/log.md', '(file)', 'the file is over the 2 MB size limit (expected at most 2 MB, got 3 MB; keep data and logs out of the garden)'),
      ]);
    });

    it('takes the limit as a parameter and measures text given without a size', () => {
      const text = md('---', 'title: Long', 'tags: [python]', '---', '```python', 'x'.repeat(2000), '```');
      expect(checkGarden(garden({ 'bits/long.md': text }), { maxBytes: 1024 })).toEqual([
        error('bits/long.md', '(file)', 'the file is over the 1 KB size limit (expected at most 1 KB, got 2 KB; keep data and logs out of the garden)'),
      ]);
      expect(checkGarden(garden({ 'bits/long.md': text }), { maxBytes: 4096 })).toEqual([]);
    });

    it('reports bytes that are not UTF-8 on their line', () => {
      const latin1 = file('bits/cafe.md', '', { size: 40, invalidUtf8: { offset: 14, line: 2, column: 11, byte: 0xe9 } });
      expect(checkGarden(garden({ 'bits/cafe.md': latin1 }))).toEqual([
        error(
          'bits/cafe.md',
          '(encoding)',
          'byte 0xE9 at column 11 is not UTF-8 (expected UTF-8 text, got a byte from another encoding such as Latin-1 or Windows-1252; re-save the file as UTF-8)',
          2,
        ),
      ]);
    });

    it('names UTF-16 as such', () => {
      const wide = file('shorts/wide.md', '', { size: 40, invalidUtf8: { offset: 0, line: 1, column: 1, byte: 0xff, utf16: true } });
      expect(checkGarden(garden({ 'shorts/wide.md': wide }))).toEqual([
        error('shorts/wide.md', '(encoding)', 'the file is UTF-16 (expected UTF-8 text, got a UTF-16 byte-order mark; re-save the file as UTF-8)', 1),
      ]);
    });

    it('does not weigh or decode files the garden ignores', () => {
      const image = file('images/photo.png', '', { size: 50 * 1024 * 1024, invalidUtf8: { offset: 0, line: 1, column: 1, byte: 0x89 } });
      expect(checkGarden(garden({ 'images/photo.png': image }))).toEqual([]);
    });
  });

  describe('links from the site root', () => {
    const linking = (...body: string[]) => md('---', 'title: Linker', 'tags: [python]', '---', '```python', 'x = 1', '```', ...body);

    it('accepts links to every kind of generated page', () => {
      const text = linking(
        '[a](/) [b](/bits/) [c](/bits/softmax/) [d](/shorts/kv-cache/#top) [e](/cheatsheets/) [f](/cheatsheets/basics/)',
        '[g](/cheatsheets/basics/01-intro/) [h](/tags/) [i](/tags/numerics/) [j](/rss.xml) <a href="/404.html">k</a>',
      );
      expect(checkGarden(garden({ 'bits/linker.md': text }))).toEqual([]);
    });

    it('reports a link to a page that does not exist, on its line, with the closest page', () => {
      expect(checkGarden(garden({ 'bits/linker.md': linking('', 'See [softmax](/bits/softmx/).') }))).toEqual([
        error('bits/linker.md', 'link', '(/bits/softmx/): no page of the garden has this address (expected the address of a generated page, such as "/bits/softmax/", got "/bits/softmx/")', 9),
      ]);
    });

    it('reports a link to a chapter, part and tag that do not exist', () => {
      const problems = checkGarden(garden({ 'bits/linker.md': linking('[a](/cheatsheets/basics/09-none/)', '[b](/cheatsheets/advanced/)', '[c](/tags/rust/)') }));
      expect(problems.map((p) => [p.line, p.field, p.message.split(':')[0]])).toEqual([
        [8, 'link', '(/cheatsheets/basics/09-none/)'],
        [9, 'link', '(/cheatsheets/advanced/)'],
        [10, 'link', '(/tags/rust/)'],
      ]);
    });

    it('reports a link to a draft in production, not where drafts are shown', () => {
      const text = linking('Soon: [secret](/bits/secret/).');
      expect(checkGarden(garden({ 'bits/linker.md': text }))).toEqual([
        error('bits/linker.md', 'link', '(/bits/secret/): "/bits/secret/" is a draft, left out of the built site (expected a published page, got a draft)', 8),
      ]);
      expect(checkGarden(garden({ 'bits/linker.md': text }), { allowDrafts: true })).toEqual([]);
    });

    it('lets a draft link to another draft: neither is built', () => {
      const draft = md('---', 'title: Draft', 'tags: [python]', 'draft: true', '---', 'See [secret](/bits/secret/).');
      expect(checkGarden(garden({ 'bits/draft.md': draft }))).toEqual([]);
    });

    it('knows the static pages it is told about and the base path', () => {
      const text = linking('[search](/search/) and [softmax](/garden/bits/softmax/)');
      expect(checkGarden(garden({ 'bits/linker.md': text }), { staticPages: ['/', '/search/'], base: '/garden/' })).toEqual([]);
      expect(checkGarden(garden({ 'bits/linker.md': text })).map((p) => p.message.split(':')[0])).toEqual(['(/search/)', '(/garden/bits/softmax/)']);
    });

    it('does not report links to an entry whose own fields are wrong (that entry is reported)', () => {
      const broken = md('---', 'title: Broken', '---', '```python', 'x', '```');
      const problems = checkGarden(garden({ 'bits/broken.md': broken, 'bits/linker.md': linking('[b](/bits/broken/)') }));
      expect(problems.map((p) => `${p.file}: ${p.field}`)).toEqual(['content/bits/broken.md: tags']);
    });
  });

  describe('editorial warnings', () => {
    it('are off unless asked for', () => {
      expect(checkGarden(garden({ 'bits/prose.md': md('---', 'title: Prose', 'tags: [lonely]', '---', 'Just words.') }))).toEqual([]);
    });

    it('warn about a tag used only once, on its line, when a tag in use is close to it', () => {
      const text = md('---', 'title: Typo', 'tags:', '  - python', '  - Numerix', '  - quantum', '---', '```python', 'x', '```');
      expect(checkGarden(garden({ 'bits/typo.md': text }), { editorial: true })).toEqual([
        warning('bits/typo.md', 'tags', 'tag "numerix" is used only once in the garden, and "numerics" is used by other entries (expected "numerics", if that is what was meant)', 5),
      ]);
    });

    it('count tags after normalising them, across bits, shorts and chapters', () => {
      const text = md('---', 'title: T', 'summary: S.', 'date: 2026-01-01', 'tags: [Time Series]', '---', 'x');
      const other = md('---', 'title: U', 'tags: [time_series]', '---', '$x$');
      expect(checkGarden(garden({ 'shorts/t.md': text, 'bits/u.md': other }), { editorial: true })).toEqual([]);
    });

    it('warn about a bit with neither code nor formula', () => {
      const text = md('---', 'title: Prose', 'tags: [python]', '---', 'Only words and `inline code`.');
      expect(checkGarden(garden({ 'bits/prose.md': text }), { editorial: true })).toEqual([
        warning('bits/prose.md', '(body)', 'a bit without code or formula (expected a code block or math; a note of prose only reads better as a short)', 5),
      ]);
    });

    it('leave drafts alone, but count their tags', () => {
      const draft = md('---', 'title: Draft', 'tags: [python, only-here]', 'draft: true', '---', 'Words.');
      expect(checkGarden(garden({ 'bits/draft.md': draft }), { editorial: true })).toEqual([]);
    });

    it('are told apart from other warnings', () => {
      const problems = checkGarden(
        garden({ 'bits/prose.md': md('---', 'title: Prose', 'tags: [numerix]', '---', '```brainfudge', '+', '```') }),
        { editorial: true },
      );
      expect(problems.map((p) => [p.field, isEditorial(p)])).toEqual([
        ['code', false],
        ['tags', true],
      ]);
      expect(isEditorial(error('bits/x.md', 'tags', 'expected a list'))).toBe(false);
    });
  });
});
