import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGarden, ROOT } from '../helpers/build';
import { hashTree, runCheck, runScript } from '../helpers/check';
import { exists, listFiles, read } from '../helpers/files';

/** `npm run import` on a small vault (tests/fixtures/vault): flat notes without frontmatter, #tags, wikilinks, an image, Obsidian's own folder. */
const VAULT = join(ROOT, 'tests/fixtures/vault');
const RULES = ['--bits', 'snippets', '--chapters', 'ML=ml-basics'];
let work: string;
let garden: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'author-import-'));
  garden = join(work, 'garden');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const importVault = (...args: string[]) => runScript('scripts/import.ts', [VAULT, '--into', garden, ...RULES, ...args]);

const EXPECTED = [
  'bits/binary-search.md',
  'chapters/ml-basics/01-broadcasting.md',
  'chapters/ml-basics/02-tensors.md',
  'parts.yaml',
  'shorts/attention-shapes.md',
  'shorts/diagram.png',
  'shorts/reading-list.md',
];

describe('npm run import', () => {
  it('shows what it would create and writes nothing without --write', async () => {
    const before = hashTree(VAULT);
    const result = await importVault();
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('(a dry run: nothing is written; add --write to write)');
    expect(result.output).toMatch(/create \S*garden\/shorts\/reading-list\.md\s+← Reading list\.md/);
    expect(result.output).toMatch(/copy {3}\S*garden\/shorts\/diagram\.png\s+← attachments\/diagram\.png/);
    expect(result.output).toContain('Reading list.md: [[Quantisation]]: no such note in the folder, kept as text');
    expect(result.output).toContain('Board.canvas: not a Markdown note or an image: left out');
    expect(result.output).toContain('attachments/unused.png: an image no note shows: left out');
    expect(result.output).toContain('Would write 7 files');
    expect(listFiles(work)).toEqual([]);
    expect(hashTree(VAULT)).toBe(before);
  });

  it('with --write, creates the notes, the part and the image, and the garden checks clean', async () => {
    const before = hashTree(VAULT);
    const result = await importVault('--write');
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('Wrote 7 files; 0 files already in the garden');
    expect(listFiles(garden)).toEqual(EXPECTED);
    const short = readFileSync(join(garden, 'shorts/reading-list.md'), 'utf8');
    expect(short).toMatch(/^---\ntitle: Reading list\nsummary: 'Papers to read this month on #retrieval and #llm serving\.'\ndate: \d{4}-\d\d-\d\d\ntags: \[retrieval, llm\]\n---\n/);
    expect(short).toContain('[[attention-shapes]] first, then [[ml-basics/02-tensors|the tensors chapter]]');
    expect(short).toContain('![diagram](diagram.png)');
    expect(readFileSync(join(garden, 'bits/binary-search.md'), 'utf8')).toContain('title: Binary search with a safe midpoint\ntags: [algorithms, python]\nwhy: lo + (hi - lo) // 2 cannot overflow.\ndate: 2026-01-15\n');
    expect(readFileSync(join(garden, 'chapters/ml-basics/01-broadcasting.md'), 'utf8')).toContain('[[ml-basics/02-tensors#rank-and-shape]] and [[reading-list|the reading list]]');
    expect(readFileSync(join(garden, 'shorts/diagram.png'))).toEqual(readFileSync(join(VAULT, 'attachments/diagram.png')));
    expect(hashTree(VAULT)).toBe(before);

    const check = await runCheck(garden);
    expect(check.code, check.output).toBe(0);
    expect(check.output).toMatch(/✓ 0 errors, 0 warnings/);
  });

  it('publishes the imported image on the page of the note that shows it', async () => {
    const build = await buildGarden('import-cli', garden);
    expect(build.code, build.output).toBe(0);
    const page = read(build.outDir, 'shorts/reading-list/index.html');
    const shown = /<a class="note-image" href="\/(_astro\/diagram\.[\w-]+\.png)"><img alt="diagram" [^>]*width="1" height="1" src="\/(_astro\/diagram\.[\w-]+\.webp)"/.exec(page);
    expect(shown, page).not.toBeNull();
    expect(exists(build.outDir, shown![1]!)).toBe(true);
    expect(exists(build.outDir, shown![2]!)).toBe(true);
  }, 180_000);

  it('run again, overwrites nothing and writes nothing new', async () => {
    const before = hashTree(garden);
    const result = await importVault('--write');
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('Wrote 0 files; 6 files already in the garden');
    expect(result.output).toMatch(/exists \S*garden\/shorts\/reading-list\.md {2}\(left as it is\)/);
    expect(hashTree(garden)).toBe(before);
  });

  it('never writes into the folder it reads', async () => {
    const result = await runScript('scripts/import.ts', [VAULT, '--into', join(VAULT, 'garden'), '--write']);
    expect(result.code).toBe(1);
    expect(result.output).toContain('must not contain one another: the import never writes into the folder it reads');
    expect(listFiles(VAULT)).not.toContainEqual(expect.stringMatching(/^garden\//));
  });

  it('explains itself', async () => {
    const result = await runScript('scripts/import.ts', ['--help']);
    expect(result.code).toBe(0);
    expect(result.output).toContain('Usage: npm run import -- <folder>');
  });
});
