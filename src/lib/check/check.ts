/**
 * The garden checker: validates every file of a garden against the schemas and
 * against each other (parts, chapter numbers, quiz chapters, duplicate slugs).
 * Pure: it reads files handed to it and returns problems; the build and
 * `npm run check` decide what to do with them.
 */
import type { ContentProblem } from '../errors';
import { findYamlLine } from './source-lines';
import { checkGardenLinks, type LinkCheckOptions } from './links';
import type { LinkTarget } from '../links/targets';
import type { GardenPathKind } from '../paths';
import { NOTE_COLLECTIONS, type Registry } from '../collections';
import { gardenModel, type ModelFile } from '../garden-model';
import type { BodyScan } from './body-scan';
import { factRootLinks } from './quiz-markdown';
import { checkLevels } from './quiz-levels';
import type { QuizData } from '../schema';
import { checkRootLink, editDistance, FIXED_PAGES, siteUrls, type SiteEntries } from './site-pages';
import type { GardenFile } from '../garden-file';
import { countTags, toTagSlug, type TagSlug } from '../tags';
import { checkFileAlone, type FileResults, type LocalCheck, type LocalProblem } from './file-alone';
import { formulaCheck } from './math';
import { checkCrossReferences, checkDuplicateSlugs } from './cross-references';
import type { ParsedEntry, Report } from './entry';
import type { ImportResolver } from './imports';
import { checkGardenImages } from './images';

export type { FileResults, GardenFile, LocalCheck, LocalProblem };

export interface CheckOptions extends Partial<LinkCheckOptions> {
  /** Largest accepted content file, in bytes (default 2 MB). */
  maxBytes?: number;
  /** Also warn about a tag used only once and a bit without code or formula (`npm run check`, build and dev do). */
  editorial?: boolean;
  /** Addresses of the site's static pages (`/`, `/bits/`, `/rss.xml`, …), for links written from the site root. */
  staticPages?: readonly string[];
  /** The configured base path; a root link may carry it or not. */
  base?: string;
  /** The link targets of these files, if already built (src/build/link-targets.ts); else the check builds them. */
  linkTargets?: ReadonlyMap<string, LinkTarget>;
  /** Remembers what each file's own checks found, by its text (the build keeps them in its cache folder): unchanged files are not parsed again. */
  files?: FileResults;
  /** The files as modelled already (the build's link targets read the same model); else made here. */
  model?: readonly ModelFile[];
  /** The note collections (default: the garden's registry). */
  registry?: Registry;
  /** The tracks a note may name in `track` (src/site.config.ts); without them any track is taken. */
  tracks?: readonly string[];
  /** The levels a quiz fact may carry (`levels` in src/site.config.ts); without them any level is taken. */
  levels?: Readonly<Record<number, string>>;
  /** Whether a module an .mdx note imports exists (imports.ts); without it imports are not checked. */
  resolveImport?: ImportResolver;
}

export function checkGarden(files: readonly GardenFile[], options: CheckOptions = {}): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (file: GardenFile, field: string, message: string, line?: number, severity: 'error' | 'warning' = 'error') =>
    problems.push({ severity, file: file.displayPath, field, message, ...(line ? { line } : {}) });
  const add = (file: GardenFile, found: readonly LocalProblem[]) => {
    for (const problem of found) problems.push({ ...problem, file: file.displayPath });
  };

  const locals: { file: GardenFile; local: LocalCheck; entry?: ParsedEntry | undefined }[] = [];
  const model = options.model ?? gardenModel(files, options.registry);
  const formulas = formulaCheck();
  for (const modelled of model) {
    const { file, kind } = modelled;
    // A file the garden ignores is not checked, unless it is a link out of the garden, which Astro's loader would follow.
    if (kind === 'ignored' && !file.linksOutside) continue;
    const local = options.files?.get(file) ?? checkFileAlone(modelled, { maxBytes: options.maxBytes, registry: options.registry, formulas });
    options.files?.set(file, local);
    const entry = local.parsed ? parsedEntry(modelled, local.parsed) : undefined;
    locals.push({ file, local, entry });
  }

  const parsed: ParsedEntry[] = [];
  const valid = new Map<ParsedEntry, Record<string, unknown>>();
  const scans = new Map<ParsedEntry, BodyScan>();
  for (const { file, local, entry } of locals) {
    add(file, local.read);
    if (!entry) continue;
    parsed.push(entry);
    if (local.valid) valid.set(entry, local.valid);
    if (local.scan) scans.set(entry, local.scan);
  }
  for (const { file, local } of locals) add(file, local.schema);

  if (options.tracks) checkTracks(parsed, valid, options.tracks, report);
  if (options.levels) checkLevels(parsed, valid, options.levels, report);
  checkDuplicateSlugs(parsed, report);
  checkCrossReferences(parsed, valid, report, model.some((file) => file.kind === 'parts'));
  for (const { file, local } of locals) {
    add(file, local.body);
    for (const { specifier, line } of options.resolveImport ? (local.imports ?? []) : []) {
      if (!options.resolveImport!(specifier, file.path)) report(file, '(mdx)', `cannot find the module "${specifier}" that this note imports (expected a path from the note's folder, such as "../components/Chart.astro", or an installed package)`, line);
    }
  }
  problems.push(...checkGardenLinks(model, { allowDrafts: options.allowDrafts ?? false, registry: options.registry }, options.linkTargets));
  problems.push(...checkGardenImages(model));
  checkBodyScans(parsed, scans, valid, options, report);
  return problems;
}

/** An entry whose lines are split only when a report needs a line number: most files of a garden are taken from memory and need none. */
function parsedEntry(modelled: ModelFile, parsed: NonNullable<LocalCheck['parsed']>): ParsedEntry {
  return {
    file: modelled.file,
    kind: modelled.kind,
    note: modelled.note,
    data: parsed.data,
    yamlRange: parsed.yamlRange,
    get lines() {
      return modelled.lines;
    },
  };
}

/** A note's `track` names one of the site's tracks; a typo gets the closest one suggested. */
function checkTracks(parsed: readonly ParsedEntry[], valid: Map<ParsedEntry, Record<string, unknown>>, tracks: readonly string[], report: Report) {
  for (const entry of parsed) {
    const track = valid.get(entry)?.track;
    if (typeof track !== 'string' || tracks.includes(track)) continue;
    const near = tracks.find((known) => editDistance(track, known, 3) <= 2);
    const listed = tracks.map((known) => `"${known}"`).join(', ');
    const hint = near ? ` (did you mean "${near}"?)` : ' (add it to tracks in src/site.config.ts to start a new track)';
    report(entry.file, 'track', `expected one of the tracks in src/site.config.ts (${listed}), got "${track}"${hint}`, findYamlLine(entry.lines, ['track'], ...entry.yamlRange));
  }
}

/** The warnings about style rather than correctness, which the build summarises instead of listing. */
export function isEditorial(problem: ContentProblem): boolean {
  return problem.severity === 'warning' && (problem.field === 'tags' || problem.field === '(body)');
}


/**
 * Links written from the site root (`/bits/kv-cache/`) must reach a page the
 * build generates; with `editorial`, a tag used only once and a bit with
 * neither code nor formula are warned about.
 */
function checkBodyScans(
  parsed: readonly ParsedEntry[],
  scans: Map<ParsedEntry, BodyScan>,
  valid: Map<ParsedEntry, Record<string, unknown>>,
  options: CheckOptions,
  report: Report,
) {
  // Notes in the registry's order, as a build lists them: the nearest address suggested for a typo does not depend on file order.
  const registry = options.registry ?? NOTE_COLLECTIONS;
  const notes: (SiteEntries['notes'][number] & { order: number })[] = [];
  let parts: { id: string }[] = [];
  const tagged: { entry: ParsedEntry; tags: readonly TagSlug[] }[] = [];
  for (const entry of parsed) {
    // An entry with a wrong field still has a page once fixed: links to it are not reported as well.
    const data = (valid.get(entry) ?? { draft: entry.data?.draft === true }) as { draft?: boolean; tags?: TagSlug[]; parts?: { id: string }[] };
    if (entry.note) {
      notes.push({ path: entry.note.collection.path(entry.note.id), tags: data.tags, draft: data.draft, order: registry.indexOf(entry.note.collection) });
      if (valid.has(entry) && data.tags) tagged.push({ entry, tags: data.tags });
    } else if (entry.kind === 'parts') parts = data.parts ?? [];
  }
  const site = siteUrls({ notes: notes.sort((a, b) => a.order - b.order), parts }, options.staticPages ?? FIXED_PAGES);
  const linkOptions = { allowDrafts: options.allowDrafts ?? false, base: options.base ?? '/' };

  for (const entry of parsed) {
    const quiz = entry.kind === 'quiz' ? (valid.get(entry) as QuizData | undefined) : undefined;
    if (!quiz) continue;
    for (const link of factRootLinks(quiz, entry.lines, entry.yamlRange)) {
      const result = checkRootLink(link.url, site, linkOptions);
      if (!result.ok) report(entry.file, link.field, `(${link.url}): ${result.message}`, link.line);
    }
  }
  for (const [entry, scan] of scans) {
    if (!entry.note) continue;
    const bodyStart = entry.yamlRange[1] + 1;
    // A draft is never built, so its own links only matter where drafts are shown.
    const draft = entry.data?.draft === true;
    for (const link of scan.rootLinks) {
      const result = checkRootLink(link.url, site, { ...linkOptions, allowDrafts: linkOptions.allowDrafts || draft });
      if (!result.ok) report(entry.file, 'link', `(${link.url}): ${result.message}`, bodyStart + link.line);
    }
    if (options.editorial && entry.note.collection.expectsCodeOrMath && valid.has(entry) && !draft && !scan.hasCode && !scan.hasMath) {
      report(entry.file, '(body)', `a ${entry.note.collection.noun} without code or formula (expected a code block or math; a note of prose only reads better as a short)`, bodyStart + 1, 'warning');
    }
  }

  if (!options.editorial) return;
  const counts = countTags(tagged);
  const shared = counts.filter((c) => c.count > 1).map((c) => c.tag);
  const once = new Set(counts.filter((c) => c.count === 1).map((c) => c.tag));
  for (const { entry, tags } of tagged) {
    // Drafts count towards a tag's uses but are not nagged: they are unfinished by definition.
    if (entry.data?.draft === true) continue;
    tags.forEach((tag) => {
      // A tag of its own is fine (a garden grows); one a typo away from a tag in use is most likely that tag misspelt.
      const near = once.has(tag) ? closeTag(tag, shared) : undefined;
      if (near === undefined) return;
      report(entry.file, 'tags', `tag "${tag}" is used only once in the garden, and "${near}" is used by other entries (expected "${near}", if that is what was meant)`, findTagLine(entry, tag), 'warning');
    });
  }
}

/** The line of the tag in the frontmatter (`tags: [a, b]` or a `- a` item), else the `tags:` line. */
function findTagLine(entry: ParsedEntry, tag: TagSlug): number | undefined {
  const [first, last] = entry.yamlRange;
  const tagsLine = findYamlLine(entry.lines, ['tags'], first, last);
  if (tagsLine === undefined) return undefined;
  for (let index = tagsLine - 1; index < last; index++) {
    const line = entry.lines[index] ?? '';
    if (index > tagsLine - 1 && /^\S/.test(line)) break;
    const written = line.replace(/^\s*tags\s*:/, '').split(/[,[\]]|^\s*-\s/);
    if (written.some((piece) => toTagSlug(piece.replace(/^\s*["']|["']\s*$/g, '')) === tag)) return index + 1;
  }
  return tagsLine;
}

/** An existing tag one typo away (two for longer tags): `pyhton` → `python`. */
function closeTag(tag: string, shared: readonly string[]): string | undefined {
  const allowed = tag.length <= 5 ? 1 : 2;
  return shared.find((other) => editDistance(tag, other, allowed + 1) <= allowed);
}
