/**
 * `npm run check [-- <garden folder>]`: validates the whole garden without
 * building the site and prints every problem, one per line
 * (`path:line: field: message`), errors first, then warnings. Exits 1 when
 * there is an error. Reads the garden only; never writes to it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { checkGardenFolder } from '../src/lib/check/run.ts';
import { checkDiagrams, mermaidFences } from '../src/lib/check/diagrams.ts';
import { startMermaidParser } from '../src/build/mermaid-thread.ts';
import { readGardenFiles } from '../src/lib/check/read-garden.ts';
import { maxBytesFromEnv } from '../src/lib/check/limits.ts';
import { sortProblems } from '../src/lib/errors.ts';
import { resolveContentDir } from '../src/lib/content-dir.ts';
import { formatProblem } from '../src/lib/errors.ts';
import { siteConfig } from '../src/site.config.ts';

const started = performance.now();
const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h')) {
  console.log('Usage: npm run check [-- <garden folder>]\n\nChecks every file of the garden (default: $GARDEN_CONTENT or content/) and lists each problem once.');
  process.exit(0);
}

const folder = args.find((arg) => !arg.startsWith('-'));
const contentDir = folder ? resolve(folder) : resolveContentDir(process.env, process.cwd());
if (!existsSync(contentDir)) {
  console.error(`npm run check: no garden folder at ${contentDir} (expected a folder with bits/, shorts/, chapters/, quiz/ or parts.yaml)`);
  process.exit(1);
}
const maxBytes = maxBytesFromEnv(process.env);
const gardenFiles = readGardenFiles(contentDir, process.cwd(), { maxBytes });
// A garden with diagrams: Mermaid loads on a thread of its own while the rest is checked (src/lib/check/diagrams.ts).
const mermaid = gardenFiles.some((file) => mermaidFences(file.text).length > 0) ? startMermaidParser(projectRoot) : undefined;
const checked = checkGardenFolder(contentDir, { projectRoot, maxBytes, garden: { files: gardenFiles }, base: siteConfig.base, tracks: Object.keys(siteConfig.tracks), levels: siteConfig.levels });
const { files } = checked;
const problems = sortProblems([...checked.problems, ...(mermaid ? await checkDiagrams(gardenFiles, { parser: () => mermaid.parser }) : [])]);
await mermaid?.stop();

for (const problem of problems) console.log(formatProblem(problem));

const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const summary = `${errors ? '✗' : '✓'} ${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(files, 'file')} (${seconds} s)`;
(errors ? console.error : console.log)(summary);
process.exitCode = errors ? 1 : 0;

