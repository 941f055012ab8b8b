/**
 * Draws Mermaid diagrams at build time for rehype-mermaid.ts: Mermaid needs a
 * browser to lay text out, so this runs it in a headless chromium (Debian's,
 * never a downloaded one) through playwright-core, and caches each diagram's
 * two SVGs (light and dark theme) in `garden-diagrams/` under the build's
 * cache folder, keyed by the diagram's source, Mermaid's version, the
 * theme settings and the browser (`browserIdentity`: labels are measured with
 * its fonts and text layout, so another chromium may draw other SVGs). A build whose diagrams are all cached never starts the
 * browser; one that starts it closes it once idle (IDLE_MS) and when the
 * build ends.
 *
 * Without chromium (`GARDEN_CHROMIUM`, else /usr/bin/chromium), `render`
 * gives undefined and the diagrams are shown as their source, with one
 * warning: `npm run build` works on a machine without a browser.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DIAGRAM_ID, DiagramSyntaxError, type DiagramRenderer, type DiagramSvgs } from '../lib/markdown/rehype-mermaid';
import { writeFileAtomic } from './cache-file';
import { mermaidErrorReason } from '../lib/check/diagrams';

const require = createRequire(import.meta.url);
const MERMAID_VERSION = (require('mermaid/package.json') as { version: string }).version;
const MERMAID_SCRIPT = join(require.resolve('mermaid/package.json'), '..', 'dist', 'mermaid.min.js');

/** Mermaid's settings for each theme; part of every cache key. The font is the site's (global.css), so labels are measured in it. */
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const THEMES = { light: { theme: 'default' }, dark: { theme: 'dark' } } as const;
// A fixed seed: Mermaid draws some shapes' outlines with random control points, and two builds must write the same bytes.
const SETTINGS = { startOnLoad: false, securityLevel: 'strict', fontFamily: FONT, htmlLabels: false, handDrawnSeed: 1 } as const;

/** The browser is closed after this long without a diagram to draw. */
const IDLE_MS = 3000;

export function defaultChromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.GARDEN_CHROMIUM || '/usr/bin/chromium';
}

/** A diagram's cache key: its source, Mermaid's version, the settings it is drawn with and the browser that draws it. */
export function diagramKey(source: string, browser = ''): string {
  return createHash('sha256').update(`${MERMAID_VERSION}\0${JSON.stringify([SETTINGS, THEMES])}\0${browser}\0${source}`).digest('hex').slice(0, 32);
}

/**
 * Which browser `chromium` is, without starting it (`chromium --version`
 * would cost every build ≈ 60 ms): the file the path leads to, its size and
 * its time. A package upgrade writes new files, so a new chromium gives a new
 * identity; undefined when there is no such file.
 */
export function browserIdentity(chromium: string): string | undefined {
  if (!chromium) return undefined;
  try {
    const path = realpathSync(chromium);
    const stats = statSync(path);
    return stats.isFile() ? `${path} ${stats.size} ${Math.round(stats.mtimeMs)}` : undefined;
  } catch {
    return undefined;
  }
}

export interface MermaidRendererOptions {
  /** The build's cache folder; diagrams go in its `garden-diagrams/`. */
  cacheDir: string;
  chromium?: string;
  /** Told once when diagrams are shown as source for want of a browser. */
  warn?: (message: string) => void;
}

export class MermaidRenderer implements DiagramRenderer {
  readonly dir: string;
  readonly chromium: string;
  /** Whether a browser is there to draw with: decided once, as the build starts. */
  readonly available: boolean;
  /** The browser that draws, part of every diagram's key (browserIdentity); empty when there is none. */
  readonly browserId: string;
  /** Diagrams drawn (not found in the cache) and the time the browser took to start, for the build's log and the bench. */
  drawn = 0;
  startMs = 0;
  private readonly used = new Set<string>();
  private page: Promise<Page> | undefined;
  private browser: Browser | undefined;
  private idle: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private warned = false;
  private readonly warn: (message: string) => void;

  constructor(options: MermaidRendererOptions) {
    this.dir = join(options.cacheDir, 'garden-diagrams');
    this.chromium = options.chromium ?? defaultChromiumPath();
    this.browserId = browserIdentity(this.chromium) ?? '';
    this.available = this.browserId !== '';
    this.warn = options.warn ?? ((message) => console.warn(message));
  }

  private file(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  /** Whether this diagram was drawn before (so it parses). */
  has(source: string): boolean {
    return existsSync(this.file(diagramKey(source, this.browserId)));
  }

  async render(source: string): Promise<DiagramSvgs | undefined> {
    const key = diagramKey(source, this.browserId);
    this.used.add(key);
    try {
      return JSON.parse(readFileSync(this.file(key), 'utf8')) as DiagramSvgs;
    } catch {
      // Not cached yet.
    }
    if (!this.available) {
      if (!this.warned) this.warn(`Mermaid diagrams are shown as their source: no browser to draw them at ${this.chromium} (install chromium, or set GARDEN_CHROMIUM to its path)`);
      this.warned = true;
      return undefined;
    }
    // One diagram at a time: Mermaid's settings are global to the page.
    const drawing = this.queue.then(() => this.draw(source));
    this.queue = drawing.catch(() => {});
    const svgs = await drawing;
    writeFileAtomic(this.file(key), JSON.stringify(svgs));
    this.drawn++;
    return svgs;
  }

  private async draw(source: string): Promise<DiagramSvgs> {
    clearTimeout(this.idle);
    const page = await (this.page ??= this.open());
    try {
      const result = await page.evaluate(
        async ({ source, id, settings, themes }): Promise<{ ok: true; svgs: DiagramSvgs } | { ok: false; error: string; line: number | undefined }> => {
          const mermaid = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;
          const svgs: Record<string, string> = {};
          for (const [name, theme] of Object.entries(themes)) {
            mermaid.initialize({ ...settings, ...theme });
            try {
              svgs[name] = (await mermaid.render(id, source)).svg;
            } catch (error) {
              const e = error as { message?: string; hash?: { loc?: { first_line?: number }; line?: number } };
              const line = e.hash?.loc?.first_line ?? (e.hash?.line === undefined ? undefined : e.hash.line + 1) ?? Number(/on line (\d+)/.exec(e.message ?? '')?.[1]);
              return { ok: false, error: String(e.message ?? error), line: Number.isFinite(line) ? line : undefined };
            }
          }
          return { ok: true, svgs: svgs as unknown as DiagramSvgs };
        },
        { source, id: DIAGRAM_ID, settings: SETTINGS, themes: THEMES },
      );
      if (!result.ok) throw new DiagramSyntaxError(`Mermaid cannot parse the diagram: ${mermaidErrorReason(result.error)} (expected a valid Mermaid diagram)`, result.line);
      return result.svgs;
    } finally {
      this.idle = setTimeout(() => void this.close(), IDLE_MS);
    }
  }

  private async open(): Promise<Page> {
    const started = performance.now();
    // Loaded only here, so a build whose diagrams are all cached never loads playwright; require(), not import():
    // astro.config's module runner is closed by the time a diagram is drawn.
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    this.browser = await chromium.launch({ executablePath: this.chromium, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    const page = await this.browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID_SCRIPT });
    this.startMs += performance.now() - started;
    return page;
  }

  async close(): Promise<void> {
    clearTimeout(this.idle);
    const browser = this.browser;
    this.browser = undefined;
    this.page = undefined;
    await browser?.close();
  }

  /**
   * Once a build is done: removes the diagrams no note used, given the
   * sources the cached notes drew (their metadata) on top of the ones this
   * renderer drew or read itself. Returns how many it removed.
   */
  prune(sources: Iterable<string>): number {
    const keep = new Set(this.used);
    for (const source of sources) keep.add(diagramKey(source, this.browserId));
    let removed = 0;
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      if (keep.has(name.replace(/\.json$/, ''))) continue;
      unlinkSync(join(this.dir, name));
      removed++;
    }
    if (removed === names.length) rmdirSync(this.dir);
    return removed;
  }
}

/** The little of Mermaid's browser API this uses. */
interface MermaidApi {
  initialize(config: object): void;
  render(id: string, source: string): Promise<{ svg: string }>;
}
