/**
 * `npm run import`: what importing a folder of Markdown notes would write into
 * a garden, worked out without touching either (scripts/import.ts reads and
 * writes). Each note becomes a short, unless a rule maps its folder or one of
 * its tags to bits or to a part's chapters; its links are made the garden's
 * (rewrite.ts) and the images it shows are copied beside it. A file that
 * exists in the garden is never planned again, so a second run writes nothing.
 */
import { posix } from 'node:path';
import { collectionOfNoun, notePlace } from '../collections';
import type { IsoDate } from '../dates';
import { slugify, yamlText } from '../scaffold';
import { toTagSlug, type TagSlug } from '../tags';
import { readSourceNote, type SourceNote } from './source-note';
import { rewriteLinks } from './rewrite';

export interface ImportSource {
  /** Path under the folder, with forward slashes. */
  path: string;
  /** The text of a Markdown file; undefined for any other file. */
  text?: string | undefined;
  /** The date of its last commit, and of its last change on disk. */
  dates?: { git?: IsoDate | undefined; modified?: IsoDate | undefined };
}

/** `--bits snippets` (a folder), `--bits '#snippet'` (a tag), `--chapters 'ML=ml-basics'` (into a part). */
export interface ImportRule {
  kind: 'bit' | 'chapter';
  folder?: string | undefined;
  tag?: TagSlug | undefined;
  part?: string | undefined;
  /** The part's title, should the import create it: the folder or tag as written (`ML`). */
  partTitle?: string | undefined;
}

export interface GardenState {
  /** Every file path in the garden already. */
  paths: ReadonlySet<string>;
  /** The part ids of parts.yaml; undefined when the garden has none. */
  parts?: readonly string[] | undefined;
  /** Chapter numbers used in each part. */
  chapterNumbers?: ReadonlyMap<string, readonly number[]>;
}

export interface PlannedFile {
  /** Path under the garden. */
  to: string;
  /** Path under the folder; absent for parts.yaml. */
  from?: string;
  /** What to write; absent for a copy of `from`. */
  text?: string;
}

export interface ImportPlan {
  /** New files to write or copy: notes, the images they show, and parts.yaml when chapters need one. */
  create: PlannedFile[];
  /** Planned files the garden has already: never written again. */
  existing: PlannedFile[];
  /** What could not be mapped, or was mapped with a loss, per source file. */
  report: { path: string; message: string }[];
}

const IMAGE = /\.(png|jpe?g|gif|svg|webp|avif)$/i;
const MARKDOWN = /\.(md|markdown)$/i;

export function parseRule(kind: 'bit' | 'chapter', written: string): ImportRule {
  const [match = '', part] = kind === 'chapter' ? splitOnce(written, '=') : [written];
  if (kind === 'chapter' && !part) throw new Error(`--chapters needs a part: --chapters "${written}=<part-id>"`);
  const partId = part ? slugify(part) : undefined;
  if (match.startsWith('#')) return { kind, tag: toTagSlug(match.slice(1)), part: partId, partTitle: match.slice(1) };
  const folder = match.replace(/^\.?\/+|\/+$/g, '');
  return { kind, folder, part: partId, partTitle: folder.split('/').at(-1) };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.lastIndexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

const nameOf = (path: string) => (path.split('/').at(-1) ?? path).replace(MARKDOWN, '');
const folderOf = (path: string) => path.split('/').slice(0, -1).join('/');

function ruleFor(path: string, note: SourceNote, rules: readonly ImportRule[]): ImportRule | undefined {
  return rules.find((rule) => (rule.folder !== undefined ? path.toLowerCase().startsWith(`${rule.folder.toLowerCase()}/`) : note.tags.includes(rule.tag!)));
}

interface Placed {
  source: ImportSource;
  note: SourceNote;
  kind: 'bit' | 'short' | 'chapter';
  to: string;
  /** The wikilink key other notes use for it. */
  link: string;
  part?: string | undefined;
  chapter?: number | undefined;
}

export function planImport(sources: readonly ImportSource[], rules: readonly ImportRule[], garden: GardenState, today: IsoDate): ImportPlan {
  const report: ImportPlan['report'] = [];
  const create: PlannedFile[] = [];
  const existing: PlannedFile[] = [];
  const taken = new Set<string>();
  const numbers = new Map([...(garden.chapterNumbers ?? new Map<string, readonly number[]>())].map(([part, used]) => [part, Math.max(0, ...used)]));
  const newParts: { id: string; title: string }[] = [];
  const placed: Placed[] = [];

  for (const source of [...sources].sort((a, b) => a.path.localeCompare(b.path))) {
    if (IMAGE.test(source.path)) continue;
    if (!MARKDOWN.test(source.path) || source.text === undefined) {
      report.push({ path: source.path, message: 'not a Markdown note or an image: left out' });
      continue;
    }
    const note = readSourceNote(nameOf(source.path), source.text, source.dates);
    if (note.frontmatterError) report.push({ path: source.path, message: `its frontmatter is not valid YAML (${note.frontmatterError}): read as if it had none` });
    const rule = ruleFor(source.path, note, rules);
    const kind = rule?.kind ?? 'short';
    const slug = slugify(nameOf(source.path)) || slugify(note.title);
    if (!slug) {
      report.push({ path: source.path, message: 'its name and title have no letters or digits to make a file name from: left out' });
      continue;
    }
    if (kind === 'chapter') {
      const part = rule!.part!;
      if (garden.parts && !garden.parts.includes(part)) {
        report.push({ path: source.path, message: `part "${part}" is not in the garden's parts.yaml: left out (add the part, then import again)` });
        continue;
      }
      if (!garden.parts && !newParts.some((known) => known.id === part)) newParts.push({ id: part, title: rule!.partTitle || titleOf(part) });
      const chapter = (numbers.get(part) ?? 0) + 1;
      const name = `${String(chapter).padStart(2, '0')}-${slug}`;
      const to = `chapters/${part}/${name}.md`;
      // A chapter imported before keeps its number: found by its slug in the part.
      const again = [...garden.paths].find((path) => path.startsWith(`chapters/${part}/`) && path.replace(/^.*\/\d+-/, '') === `${slug}.md`);
      if (again) {
        placed.push({ source, note, kind, to: again, link: again.replace(/^chapters\/|\.md$/g, ''), part, chapter: Number(/\/(\d+)-/.exec(again)?.[1]) });
        continue;
      }
      numbers.set(part, chapter);
      placed.push({ source, note, kind, to, link: `${part}/${name}`, part, chapter });
      continue;
    }
    const folder = collectionOfNoun(kind)!.folder;
    let unique = slug;
    for (let n = 2; taken.has(`${folder}/${unique}`); n++) unique = `${slug}-${n}`;
    taken.add(`${folder}/${unique}`);
    placed.push({ source, note, kind, to: `${folder}/${unique}.md`, link: unique });
  }

  // A slug that is both a bit and a short is linked to with its folder, as the garden asks.
  const slugs = new Map<string, number>();
  for (const entry of placed) if (entry.kind !== 'chapter') slugs.set(entry.link, (slugs.get(entry.link) ?? 0) + 1);
  for (const entry of placed) if (entry.kind !== 'chapter' && (slugs.get(entry.link) ?? 0) > 1) entry.link = entry.to.replace(/\.md$/, '');

  const byName = new Map<string, Placed>();
  for (const entry of placed) {
    byName.set(entry.source.path.replace(MARKDOWN, '').toLowerCase(), entry);
    if (!byName.has(nameOf(entry.source.path).toLowerCase())) byName.set(nameOf(entry.source.path).toLowerCase(), entry);
  }
  const images = new Map(sources.filter((s) => IMAGE.test(s.path)).map((s) => [s.path.toLowerCase(), s] as const));
  const imageNamed = (name: string, from: string) =>
    images.get(name.toLowerCase()) ?? images.get(`${folderOf(from)}/${name}`.replace(/^\//, '').toLowerCase()) ?? [...images.values()].find((s) => nameOf(s.path).toLowerCase() === name.split('/').at(-1)!.toLowerCase());
  const copies = new Map<string, string>();
  const used = new Set<string>();

  for (const entry of placed) {
    const place = folderOf(entry.to);
    const { body, notes } = rewriteLinks(entry.note.body, {
      // As Obsidian names notes (`Note`, `folder/Note`), else as a path from this note's folder (`../Note.md`).
      note: (name) => (byName.get(name.replace(/^\.\//, '').toLowerCase()) ?? byName.get(posix.join(folderOf(entry.source.path), name).toLowerCase()))?.link,
      image: (name) => {
        const image = imageNamed(name.replace(/^\.\//, ''), entry.source.path);
        if (!image) return undefined;
        used.add(image.path);
        const fileName = `${slugify(nameOf(image.path).replace(IMAGE, '')) || 'image'}${IMAGE.exec(image.path)![0].toLowerCase()}`;
        const to = `${place}/${fileName}`;
        if (!copies.has(to)) copies.set(to, image.path);
        return fileName;
      },
    });
    for (const message of notes) report.push({ path: entry.source.path, message });
    if (entry.note.droppedFields.length) report.push({ path: entry.source.path, message: `frontmatter fields the garden has no place for, left out: ${entry.note.droppedFields.join(', ')}` });
    const tags = entry.note.tags.length > 0 ? entry.note.tags : [toTagSlug(folderOf(entry.source.path).split('/').at(-1) || 'imported') || ('imported' as TagSlug)];
    if (entry.note.tags.length === 0 && entry.kind !== 'chapter') report.push({ path: entry.source.path, message: `no tags: tagged "${tags[0]}"` });
    const planned = { from: entry.source.path, to: entry.to, text: noteText(entry, tags, body, today) };
    (garden.paths.has(entry.to) || garden.paths.has(entry.to.replace(/\.md$/, '.mdx')) ? existing : create).push(planned);
  }
  for (const [to, from] of copies) {
    (garden.paths.has(to) ? existing : create).push({ from, to });
    report.push({ path: from, message: `copied to ${to}, beside the notes that show it` });
  }
  for (const image of images.values()) if (!used.has(image.path)) report.push({ path: image.path, message: 'an image no note shows: left out' });
  if (newParts.length > 0) {
    const text = newParts.map((part, index) => `- id: ${part.id}\n  number: ${index + 1}\n  title: ${yamlText(part.title)}\n`).join('');
    create.unshift({ to: 'parts.yaml', text });
  }
  return { create, existing, report };
}

function titleOf(id: string): string {
  const words = id.split('-').filter(Boolean);
  return words.map((word, index) => (index === 0 ? word[0]!.toUpperCase() + word.slice(1) : word)).join(' ');
}

/** The note as the garden's schema for its kind wants it: the fields `npm run new` writes, from what the source had. */
function noteText(entry: Placed, tags: readonly TagSlug[], body: string, today: IsoDate): string {
  const { note } = entry;
  const date = note.date ?? today;
  const list = `[${tags.map(yamlText).join(', ')}]`;
  const summary = note.summary || note.title;
  const fields =
    entry.kind === 'bit'
      ? [`title: ${yamlText(note.title)}`, `tags: ${list}`, ...(note.writtenSummary ? [`why: ${yamlText(note.writtenSummary)}`] : []), `date: ${date}`]
      : entry.kind === 'short'
        ? [`title: ${yamlText(note.title)}`, `summary: ${yamlText(summary)}`, `date: ${date}`, `tags: ${list}`]
        : [`title: ${yamlText(note.title)}`, `part: ${entry.part}`, `chapter: ${entry.chapter}`, `summary: ${yamlText(summary)}`, ...(note.tags.length ? [`tags: ${list}`] : [])];
  return `---\n${fields.join('\n')}\n---\n${body}\n`;
}

/** Where each kind goes, for the usage text. */
export const IMPORT_PLACES = (['short', 'bit', 'chapter'] as const).map((noun) => notePlace(collectionOfNoun(noun)!)).join(', ');
