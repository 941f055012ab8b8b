import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a folder, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

export function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

export function exists(dir: string, path: string): boolean {
  try {
    return statSync(join(dir, path)).isFile();
  } catch {
    return false;
  }
}

/** The JavaScript a page loads up front: its inline scripts and the module scripts it references, in gzip bytes. */
export function pageScripts(outDir: string, page: string): { sources: string[]; gzipBytes: number } {
  const html = read(outDir, page);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  const sources = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? '');
  const bodies = [...inline, ...sources.map((src) => read(outDir, src.replace(/^\/+/, '')))];
  return { sources, gzipBytes: bodies.reduce((sum, body) => sum + gzipSync(body).length, 0) };
}

/** Fixtures whose one mistake is Markdown nested too deeply to parse or render at all (MAX_NESTING): no pipeline takes them. */
const TOO_DEEP = /^tests\/fixtures\/bad\/deep-/;

/**
 * Every Markdown note of the test fixtures (paths from the project root): what the pipeline tests run over.
 * Not the sample garden (content/): an author who replaces it with their own notes keeps a green `npm test`.
 */
export function fixtureMarkdownNotes(): string[] {
  const dir = 'tests/fixtures';
  return listFiles(dir)
    .filter((path) => path.endsWith('.md'))
    .map((path) => join(dir, path))
    .filter((path) => !TOO_DEEP.test(path));
}
