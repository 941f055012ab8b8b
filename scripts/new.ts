/**
 * `npm run new -- <bit|short|chapter|quiz> "Title" [--tags a,b] [--part id] [--track t]`:
 * writes a new entry with valid frontmatter at the right place in the garden
 * and prints its path. Never overwrites a file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { chapterNumberOf, parseNewArgs, scaffold, type ChapterRef } from '../src/lib/scaffold.ts';
import { resolveContentDir } from '../src/lib/content-dir.ts';
import { relativeToCwd } from '../src/lib/display-path.ts';

function fail(message: string): never {
  console.error(`npm run new: ${message}`);
  process.exit(1);
}

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) {
  const { NEW_USAGE } = await import('../src/lib/scaffold.ts');
  console.log(NEW_USAGE);
  process.exit(argv.length === 0 ? 1 : 0);
}

const garden = resolveContentDir(process.env, process.cwd());

function readParts(): string[] {
  const file = ['parts.yaml', 'parts.yml'].map((name) => join(garden, name)).find((path) => existsSync(path));
  if (!file) return [];
  try {
    const data = yaml.load(readFileSync(file, 'utf8'));
    return Array.isArray(data) ? data.map((part) => (part as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string') : [];
  } catch {
    fail(`${relativeToCwd(file)} is not valid YAML; run npm run check to see why`);
  }
}

function readChapters(): ChapterRef[] {
  const root = join(garden, 'chapters');
  if (!existsSync(root)) return [];
  const chapters: ChapterRef[] = [];
  for (const part of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const file of readdirSync(join(root, part.name)).filter((name) => /\.mdx?$/.test(name))) {
      const text = readFileSync(join(root, part.name, file), 'utf8');
      const number = chapterNumberOf(file, text);
      const title = /^title:\s*(.+)$/m.exec(text)?.[1]?.replace(/^["']|["']$/g, '') ?? file;
      if (number !== undefined) chapters.push({ id: `${part.name}/${file.replace(/\.mdx?$/, '')}`, title, part: part.name, chapter: number });
    }
  }
  return chapters;
}

let request;
let file;
try {
  request = parseNewArgs(argv);
  const chapters = readChapters();
  const chapterNumbers = new Map<string, number[]>();
  for (const chapter of chapters) chapterNumbers.set(chapter.part, [...(chapterNumbers.get(chapter.part) ?? []), chapter.chapter]);
  file = scaffold(request, { now: new Date(), parts: readParts(), chapterNumbers, chapters });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const target = join(garden, file.path);
for (const path of [file.path, ...file.clashes]) {
  if (existsSync(join(garden, path))) fail(`${relativeToCwd(join(garden, path))} already exists; not overwriting it (pick another title, or edit that file)`);
}
mkdirSync(dirname(target), { recursive: true });
try {
  // `wx` fails if the file appeared in the meantime: an existing note is never overwritten.
  writeFileSync(target, file.text, { flag: 'wx' });
} catch (error) {
  fail(`could not write ${relativeToCwd(target)}: ${(error as Error).message}`);
}
console.log(relativeToCwd(target));
if (request.tags.length === 0 && (request.kind === 'bit' || request.kind === 'short')) console.error('Tagged "notes" for now: add real tags (--tags a,b next time).');
