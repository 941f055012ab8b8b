/**
 * In `astro dev`, the page of a note with content errors shows them instead of
 * a 404 (a new note Astro could not load) or the note's last good version (an
 * edited one): which addresses those are, and the page that says what is wrong.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { NOTE_COLLECTIONS, noteAtPath, type Registry } from '../collections';
import { formatProblem, type ContentProblem } from '../errors';
import { withBase } from '../markdown/rehype-base-links';

export interface ProblemPageOptions {
  /** The garden folder, absolute. */
  contentDir: string;
  /** Where problem paths are relative to (they are as the author sees them). */
  cwd: string;
  base: string;
  registry?: Registry;
}

/** The errors of each note, by the address of its page (with the base path). */
export function problemPages(problems: readonly ContentProblem[], options: ProblemPageOptions): Map<string, ContentProblem[]> {
  const pages = new Map<string, ContentProblem[]>();
  for (const problem of problems) {
    if (problem.severity !== 'error') continue;
    const path = relative(options.contentDir, resolve(options.cwd, problem.file)).split('\\').join('/');
    if (path.startsWith('..') || isAbsolute(path)) continue;
    const note = noteAtPath(path, options.registry ?? NOTE_COLLECTIONS);
    if (!note) continue;
    const url = withBase(note.collection.path(note.id), options.base);
    pages.set(url, [...(pages.get(url) ?? []), problem]);
  }
  return pages;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A plain page listing a note's errors, one per line, as `npm run check` prints them. */
export function problemPageHtml(problems: readonly ContentProblem[]): string {
  const count = `${problems.length} content error${problems.length === 1 ? '' : 's'}`;
  const items = problems.map((problem) => `<li><code>${escape(formatProblem(problem))}</code></li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${count} in this note</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
li { margin: 0.5rem 0; }
code { white-space: pre-wrap; overflow-wrap: anywhere; }
</style>
</head>
<body>
<main>
<h1>This note has ${count}</h1>
<p>The terminal running <code>npm run dev</code> lists the same lines. Fix the file, save it, and reload this page.</p>
<ul>
${items}
</ul>
</main>
</body>
</html>
`;
}
