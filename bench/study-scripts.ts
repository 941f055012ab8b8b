/**
 * The study scripts' weight in a built site: each module script of /review/,
 * /exam/, a night-before sheet and a page with no study on it (where only the
 * header's due count and search load), with every chunk it imports, gzip -9
 * per file as a browser downloads them. Issue 21's budget: the review page's
 * script, scheduler included, at most 15 KB gzip.
 *
 *   npm run build && npm run bench:study [-- <dist folder>]
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileFor, moduleImports } from './page-weight';

const root = resolve(process.argv[2] ?? 'dist');
const BUDGET = 15 * 1024;
const pages = ['review/index.html', 'exam/index.html', 'cheatsheets/ml-interview/index.html', 'bits/index.html'];

for (const page of pages) {
  const html = readFileSync(join(root, page), 'utf8');
  console.log(`/${page.replace(/index\.html$/, '')}`);
  for (const match of html.matchAll(/<script type="module" src="([^"]+)"/g)) {
    const entry = fileFor(root, '/', match[1]!);
    if (!entry) continue;
    const files = new Set<string>([entry]);
    for (const file of files) for (const imported of moduleImports(file, readFileSync(file, 'utf8'))) files.add(imported);
    const gzip = [...files].reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
    const name = basename(entry).replace(/_astro_type_script_index_0_lang\.[\w-]+\.js$/, '');
    const over = page.startsWith('review/') && name === 'index.astro' && gzip > BUDGET ? '  OVER the 15 KB budget' : '';
    console.log(`  ${name.padEnd(18)} ${String(files.size).padStart(2)} files  ${(gzip / 1024).toFixed(1).padStart(5)} KB gzip${over}`);
  }
}
