/**
 * Renders the garden's .md notes for Astro's content layer, fast:
 * - each note is rendered once per change (NoteCache, keyed by its inputs),
 *   and its HTML stays in the cache folder rather than in Astro's content
 *   store, which the build bundles into a JavaScript module (NoteBody.astro
 *   reads it back);
 * - `prefetch()`, called as the build starts, lists the notes the cache lacks
 *   and hands them to one worker thread per core, so they render while the
 *   main thread checks the garden and Astro sets itself up;
 * - a handful of misses (an edited note) render in this thread, without
 *   paying for workers;
 * - once a build is done, `pruneCache()` removes the entries it did not use.
 * .mdx files and Markdown outside the garden's notes keep Astro's unified
 * processor, which garden-processor.ts wraps.
 */
import { NOTE_COLLECTIONS } from '../lib/collections';
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { embedClosure, gardenBodyReader } from '../lib/links/embeds';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
// Astro's own front-matter split, from the package Astro's content layer takes it from (not @astrojs/markdown-remark, which loads much more).
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { linkTargetsDigest, type LinkTarget } from '../lib/links/targets';
// Imported up front: astro.config is loaded by a module runner that is closed once the config is read.
import { createNotePipeline } from '../lib/markdown/note-pipeline';
import { searchKindOf } from '../lib/markdown/note-search';
import type { GardenSnapshot } from './link-targets';
import { isGardenNote, NoteCache, type CachedNote } from './note-cache';
import type { FileMemo } from './file-memo';
import { RenderPool, type PoolJob } from './render-pool';
import type { MermaidRenderer } from './diagram-renderer';

/** A ```mermaid (or ~~~mermaid) fence: such a note renders on the main thread, whose one browser draws every diagram. */
const DIAGRAM_FENCE = /^[ \t]*(?:`{3,}|~{3,})[ \t]*mermaid\b/m;

export interface NoteRendererOptions {
  contentDir: string;
  /** Astro's cache folder for this garden; notes go in its `garden-notes/`. */
  cacheDir: string;
  /** The generator's folder, where scripts/render-worker.mjs is. */
  projectRoot: string;
  /** The code digest, base path included (code-digest.ts): a note's cache key starts from it. */
  digest: string;
  /** Remembers each note's cache key by its text (file-memo.ts), so an unchanged note is not parsed to find it. */
  memo?: FileMemo;
  /**
   * The link targets; `freeze`, when given, is called as a build starts, and
   * `snapshot` gives the files they were built from (src/build/link-targets.ts).
   */
  targets: (() => ReadonlyMap<string, LinkTarget>) & { freeze?: () => void; snapshot?: () => GardenSnapshot };
  /** Worker threads; default: one per core, at most 4 (0 renders in this thread). */
  workers?: number;
  /** Fewer misses than this render in this thread. */
  workerThreshold?: number;
  /** Draws the notes' Mermaid diagrams; without it they are shown as their source. */
  diagrams?: MermaidRenderer;
}

/** How many lines of the note's file come before its body (the frontmatter): 0 when it cannot be read. */
function linesAbove(body: string, filePath: string): number {
  try {
    const text = readFileSync(filePath, 'utf8');
    const start = body === '' ? -1 : text.indexOf(body);
    return start < 0 ? 0 : text.slice(0, start).split('\n').length - 1;
  } catch {
    return 0;
  }
}

export class NoteRenderer {
  readonly cache: NoteCache;
  private readonly contentDir: string;
  private readonly inFlight = new Map<string, Promise<CachedNote>>();
  private pool: RenderPool | undefined;
  private local?: ReturnType<typeof createNotePipeline>;
  /** The cache key of each edited note's previous rendering, from the last build's memo. */
  private readonly previousKeys = new Map<string, string>();
  /** The cache key of every note this process looked up or rendered: what pruneCache keeps; undefined until prefetch listed the notes. */
  private usedKeys: Set<string> | undefined;
  /** Notes that could not be rendered: Astro's content layer only logs them, so the build stops on them itself. */
  readonly failures: { filePath: string; message: string }[] = [];
  /** Notes rendered (not found in the cache) since start-up, for the build's log. */
  rendered = 0;
  /** Notes found in the cache that this process did not render itself: a note a worker rendered is counted once, as rendered. */
  reused = 0;
  private readonly renderedKeys = new Set<string>();

  private readonly options: NoteRendererOptions;

  constructor(options: NoteRendererOptions) {
    this.options = options;
    this.contentDir = resolve(options.contentDir);
    this.cache = new NoteCache(join(options.cacheDir, 'garden-notes'), this.contentDir, options.digest);
  }

  /**
   * What every note's HTML depends on besides its own file: the pipeline (the
   * note cache's digest) and what its links show (linkTargetsDigest). Astro's
   * content store is kept only while this stays the same (content-store.ts).
   */
  storeDigest(): string {
    const targets = this.options.targets();
    return `${this.cache.digest} ${linkTargetsDigest(targets)}${this.embedsDigest(targets)}${this.imagesDigest()}`;
  }

  /** The notes' images as files (NoteCache.imageSignature): Astro's store keeps a note only while its own file is unchanged. */
  private imagesDigest(): string {
    const hash = createHash('sha256');
    let any = false;
    for (const { path, text } of this.noteTexts()) {
      if (!text.includes('![')) continue;
      const signature = this.cache.imageSignature(text, path);
      if (signature === '') continue;
      any = true;
      hash.update(path).update(signature);
    }
    return any ? ` images ${hash.digest('hex').slice(0, 16)}` : '';
  }

  /** What the notes that embed others show of them (links/embeds.ts): Astro's store keeps a note only while its own file is unchanged. */
  private embedsDigest(targets: ReadonlyMap<string, LinkTarget>): string {
    const embedding = this.noteTexts().filter(({ text }) => text.includes('![['));
    if (embedding.length === 0) return '';
    const hash = createHash('sha256');
    const read = gardenBodyReader(this.contentDir);
    for (const { path, text } of embedding) {
      hash.update(path).update('\0');
      for (const embedded of embedClosure(text, targets, read)) hash.update(embedded.target.key).update('\0').update(embedded.body).update('\0');
    }
    return ` embeds ${hash.digest('hex').slice(0, 16)}`;
  }

  /** A build sees one garden: no more looking for changed files while it runs. */
  freezeTargets(): void {
    this.options.targets.freeze?.();
  }

  isNote(filePath: string): boolean {
    return isGardenNote(this.contentDir, filePath);
  }

  private get workerCount(): number {
    const configured = this.options.workers;
    return Math.max(0, Math.floor(configured ?? Math.min(4, availableParallelism())));
  }

  /**
   * Starts rendering every note the cache lacks, on worker threads, before
   * Astro asks for them. Returns how many were sent. Files that do not parse
   * are left to the checker and to Astro.
   */
  prefetch(): number {
    const targets = this.options.targets();
    // A remembered key holds while the link targets stay the same (the code digest guards the whole memo).
    const scope = linkTargetsDigest(targets);
    const used = (this.usedKeys ??= new Set());
    const misses: PoolJob[] = [];
    for (const { path, filePath, text } of this.noteTexts()) {
      try {
        const facts = this.options.memo?.of(path, text);
        // A file unchanged since the last build, with the same code and links, has the same key: no need to parse it again.
        // Not so for a note that embeds another or shows an image: its key holds the other's text, or the image file's identity, too (NoteCache.key).
        const known = facts?.note?.targets === scope && !text.includes('![') ? facts.note.key : undefined;
        if (known !== undefined && this.cache.has(known)) {
          used.add(known);
          continue;
        }
        // An edited note: its previous rendering still holds the code blocks the edit may not have touched.
        const previous = this.options.memo?.previous(path)?.note?.key;
        if (previous !== undefined) this.previousKeys.set(filePath, previous);
        const body = parseFrontmatter(text, { frontmatter: 'remove' }).content.trim();
        const key = this.cache.key(body, filePath, targets);
        if (facts) facts.note = { targets: scope, key };
        used.add(key);
        // A note with a diagram renders when Astro asks for it, here: one browser for the build, not one per worker.
        if (!this.inFlight.has(key) && !this.cache.get(key) && !DIAGRAM_FENCE.test(body)) misses.push({ key, body, filePath });
      } catch {
        continue;
      }
    }
    if (misses.length < (this.options.workerThreshold ?? 24) || this.workerCount === 0) return 0;
    this.pool?.stop();
    const diagrams = { cacheDir: this.options.cacheDir, chromium: this.options.diagrams?.chromium ?? '' };
    const setup = { contentDir: this.contentDir, cacheDir: this.cache.dir, digest: this.cache.digest, targets, diagrams };
    const fallback = async (job: PoolJob) => void this.cache.set(job.key, await this.renderLocally(job.body, job.filePath));
    const pool = new RenderPool(join(this.options.projectRoot, 'scripts/render-worker.mjs'), setup, misses, this.workerCount, fallback);
    this.pool = pool;
    pool.results.forEach((result, index) => {
      const { key } = misses[index]!;
      const job = result
        .then(() => {
          this.rendered++;
          this.renderedKeys.add(key);
          const cached = this.cache.get(key);
          if (!cached) throw new Error(`the render worker wrote no cache entry for ${key}`);
          return cached;
        })
        .finally(() => this.inFlight.delete(key));
      // A note that fails reports its error to the render that awaits it; a build stopped by the checker awaits none.
      job.catch(() => {});
      this.inFlight.set(key, job);
    });
    return misses.length;
  }

  /**
   * Once a build is done: removes the cache entries it did not use (notes
   * since edited or deleted, renderings made with other code). Nothing when
   * the notes were never listed (prefetch), since then unused is unknown.
   */
  pruneCache(): number {
    if (!this.usedKeys) return 0;
    const used = this.usedKeys;
    this.options.diagrams?.prune([...used].flatMap((key) => this.cache.get(key)?.diagrams ?? []));
    return this.cache.prune(used);
  }

  /** Every .md note's path in the garden, absolute path and text: as the link targets read it, else from the folder. */
  private noteTexts(): { path: string; filePath: string; text: string }[] {
    const snapshot = this.options.targets.snapshot?.();
    if (!snapshot) {
      return this.noteFiles().flatMap((filePath) => {
        try {
          return [{ path: this.cache.gardenPath(filePath), filePath, text: readFileSync(filePath, 'utf8') }];
        } catch {
          return [];
        }
      });
    }
    return snapshot.files
      .map((file) => ({ path: file.path, filePath: join(this.contentDir, file.path), text: file.text }))
      .filter((note) => note.text !== '' && this.isNote(note.filePath));
  }

  private noteFiles(): string[] {
    const list = (dir: string, depth: number): string[] => {
      try {
        return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) return depth > 0 ? list(path, depth - 1) : [];
          return entry.isFile() && entry.name.endsWith('.md') ? [path] : [];
        });
      } catch {
        return [];
      }
    };
    return NOTE_COLLECTIONS.flatMap((collection) => list(join(this.contentDir, collection.folder), collection.depth)).sort();
  }

  /** The note, from the cache, from a render already under way, or rendered now. */
  render(body: string, filePath: string): Promise<CachedNote> {
    const key = this.cache.key(body, filePath, this.options.targets());
    this.usedKeys?.add(key);
    const running = this.inFlight.get(key);
    if (running) return running;
    const cached = this.cache.get(key);
    if (cached) {
      if (!this.renderedKeys.has(key)) this.reused++;
      return Promise.resolve(cached);
    }
    const job = this.renderHere(key, body, filePath);
    this.inFlight.set(key, job);
    return job;
  }

  private async renderHere(key: string, body: string, filePath: string): Promise<CachedNote> {
    try {
      const note = this.cache.set(key, await this.renderLocally(body, filePath));
      this.rendered++;
      this.renderedKeys.add(key);
      return note;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async renderLocally(body: string, filePath: string) {
    // A few notes: Oniguruma, which needs no translating of the grammars first.
    this.local ??= createNotePipeline({ targets: this.options.targets, contentDir: this.contentDir }, 'oniguruma', this.options.diagrams);
    const previous = this.previousKeys.get(filePath);
    const code = previous === undefined ? undefined : this.cache.reusableCode(previous);
    return this.local(body, filePath, { search: searchKindOf(this.cache.gardenPath(filePath)), code, lineOffset: DIAGRAM_FENCE.test(body) ? linesAbove(body, filePath) : 0 });
  }

  get diagrams(): MermaidRenderer | undefined {
    return this.options.diagrams;
  }

  stopPool() {
    this.pool?.stop();
  }
}
