import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_MAX_BYTES, readGardenFiles } from '../../src/lib/check/read-garden';
import { checkGarden } from '../../src/lib/check/check';

let root: string;
let garden: string;

const FILES: Record<string, string> = {
  'parts.yaml': '- id: basics\n  number: 1\n  title: Basics\n',
  'bits/a-bit.md': '---\ntitle: A bit\ntags: [python]\n---\nBody with ünïcode — and $x$.\n',
  'shorts/a-short.md': '---\ntitle: A short\nsummary: S.\ndate: 2026-06-07\ntags: [llm]\n---\nBody.\n',
  'chapters/basics/01-intro.md': '---\ntitle: Intro\npart: basics\nchapter: 1\n---\n## Section\n',
  'quiz/basics-01.yaml': 'chapter: basics/01-intro\nfacts:\n  - question: Q\n    answer: 3\n    explanation: E\n',
  'README.md': '# My garden\n',
  '.hidden': 'x',
};

function write(dir: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'garden-read-'));
  garden = join(root, 'content');
  write(garden, FILES);
  mkdirSync(join(garden, 'empty-folder'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('DEFAULT_MAX_BYTES', () => {
  it('is 2 MiB', () => {
    expect(DEFAULT_MAX_BYTES).toBe(2 * 1024 * 1024);
  });
});

describe('readGardenFiles', () => {
  it('reads every file, sorted by path, with paths under the garden and display paths from cwd', () => {
    const files = readGardenFiles(garden, root);
    expect(files.map((f) => [f.path, f.displayPath])).toEqual([
      ['.hidden', 'content/.hidden'],
      ['bits/a-bit.md', 'content/bits/a-bit.md'],
      ['chapters/basics/01-intro.md', 'content/chapters/basics/01-intro.md'],
      ['parts.yaml', 'content/parts.yaml'],
      ['quiz/basics-01.yaml', 'content/quiz/basics-01.yaml'],
      ['README.md', 'content/README.md'],
      ['shorts/a-short.md', 'content/shorts/a-short.md'],
    ]);
  });

  it('reads the text as UTF-8 and records the size in bytes', () => {
    const bit = readGardenFiles(garden, root).find((f) => f.path === 'bits/a-bit.md');
    expect(bit?.text).toBe(FILES['bits/a-bit.md']);
    expect(bit?.size).toBe(Buffer.byteLength(FILES['bits/a-bit.md']!, 'utf8'));
    expect(bit?.size).toBeGreaterThan(FILES['bits/a-bit.md']!.length);
    expect(bit?.invalidUtf8).toBeUndefined();
  });

  it('lists the files the garden ignores without reading them', () => {
    const files = readGardenFiles(garden, root);
    expect(files.find((f) => f.path === 'README.md')?.text).toBe('');
    expect(files.find((f) => f.path === '.hidden')?.text).toBe('');
  });

  it('does not read a content file over maxBytes, but keeps its size', () => {
    const files = readGardenFiles(garden, root, { maxBytes: 60 });
    const parts = files.find((f) => f.path === 'parts.yaml');
    const bit = files.find((f) => f.path === 'bits/a-bit.md');
    expect(parts).toEqual({ path: 'parts.yaml', displayPath: 'content/parts.yaml', text: FILES['parts.yaml'], size: FILES['parts.yaml']!.length });
    expect(bit).toEqual({ path: 'bits/a-bit.md', displayPath: 'content/bits/a-bit.md', text: '', size: Buffer.byteLength(FILES['bits/a-bit.md']!, 'utf8') });
  });

  it('shows absolute paths when the garden is outside the working directory', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'garden-cwd-'));
    try {
      const files = readGardenFiles(garden, elsewhere);
      expect(files.find((f) => f.path === 'parts.yaml')?.displayPath).toBe(join(garden, 'parts.yaml'));
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('returns nothing for a folder that does not exist', () => {
    expect(readGardenFiles(join(root, 'missing'), root)).toEqual([]);
  });

  it('returns nothing for an empty folder', () => {
    expect(readGardenFiles(join(garden, 'empty-folder'), root)).toEqual([]);
  });

  it('feeds the checker a garden it finds no fault with', () => {
    expect(checkGarden(readGardenFiles(garden, root))).toEqual([]);
  });

  describe('a file that is not UTF-8', () => {
    let dir: string;
    beforeAll(() => {
      dir = join(root, 'encodings');
      mkdirSync(join(dir, 'bits'), { recursive: true });
      // "café" in Latin-1 on line 2: 0xE9 is the fifth character of "café".
      writeFileSync(join(dir, 'bits/latin1.md'), Buffer.concat([Buffer.from('---\ntitle: caf'), Buffer.from([0xe9]), Buffer.from('\ntags: [a]\n---\n')]));
      writeFileSync(join(dir, 'bits/utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\n', 'utf16le')]));
    });

    it('carries where it breaks instead of its text', () => {
      const latin1 = readGardenFiles(dir, root).find((f) => f.path === 'bits/latin1.md');
      expect(latin1).toEqual({
        path: 'bits/latin1.md',
        displayPath: 'encodings/bits/latin1.md',
        text: '',
        size: 30,
        invalidUtf8: { offset: 14, line: 2, column: 11, byte: 0xe9 },
      });
    });

    it('says when the file is UTF-16', () => {
      const utf16 = readGardenFiles(dir, root).find((f) => f.path === 'bits/utf16.md');
      expect(utf16?.text).toBe('');
      expect(utf16?.invalidUtf8).toMatchObject({ offset: 0, line: 1, column: 1, byte: 0xff, utf16: true });
    });

    it('is reported by the checker on its line', () => {
      const problems = checkGarden(readGardenFiles(dir, root));
      expect(problems.map((p) => [p.file, p.line, p.field])).toEqual([
        ['encodings/bits/latin1.md', 2, '(encoding)'],
        ['encodings/bits/utf16.md', 1, '(encoding)'],
      ]);
    });
  });

  it.each([
    ['a trailing slash', () => `${garden}/`],
    ['a non-normalised path', () => join(garden, 'bits') + '/../'],
  ])('gives the same paths for a garden folder written with %s', (_name, dir) => {
    const expected = readGardenFiles(garden, root).map((f) => f.path);
    expect(readGardenFiles(dir(), root).map((f) => f.path)).toEqual(expected);
  });
});
