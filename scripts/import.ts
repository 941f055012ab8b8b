/**
 * `npm run import -- <folder> [--into <garden>] [--write] [--bits <folder|#tag>] [--chapters <folder|#tag>=<part-id>]`:
 * brings a folder of Markdown notes (an Obsidian vault or any notes folder)
 * into a garden. Shows what it would create; writes only with --write, only
 * new files, never into the folder it reads (src/lib/import/plan.ts plans).
 */
import { execFileSync } from 'node:child_process';
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import yaml from 'js-yaml';
import { parseRule, planImport, IMPORT_PLACES, type ImportRule, type ImportSource } from '../src/lib/import/plan.ts';
import { chapterNumberOf, localIsoDate } from '../src/lib/scaffold.ts';
import { resolveContentDir } from '../src/lib/content-dir.ts';
import { relativeToCwd } from '../src/lib/display-path.ts';
import type { IsoDate } from '../src/lib/dates.ts';

const USAGE = `Usage: npm run import -- <folder> [--into <garden>] [--write] [--bits <folder|#tag>] [--chapters <folder|#tag>=<part-id>]

Reads a folder of Markdown notes (an Obsidian vault or any notes folder) and shows the
garden files it would create: ${IMPORT_PLACES}. Nothing is written without --write;
the folder is never written to, and a file the garden has already is never overwritten.

  --into <garden>        the garden to import into (default: $GARDEN_CONTENT or content/)
  --write                write the files shown
  --bits <rule>          notes in this folder, or with this #tag, become bits (repeatable)
  --chapters <rule>=<p>  notes in this folder, or with this #tag, become chapters of part <p>

Notes become shorts otherwise. Titles come from the frontmatter, the first # heading or the
file name; tags from the frontmatter and inline #tags; dates from the frontmatter, the last
commit or the file's modification time. Wikilinks are kept, pointing at the notes' new names,
and the images a note shows are copied beside it.`;

function fail(message: string): never {
  console.error(`npm run import: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(args.length === 0 ? 1 : 0);
}

let folderArg: string | undefined;
let intoArg: string | undefined;
let write = false;
const rules: ImportRule[] = [];
for (let index = 0; index < args.length; index++) {
  const arg = args[index]!;
  const value = () => args[++index] ?? fail(`${arg} needs a value`);
  if (arg === '--write') write = true;
  else if (arg === '--into') intoArg = value();
  else if (arg === '--bits' || arg === '--chapters') {
    try {
      rules.push(parseRule(arg === '--bits' ? 'bit' : 'chapter', value()));
    } catch (error) {
      fail((error as Error).message);
    }
  } else if (arg.startsWith('-')) fail(`unknown option ${arg} (see npm run import -- --help)`);
  else if (folderArg === undefined) folderArg = arg;
  else fail(`one folder at a time (got ${folderArg} and ${arg})`);
}

const folder = resolve(folderArg ?? fail('name the folder to import'));
const garden = intoArg ? resolve(intoArg) : resolveContentDir(process.env, process.cwd());
if (!existsSync(folder) || !statSync(folder).isDirectory()) fail(`no folder at ${folder}`);
const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + sep);
if (inside(garden, folder) || inside(folder, garden)) fail(`the garden (${garden}) and the folder (${folder}) must not contain one another: the import never writes into the folder it reads`);

/** Every file under a folder, skipping hidden ones (.obsidian, .trash, .git). */
function listFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  if (existsSync(root)) walk(root);
  return found.sort();
}

/** The date of each file's last commit, when the folder is in a git repository: one `git log` for all. */
function gitDates(root: string): Map<string, IsoDate> {
  const dates = new Map<string, IsoDate>();
  try {
    const log = execFileSync('git', ['-C', root, 'log', '--format=@%cs', '--name-only', '--relative', '--', '.'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
    let date: IsoDate | undefined;
    for (const line of log.split('\n')) {
      if (line.startsWith('@')) date = line.slice(1) as IsoDate;
      else if (line && date && !dates.has(line)) dates.set(line, date);
    }
  } catch {
    // Not a repository, or no git: modification times it is.
  }
  return dates;
}

const committed = gitDates(folder);
const sources: ImportSource[] = listFiles(folder).map((path) => {
  const absolute = join(folder, path);
  const markdown = /\.(md|markdown)$/i.test(path);
  return {
    path,
    text: markdown ? readFileSync(absolute, 'utf8') : undefined,
    dates: { git: committed.get(path), modified: localIsoDate(statSync(absolute).mtime) },
  };
});

const gardenPaths = new Set(listFiles(garden));
const partsFile = ['parts.yaml', 'parts.yml'].find((name) => gardenPaths.has(name));
let parts: string[] | undefined;
if (partsFile) {
  try {
    const data = yaml.load(readFileSync(join(garden, partsFile), 'utf8'));
    parts = Array.isArray(data) ? data.map((part) => (part as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string') : [];
  } catch {
    fail(`${relativeToCwd(join(garden, partsFile))} is not valid YAML; run npm run check to see why`);
  }
}
const chapterNumbers = new Map<string, number[]>();
for (const path of gardenPaths) {
  const match = /^chapters\/([^/]+)\/([^/]+\.mdx?)$/.exec(path);
  if (!match) continue;
  const number = chapterNumberOf(match[2]!, readFileSync(join(garden, path), 'utf8'));
  if (number !== undefined) chapterNumbers.set(match[1]!, [...(chapterNumbers.get(match[1]!) ?? []), number]);
}

const plan = planImport(sources, rules, { paths: gardenPaths, parts, chapterNumbers }, localIsoDate(new Date()));

const shown = (path: string) => relativeToCwd(join(garden, path));
console.log(`${write ? 'Importing' : 'Would import'} ${relativeToCwd(folder)} into ${relativeToCwd(garden)}${write ? '' : ' (a dry run: nothing is written; add --write to write)'}`);
const width = Math.max(0, ...plan.create.map((file) => shown(file.to).length));
for (const file of plan.create) console.log(`  ${file.text === undefined ? 'copy  ' : 'create'} ${file.from ? `${shown(file.to).padEnd(width)}  ← ${file.from}` : shown(file.to)}`);
for (const file of plan.existing) console.log(`  exists ${shown(file.to)}  (left as it is)`);
if (plan.report.length > 0) {
  console.log('Could not map, or mapped with a loss:');
  for (const { path, message } of plan.report) console.log(`  ${path}: ${message}`);
}

if (write) {
  for (const file of plan.create) {
    const target = join(garden, file.to);
    mkdirSync(dirname(target), { recursive: true });
    // 'wx' and COPYFILE_EXCL fail rather than overwrite a file that appeared since the plan was made.
    if (file.text !== undefined) writeFileSync(target, file.text, { flag: 'wx' });
    else copyFileSync(join(folder, file.from!), target, constants.COPYFILE_EXCL);
  }
}
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
console.log(`${write ? 'Wrote' : 'Would write'} ${count(plan.create.length, 'file')}; ${count(plan.existing.length, 'file')} already in the garden; ${count(plan.report.length, 'remark')}.${write && plan.create.length ? ' Next: npm run check.' : ''}`);
