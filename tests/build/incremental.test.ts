import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGarden, OUTPUT, type BuildResult } from '../helpers/build';
import { exists, listFiles, read } from '../helpers/files';
import { FIXTURE_SITE } from '../helpers/fixture-site';

/**
 * Astro's incremental build reuses a page from the previous build while its
 * cacheKey (src/lib/pages.ts) is unchanged, leaving it in the output folder
 * when that folder is as the last build left it (src/build/keep-output.ts).
 * After edits that reach other pages (a retitled note others link to, a note
 * turned draft, a new tag, a new quiz fact, an edited chapter), a build that
 * reuses the cache must write exactly what a cold build of the edited garden
 * writes, byte for byte, and nothing more. On a copy of the fixture garden
 * (tests/fixtures/site).
 */
const GARDEN = join(OUTPUT, 'incremental-garden');
const CACHE = join(OUTPUT, 'incremental-cache');
// Both builds write here, as `npm run build` writes to dist/ each time.
const DIST = join(OUTPUT, 'incremental-dist');
let first: BuildResult;
let firstHadDraftedPage: boolean;
let incremental: BuildResult;
let cold: BuildResult;
let afterTampering: BuildResult;
/** The rendered-note cache entries (their keys) after the first build, and the HTML of the chapter edited before the second. */
let entriesAfterFirst: string[];
let editedChapterEntry: string;

/** The keys of the rendered-note cache's entries (src/build/note-cache.ts): one metadata file each. */
function noteCacheEntries(): string[] {
  return listFiles(join(CACHE, 'garden-notes'))
    .map((file) => /([0-9a-f]{32})\.json$/.exec(file)?.[1])
    .filter((key): key is string => key !== undefined)
    .sort();
}

function edit(path: string, change: (text: string) => string): void {
  const file = join(GARDEN, path);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${path} changed nothing`);
  writeFileSync(file, after);
}

beforeAll(async () => {
  rmSync(GARDEN, { recursive: true, force: true });
  rmSync(CACHE, { recursive: true, force: true });
  rmSync(DIST, { recursive: true, force: true });
  cpSync(FIXTURE_SITE, GARDEN, { recursive: true });
  first = await buildGarden('incremental-first', GARDEN, { GARDEN_CACHE_DIR: CACHE, GARDEN_OUT_DIR: DIST });
  firstHadDraftedPage = exists(DIST, 'bits/upsert-with-on-conflict/index.html');
  entriesAfterFirst = noteCacheEntries();
  // The chapter edited below: the one rendering with its first heading.
  editedChapterEntry = entriesAfterFirst.find((key) => read(join(CACHE, 'garden-notes', key.slice(0, 2)), `${key}.html`).includes('id="a-tree-of-pages"')) ?? '';

  // Linked from three chapters: their link text, backlinks and the listings change with it.
  edit('shorts/write-amplification.md', (t) => t.replace('title: Write Amplification in One Ratio', 'title: Write amplification as a single ratio'));
  edit('bits/upsert-with-on-conflict.md', (t) => t.replace(/^---\n/, '---\ndraft: true\n'));
  edit('bits/running-total-with-a-window.md', (t) => t.replace('tags: [sql, window-functions]', 'tags: [sql, window-functions, ledgers]'));
  edit('quiz/storage-engines-01.yaml', (t) => `${t.trimEnd()}\n  - question: What names a row from outside its page?\n    answer: Its page number and slot number\n    explanation: Indexes store this pair, so a row can move within its page without any index changing.\n`);
  // Embedded in the LSM chapter (![[bloom-filter-false-positive-rate]]): the chapter shows the new text though its own file is unchanged.
  edit('bits/bloom-filter-false-positive-rate.md', (t) => t.replace('# (9585059, 7): about 9.6 bits per key', '# (9585059, 7): nearly ten bits for each key'));
  edit('chapters/storage-engines/02-b-tree-indexes.md', (t) => `${t.trimEnd()}\n\nA closing paragraph added between builds.\n`);

  incremental = { ...(await buildGarden('incremental-second', GARDEN, { GARDEN_CACHE_DIR: CACHE, GARDEN_OUT_DIR: DIST })), outDir: DIST };
  cold = await buildGarden('incremental-cold', GARDEN);
}, 300_000);

describe('a rebuild after edits', () => {
  it('reuses the pages the edits did not reach', () => {
    expect(first.code, first.output).toBe(0);
    expect(incremental.code, incremental.output).toBe(0);
    expect(cold.code, cold.output).toBe(0);
    // Left where they were, not copied back from the cache.
    const reused = incremental.output.match(/\(cached\)/g)?.length ?? 0;
    expect(reused).toBeGreaterThan(30);
    expect(incremental.output).not.toMatch(/\(restored\)/);
    expect(cold.output).not.toMatch(/\((?:restored|cached)\)/);
    // The edited pages were drawn again, not copied.
    for (const page of ['shorts/write-amplification/', 'tags/ledgers/', 'cheatsheets/storage-engines/01-pages-and-records/']) {
      expect(incremental.output).toContain(`/${page}index.html`);
      expect(incremental.output).not.toContain(`/${page}index.html (restored)`);
    }
  });

  it('writes exactly what a cold build of the edited garden writes', () => {
    const files = listFiles(cold.outDir);
    expect(listFiles(incremental.outDir)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(join(cold.outDir, file)).equals(readFileSync(join(incremental.outDir, file))));
    expect(differing).toEqual([]);
  });

  it('shows the edits', () => {
    expect(firstHadDraftedPage).toBe(true);
    expect(exists(incremental.outDir, 'bits/upsert-with-on-conflict/index.html')).toBe(false);
    expect(read(incremental.outDir, 'shorts/write-amplification/index.html')).toContain('Write amplification as a single ratio');
    expect(read(incremental.outDir, 'tags/ledgers/index.html')).toContain('Running total with a window function');
    expect(read(incremental.outDir, 'cheatsheets/storage-engines/01-pages-and-records/index.html')).toContain('What names a row from outside its page?');
    expect(read(incremental.outDir, 'cheatsheets/storage-engines/02-b-tree-indexes/index.html')).toContain('A closing paragraph added between builds.');
    const embedding = read(incremental.outDir, 'cheatsheets/storage-engines/03-lsm-trees/index.html');
    expect(embedding).toContain('aria-label="Embedded from Bloom filter false-positive rate"');
    expect(embedding).toContain('nearly ten bits for each key');
    expect(embedding).not.toContain('about 9.6 bits per key');
  });

  it("removes the edited notes' old renderings from the note cache, and keeps one entry per note", () => {
    const after = noteCacheEntries();
    const gone = entriesAfterFirst.filter((key) => !after.includes(key));
    // The edited chapter, and the notes whose link to the retitled short shows its new title.
    expect(gone.length).toBeGreaterThan(1);
    expect(editedChapterEntry).not.toBe('');
    expect(after).not.toContain(editedChapterEntry);
    const notes = listFiles(GARDEN).filter((file) => /^(bits|shorts)\/[^/]+\.md$|^chapters\/[^/]+\/[^/]+\.md$/.test(file) && !/\/(_|README)/.test(file));
    expect(after.length).toBe(notes.length);
  });

  it('keeps no note bodies in the content store, which Astro bundles into the build', () => {
    const store = readFileSync(join(CACHE, 'data-store.json'), 'utf8');
    // Booleans, so a failure does not print the whole store.
    expect(store.includes('Write amplification as a single ratio')).toBe(true);
    expect(store.includes('A closing paragraph added between builds.')).toBe(false);
  });
});

describe('a rebuild into an output folder changed since the last build', () => {
  beforeAll(async () => {
    writeFileSync(join(DIST, 'stray.html'), '<p>Not made by the build</p>');
    writeFileSync(join(DIST, 'bits/keyset-pagination/index.html'), '<p>Edited by hand</p>');
    afterTampering = { ...(await buildGarden('incremental-third', GARDEN, { GARDEN_CACHE_DIR: CACHE, GARDEN_OUT_DIR: DIST })), outDir: DIST };
  }, 300_000);

  it('starts from an empty folder and copies the reused pages back from the cache', () => {
    expect(afterTampering.code, afterTampering.output).toBe(0);
    expect(afterTampering.output).toMatch(/\(restored\)/);
    expect(afterTampering.output).not.toMatch(/\(cached\)/);
    const files = listFiles(cold.outDir);
    expect(listFiles(DIST)).toEqual(files);
    expect(files.filter((file) => !readFileSync(join(cold.outDir, file)).equals(readFileSync(join(DIST, file))))).toEqual([]);
  });
});
