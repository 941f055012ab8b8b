/**
 * The rendered-note cache: a note's HTML is kept in a file of its own under the
 * build's cache folder, named by a hash of everything its HTML depends on —
 * the pipeline's code and packages, the site's base path, the note's path and
 * Markdown, and what each link it writes resolves to. A note whose inputs did
 * not change is never rendered again, and its HTML stays out of Astro's
 * content store (which the build bundles into one JavaScript module).
 */
import { createHash } from 'node:crypto';
import { filesDigest } from './code-digest';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { findLinks } from '../lib/links/find';
import { resolveFileLink, resolveWikiLink } from '../lib/links/resolve';
import type { LinkTarget } from '../lib/links/targets';
import type { NoteSearchText } from '../lib/markdown/note-search';
import { classifyGardenPath } from '../lib/paths';

export interface NoteMeta {
  headings: MarkdownHeading[];
  hasMath: boolean;
  /** The keys of its highlighted code blocks, in the order of their HTML (reusableCode). */
  codeKeys?: string[] | undefined;
}

export interface CachedNote extends NoteMeta {
  /** Absolute path of the file holding the note's HTML. */
  htmlPath: string;
  /** Absolute path of the file holding its searchable text (NoteSearchText as JSON), when there is one. */
  searchPath?: string | undefined;
}

/** The packages whose versions change rendered HTML. */
const PACKAGES = ['@astrojs/markdown-remark', 'katex', 'shiki', 'remark-math', 'rehype-katex', 'satteri', 'remark-smartypants', 'remark-rehype', 'rehype-stringify', 'rehype-raw', 'unified'];

/** A digest of the pipeline itself: its source files (src/lib/markdown, src/lib/links, src/lib/search), the packages' versions and the base path. */
export function pipelineDigest(projectRoot: string, base: string): string {
  // The searchable text and terms kept beside each note come from src/lib/search.
  const sources = filesDigest(projectRoot, ['src/lib/markdown', 'src/lib/links', 'src/site.config.ts', 'src/lib/search']);
  const hash = createHash('sha256').update(`base ${base}\n${sources}\n`);
  for (const name of PACKAGES) {
    try {
      hash.update(`${name}@${JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')).version}\n`);
    } catch {
      hash.update(`${name}@?\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** What every link in a note resolves to: a rendered note is reused only while this stays the same. */
export function linkSignature(body: string, fromPath: string, targets: ReadonlyMap<string, LinkTarget>): string {
  const options = { allowDrafts: true };
  return findLinks(body)
    .map((link) => {
      const resolution = link.kind === 'wiki' ? resolveWikiLink(link.target, targets, options) : resolveFileLink(link.target, fromPath, targets, options);
      if (!resolution) return `${link.target}\t-`;
      return resolution.ok ? `${link.target}\t${resolution.url}\t${resolution.target.title}\t${resolution.target.excerpt}` : `${link.target}\t!${resolution.reason}`;
    })
    .join('\n');
}

export class NoteCache {
  readonly dir: string;
  readonly digest: string;
  private readonly contentDir: string;

  constructor(dir: string, contentDir: string, digest: string) {
    this.dir = dir;
    this.contentDir = contentDir;
    this.digest = digest;
  }

  /** The note's path as the link resolver sees it: relative to the garden, with forward slashes. */
  gardenPath(filePath: string): string {
    return relative(this.contentDir, filePath).split(sep).join('/');
  }

  key(body: string, filePath: string, targets: ReadonlyMap<string, LinkTarget>): string {
    const path = this.gardenPath(filePath);
    return createHash('sha256').update(this.digest).update('\0').update(path).update('\0').update(body).update('\0').update(linkSignature(body, path, targets)).digest('hex').slice(0, 32);
  }

  private paths(key: string) {
    const folder = join(this.dir, key.slice(0, 2));
    return { folder, html: join(folder, `${key}.html`), meta: join(folder, `${key}.json`), search: join(folder, `${key}.search.json`) };
  }

  /** The metadata is written last (set), so an entry that has it is whole. */
  has(key: string): boolean {
    return existsSync(this.paths(key).meta);
  }

  get(key: string): CachedNote | undefined {
    const { html, meta, search } = this.paths(key);
    try {
      const parsed = JSON.parse(readFileSync(meta, 'utf8')) as NoteMeta;
      return existsSync(html) ? { ...parsed, htmlPath: html, searchPath: existsSync(search) ? search : undefined } : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The highlighted code blocks of a stored note, as HTML by their key, for
   * rendering an edited version of it: the blocks are the `<pre
   * class="astro-code">` elements of its HTML, in order, and are not offered
   * at all unless there are exactly as many as the keys.
   */
  reusableCode(key: string): Map<string, string> | undefined {
    const note = this.get(key);
    if (!note?.codeKeys?.length) return undefined;
    try {
      const blocks = readFileSync(note.htmlPath, 'utf8').match(/<pre class="astro-code[^"]*"[\s\S]*?<\/pre>/g) ?? [];
      return blocks.length === note.codeKeys.length ? new Map(note.codeKeys.map((codeKey, index) => [codeKey, blocks[index]!])) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Writes each file atomically (temporary file, then rename), the metadata
   * last, so a build that stops half-way leaves no torn entry.
   */
  set(key: string, note: NoteMeta & { html: string; search?: NoteSearchText | undefined }): CachedNote {
    const { folder, html, meta, search } = this.paths(key);
    mkdirSync(folder, { recursive: true });
    const tmp = `.${process.pid}-${Math.random().toString(36).slice(2)}`;
    const write = (path: string, text: string) => {
      writeFileSync(path + tmp, text);
      renameSync(path + tmp, path);
    };
    write(html, note.html);
    if (note.search) write(search, JSON.stringify(note.search));
    const data: NoteMeta = { headings: note.headings, hasMath: note.hasMath, ...(note.codeKeys?.length ? { codeKeys: note.codeKeys } : {}) };
    write(meta, JSON.stringify(data));
    return { ...data, htmlPath: html, searchPath: note.search ? search : undefined };
  }
}

/** Whether a file is one of the garden's Markdown notes (bits, shorts, chapters), which the note pipeline renders. */
export function isGardenNote(contentDir: string, filePath: string): boolean {
  const path = resolve(filePath);
  if (!path.endsWith('.md') || !path.startsWith(contentDir + sep)) return false;
  const kind = classifyGardenPath(path.slice(contentDir.length + 1).split(sep).join('/'));
  return kind === 'bit' || kind === 'short' || kind === 'chapter';
}
