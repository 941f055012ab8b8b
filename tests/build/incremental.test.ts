import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGarden, OUTPUT, ROOT, type BuildResult } from '../helpers/build';
import { exists, listFiles, read } from '../helpers/files';

/**
 * Astro's incremental build reuses a page from the previous build while its
 * cacheKey (src/lib/pages.ts) is unchanged, leaving it in the output folder
 * when that folder is as the last build left it (src/build/keep-output.ts).
 * After edits that reach other pages (a retitled note others link to, a note
 * turned draft, a new tag, a new quiz fact, an edited chapter), a build that
 * reuses the cache must write exactly what a cold build of the edited garden
 * writes, byte for byte, and nothing more.
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
  cpSync(join(ROOT, 'content'), GARDEN, { recursive: true });
  first = await buildGarden('incremental-first', GARDEN, { GARDEN_CACHE_DIR: CACHE, GARDEN_OUT_DIR: DIST });
  firstHadDraftedPage = exists(DIST, 'bits/reservoir-sampling/index.html');
  entriesAfterFirst = noteCacheEntries();
  // The chapter edited below: the one rendering with its first heading.
  editedChapterEntry = entriesAfterFirst.find((key) => read(join(CACHE, 'garden-notes', key.slice(0, 2)), `${key}.html`).includes('id="the-function-view"')) ?? '';

  // Linked from four notes: their link text, backlinks and the listings change with it.
  edit('shorts/kv-cache-formula.md', (t) => t.replace('title: Sizing the KV Cache with One Formula', 'title: KV cache size in one product'));
  edit('bits/reservoir-sampling.md', (t) => t.replace(/^---\n/, '---\ndraft: true\n'));
  edit('bits/stratified-k-fold.md', (t) => t.replace('tags: [data, statistics]', 'tags: [data, statistics, evaluation]'));
  edit('quiz/ml-foundations-01.yaml', (t) => `${t.trimEnd()}\n  - question: What does a stride of 0 along an axis mean?\n    answer: Every index along it reads the same element\n    explanation: Broadcast views repeat data without copying it by giving the stretched axis a stride of 0.\n`);
  // Embedded in the loss chapter (![[gradient-clipping-by-global-norm]]): the chapter shows the new text though its own file is unchanged.
  edit('bits/gradient-clipping-by-global-norm.md', (t) => t.replace('# log the pre-clip norm', '# log the norm before clipping'));
  edit('chapters/ml-foundations/02-forward-pass.md', (t) => `${t.trimEnd()}\n\nA closing paragraph added between builds.\n`);

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
    for (const page of ['shorts/kv-cache-formula/', 'tags/evaluation/', 'cheatsheets/ml-foundations/01-tensors/']) {
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
    expect(exists(incremental.outDir, 'bits/reservoir-sampling/index.html')).toBe(false);
    expect(read(incremental.outDir, 'shorts/kv-cache-formula/index.html')).toContain('KV cache size in one product');
    expect(read(incremental.outDir, 'tags/evaluation/index.html')).toContain('Stratified k-fold for imbalanced labels');
    expect(read(incremental.outDir, 'cheatsheets/ml-foundations/01-tensors/index.html')).toContain('What does a stride of 0 along an axis mean?');
    expect(read(incremental.outDir, 'cheatsheets/ml-foundations/02-forward-pass/index.html')).toContain('A closing paragraph added between builds.');
    const embedding = read(incremental.outDir, 'cheatsheets/ml-foundations/04-loss-and-optimization/index.html');
    expect(embedding).toContain('aria-label="Embedded from Gradient clipping by global norm"');
    expect(embedding).toContain('log the norm before clipping');
    expect(embedding).not.toContain('log the pre-clip norm');
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
    expect(store.includes('KV cache size in one product')).toBe(true);
    expect(store.includes('A closing paragraph added between builds.')).toBe(false);
  });
});

describe('a rebuild into an output folder changed since the last build', () => {
  beforeAll(async () => {
    writeFileSync(join(DIST, 'stray.html'), '<p>Not made by the build</p>');
    writeFileSync(join(DIST, 'bits/stratified-k-fold/index.html'), '<p>Edited by hand</p>');
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
