/**
 * The rendered-note cache: a note's HTML is kept in a file of its own under the
 * build's cache folder, named by a hash of everything its HTML depends on —
 * the code digest (the project's code, its packages and the base path,
 * code-digest.ts), the note's path and Markdown, and what each link it writes
 * resolves to. A note whose inputs did not change is never rendered again, and
 * its HTML stays out of Astro's content store (which the build bundles into
 * one JavaScript module). A build removes the entries it did not use (prune).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { findLinks } from '../lib/links/find';
import { resolveFileLink, resolveWikiLink } from '../lib/links/resolve';
import type { LinkTarget } from '../lib/links/targets';
import { embedClosure, gardenBodyReader, type BodyReader } from '../lib/links/embeds';
import type { NoteSearchText } from '../lib/markdown/note-search';
import { classifyGardenPath } from '../lib/paths';
import { noteAtPath } from '../lib/collections';
import { writeFileAtomic } from './cache-file';
import { findImages, resolveImage } from '../lib/images/find';
import { listGardenImages } from '../lib/images/remark-images';

export interface NoteMeta {
  headings: MarkdownHeading[];
  hasMath: boolean;
  /** The keys of its highlighted code blocks, in the order of their HTML (reusableCode). */
  codeKeys?: string[] | undefined;
  /** The source of each Mermaid diagram it draws: the diagrams a build keeps (diagram-renderer.ts prune). */
  diagrams?: string[] | undefined;
  /** Its images, as written relative to the note (RenderedNote.images). */
  images?: string[] | undefined;
}

export interface CachedNote extends NoteMeta {
  /** Absolute path of the file holding the note's HTML. */
  htmlPath: string;
  /** Absolute path of the file holding its searchable text (NoteSearchText as JSON), when there is one. */
  searchPath?: string | undefined;
}

/**
 * What every link in a note resolves to, and the text of every note it embeds
 * with what their links resolve to: a rendered note is reused only while this
 * stays the same.
 */
export function linkSignature(body: string, fromPath: string, targets: ReadonlyMap<string, LinkTarget>, read?: BodyReader): string {
  const own = ownLinkSignature(body, fromPath, targets);
  if (!read || !body.includes('![[')) return own;
  return [own, ...embedClosure(body, targets, read).map((e) => `${e.target.key}#${e.heading ?? ''}\n${e.body}\n${ownLinkSignature(e.body, e.target.file ?? '', targets)}`)].join('\n\0');
}

function ownLinkSignature(body: string, fromPath: string, targets: ReadonlyMap<string, LinkTarget>): string {
  const options = { allowDrafts: true };
  return findLinks(body)
    .map((link) => {
      const resolution = link.kind === 'wiki' ? resolveWikiLink(link.target, targets, options) : resolveFileLink(link.target, fromPath, targets, options);
      if (!resolution) return `${link.target}\t-`;
      return resolution.ok ? `${link.target}\t${resolution.url}\t${resolution.target.title}\t${resolution.target.excerpt}` : `${link.target}\t!${resolution.reason}`;
    })
    .join('\n');
}

/** The files of an entry: its HTML, its metadata and its searchable text, named by its key. */
const ENTRY_FILE = /^([0-9a-f]{32})\.(html|json|search\.json)$/;

export class NoteCache {
  readonly dir: string;
  readonly digest: string;
  private readonly contentDir: string;
  private readonly readBody: BodyReader;
  private gardenImages: Set<string> | undefined;

  constructor(dir: string, contentDir: string, digest: string) {
    this.dir = dir;
    this.contentDir = contentDir;
    this.digest = digest;
    this.readBody = gardenBodyReader(contentDir);
  }

  /** The note's path as the link resolver sees it: relative to the garden, with forward slashes. */
  gardenPath(filePath: string): string {
    return relative(this.contentDir, filePath).split(sep).join('/');
  }

  key(body: string, filePath: string, targets: ReadonlyMap<string, LinkTarget>): string {
    const path = this.gardenPath(filePath);
    return createHash('sha256').update(this.digest).update('\0').update(path).update('\0').update(body).update('\0').update(linkSignature(body, path, targets, this.readBody)).update(this.pageImageSignature(body, path, targets)).digest('hex').slice(0, 32);
  }

  /** The images of the note and of every note it embeds (their page shows them all). */
  private pageImageSignature(body: string, path: string, targets: ReadonlyMap<string, LinkTarget>): string {
    const own = this.imageSignature(body, path);
    if (!body.includes('![[')) return own;
    return [own, ...embedClosure(body, targets, this.readBody).map((embedded) => this.imageSignature(embedded.body, embedded.target.file ?? ''))].join('');
  }

  /** The garden's image files, listed once per build. */
  images(): Set<string> {
    return (this.gardenImages ??= listGardenImages(this.contentDir));
  }

  /**
   * Which file each of the note's images is, with its size and time: the page
   * shows the image's size and links its original, so changing the file
   * renders the note (and its page) again.
   */
  imageSignature(body: string, notePath: string): string {
    const found = findImages(body);
    if (found.length === 0) return '';
    const images = this.images();
    return found
      .map((image) => {
        const resolved = resolveImage(image, notePath, images);
        if (!resolved.ok) return `\0${image.src}\t-`;
        const stat = statSync(join(this.contentDir, resolved.path), { throwIfNoEntry: false });
        return `\0${image.src}\t${resolved.path}\t${stat?.size}\t${stat?.mtimeMs}`;
      })
      .join('');
  }

  private paths(key: string) {
    const folder = join(this.dir, key.slice(0, 2));
    return { html: join(folder, `${key}.html`), meta: join(folder, `${key}.json`), search: join(folder, `${key}.search.json`) };
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

  /** Writes each file atomically, the metadata last, so a build that stops half-way leaves no torn entry. */
  set(key: string, note: NoteMeta & { html: string; search?: NoteSearchText | undefined }): CachedNote {
    const { html, meta, search } = this.paths(key);
    writeFileAtomic(html, note.html);
    if (note.search) writeFileAtomic(search, JSON.stringify(note.search));
    const data: NoteMeta = {
      headings: note.headings,
      hasMath: note.hasMath,
      ...(note.codeKeys?.length ? { codeKeys: note.codeKeys } : {}),
      ...(note.diagrams?.length ? { diagrams: note.diagrams } : {}),
      ...(note.images?.length ? { images: note.images } : {}),
    };
    writeFileAtomic(meta, JSON.stringify(data));
    return { ...data, htmlPath: html, searchPath: note.search ? search : undefined };
  }

  /**
   * Deletes every file of the cache folder that is not part of an entry in
   * `keep` (entries of notes since edited or deleted, of an older code digest,
   * temporary files of a build that was stopped), and the folders left empty.
   * Only for a build that finished: what it did not use, no page of its
   * output refers to. Returns how many entries it removed.
   */
  prune(keep: ReadonlySet<string>): number {
    let removed = 0;
    let entries;
    try {
      entries = readdirSync(this.dir, { withFileTypes: true });
    } catch {
      return 0;
    }
    for (const entry of entries) {
      const path = join(this.dir, entry.name);
      if (!entry.isDirectory()) {
        unlinkSync(path);
        continue;
      }
      const names = readdirSync(path);
      const kept = new Set(names.filter((name) => keep.has(ENTRY_FILE.exec(name)?.[1] ?? '')));
      for (const name of names) {
        if (kept.has(name)) continue;
        unlinkSync(join(path, name));
        if (ENTRY_FILE.exec(name)?.[2] === 'json') removed++;
      }
      if (kept.size === 0) rmdirSync(path);
    }
    return removed;
  }
}

/** Whether a file is one of the garden's Markdown notes (bits, shorts, chapters), which the note pipeline renders. */
export function isGardenNote(contentDir: string, filePath: string): boolean {
  const path = resolve(filePath);
  if (!path.endsWith('.md') || !path.startsWith(contentDir + sep)) return false;
  const gardenPath = path.slice(contentDir.length + 1).split(sep).join('/');
  return classifyGardenPath(gardenPath) !== 'ignored' && noteAtPath(gardenPath) !== undefined;
}
