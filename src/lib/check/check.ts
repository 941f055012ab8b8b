/**
 * The garden checker: validates every file of a garden against the schemas and
 * against each other (parts, chapter numbers, quiz chapters, duplicate slugs).
 * Pure: it reads files handed to it and returns problems; the build and
 * `npm run check` decide what to do with them.
 */
import yaml from 'js-yaml';
import { GARDEN_YAML } from '../frontmatter';
import type { z } from 'astro/zod';
import { bitSchema, chapterSchema, partsFileSchema, quizSchema, shortSchema } from '../schema';
import { describeIssue, fieldPath, type ContentProblem } from '../errors';
import { findYamlLine } from './source-lines';
import { fenceLanguages, isKnownFenceLanguage } from './languages';
import { checkGardenLinks, type LinkCheckOptions } from './links';
import type { LinkTarget } from '../links/targets';
import { classifyGardenPath, type GardenPathKind } from '../paths';
import { shiftScan, trimBody, type BodyScan } from './body-scan';
import { textHash } from '../../build/file-memo';
import { directMemo, type CheckMemo } from '../../build/check-memo';
import { checkRootLink, editDistance, FIXED_PAGES, siteUrls, type SiteEntries } from './site-pages';
import type { GardenFile } from '../garden-file';
import { DEFAULT_MAX_BYTES, formatBytes } from './limits';
import { countTags, toTagSlug, type TagSlug } from '../tags';

export type { GardenFile };

export interface CheckOptions extends Partial<LinkCheckOptions> {
  /** Largest accepted content file, in bytes (default 2 MB). */
  maxBytes?: number;
  /** Also warn about a tag used only once and a bit without code or formula (`npm run check`, build and dev do). */
  editorial?: boolean;
  /** Addresses of the site's static pages (`/`, `/bits/`, `/rss.xml`, …), for links written from the site root. */
  staticPages?: readonly string[];
  /** The configured base path; a root link may carry it or not. */
  base?: string;
  /** Remembers body scans and formula checks between runs (the build keeps one in its cache folder). */
  memo?: CheckMemo;
  /** The link targets of these files, if already built (src/build/link-targets.ts); else the check builds them. */
  linkTargets?: ReadonlyMap<string, LinkTarget>;
  /** Remembers what each file's own checks found, by its text (file-results.ts): unchanged files are not parsed again. */
  files?: FileResults;
  /** Bodies already scanned elsewhere (the build's render workers), by the body as trimBody gives it: not parsed again. */
  scans?: BodyScans;
}

/** Body scans made elsewhere, by the body as trimBody gives it (a Map will do). */
export interface BodyScans {
  get(body: string): BodyScan | undefined;
}

/** A problem of one file, found by looking at that file alone; `file` is added when it is reported. */
export type LocalProblem = Omit<ContentProblem, 'file'>;

/**
 * What the checks of one file on its own find — its size and encoding, its
 * YAML, its schema, its formulas and code fences — kept apart by step so the
 * report lists them in the same order however they were obtained. Everything
 * here depends on the file's path and text only.
 */
export interface LocalCheck {
  read: LocalProblem[];
  schema: LocalProblem[];
  body: LocalProblem[];
  /** The YAML as parsed and the 0-based [first, last) lines it spans; absent when the file does not parse. */
  parsed?: { data: Record<string, unknown>; yamlRange: [number, number] } | undefined;
  /** The data once the schema accepted it. */
  valid?: Record<string, unknown> | undefined;
  scan?: BodyScan | undefined;
  /** The body as trimBody gives it: its textHash, and the lines dropped at its top. */
  trimmedBody?: { key: string; offset: number } | undefined;
}

/** Where LocalChecks are kept between runs; `get` answers only for a file whose text is the one checked. */
export interface FileResults {
  get(file: GardenFile): LocalCheck | undefined;
  set(file: GardenFile, local: LocalCheck): void;
}

interface ParsedEntry {
  file: GardenFile;
  kind: GardenPathKind;
  data: Record<string, unknown>;
  lines: string[];
  /** 0-based [first, last) line range of the YAML (frontmatter or whole file). */
  yamlRange: [number, number];
}

export function checkGarden(files: readonly GardenFile[], options: CheckOptions = {}): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (file: GardenFile, field: string, message: string, line?: number, severity: 'error' | 'warning' = 'error') =>
    problems.push({ severity, file: file.displayPath, field, message, ...(line ? { line } : {}) });
  const add = (file: GardenFile, found: readonly LocalProblem[]) => {
    for (const problem of found) problems.push({ ...problem, file: file.displayPath });
  };

  const locals: { file: GardenFile; local: LocalCheck; entry?: ParsedEntry | undefined }[] = [];
  for (const file of files) {
    const kind = classifyGardenPath(file.path);
    if (kind === 'ignored') continue;
    const known = options.files?.get(file);
    const local = known ?? checkFileAlone(file, kind, options);
    options.files?.set(file, local);
    const entry = local.parsed ? parsedEntry(file, kind, local.parsed) : undefined;
    // The body memo keeps only what a run used: a body known here would otherwise be parsed again once these results go stale.
    if (known && local.scan && local.trimmedBody) options.memo?.keep?.(local.trimmedBody.key, shiftScan(local.scan, -local.trimmedBody.offset));
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

  checkDuplicateSlugs(parsed, report);
  checkCrossReferences(parsed, valid, report, files.some((file) => classifyGardenPath(file.path) === 'parts'));
  for (const { file, local } of locals) add(file, local.body);
  problems.push(...checkGardenLinks(files, { allowDrafts: options.allowDrafts ?? false }, options.linkTargets));
  checkBodyScans(parsed, scans, valid, options, report);
  return problems;
}

/** An entry whose lines are split only when a report needs a line number: most files of a garden are taken from memory and need none. */
function parsedEntry(file: GardenFile, kind: GardenPathKind, parsed: NonNullable<LocalCheck['parsed']>): ParsedEntry {
  let lines: string[] | undefined;
  return {
    file,
    kind,
    data: parsed.data,
    yamlRange: parsed.yamlRange,
    get lines() {
      return (lines ??= linesOf(file));
    },
  };
}

function bodyOf(entry: ParsedEntry): string {
  return entry.lines.slice(entry.yamlRange[1] + 1).join('\n');
}

/** A file's lines as the checker numbers them (no byte-order mark, LF or CRLF). */
function linesOf(file: GardenFile): string[] {
  return file.text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

/** Everything the checker can tell about one file without looking at the others. */
export function checkFileAlone(file: GardenFile, kind: GardenPathKind, options: Pick<CheckOptions, 'maxBytes' | 'memo' | 'scans'> = {}): LocalCheck {
  const local: LocalCheck = { read: [], schema: [], body: [] };
  const into =
    (list: LocalProblem[]): Report =>
    (_file, field, message, line, severity = 'error') =>
      list.push({ severity, field, message, ...(line ? { line } : {}) });
  if (kind === 'misplaced') {
    into(local.read)(file, '(file)', 'is not where the garden looks for content (expected bits/, shorts/, chapters/<part-id>/, quiz/ or parts.yaml)', undefined, 'warning');
    return local;
  }
  if (kind === 'ignored' || !checkBytes(file, options.maxBytes ?? DEFAULT_MAX_BYTES, into(local.read))) return local;
  const entry = parseFile(file, kind, into(local.read));
  if (!entry) return local;
  local.parsed = { data: entry.data, yamlRange: entry.yamlRange };
  local.valid = validateSchema(entry, into(local.schema));
  const body = checkBody(entry, into(local.body), options.memo ?? directMemo, options.scans);
  local.scan = body?.scan;
  local.trimmedBody = body?.trimmed;
  return local;
}

/** The warnings about style rather than correctness, which the build summarises instead of listing. */
export function isEditorial(problem: ContentProblem): boolean {
  return problem.severity === 'warning' && (problem.field === 'tags' || problem.field === '(body)');
}

type Report = (file: GardenFile, field: string, message: string, line?: number, severity?: 'error' | 'warning') => void;

const YAML_OPTIONS = GARDEN_YAML;

function parseFile(file: GardenFile, kind: GardenPathKind, report: Report): ParsedEntry | undefined {
  const text = file.text.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (text.trim() === '') {
    report(file, '(file)', 'the file is empty (expected frontmatter with at least a title)');
    return undefined;
  }
  if (kind === 'parts' || kind === 'quiz') {
    try {
      const data = yaml.load(text, YAML_OPTIONS);
      return { file, kind, data: (kind === 'parts' ? { parts: data } : data) as Record<string, unknown>, lines, yamlRange: [0, lines.length] };
    } catch (error) {
      reportYamlError(file, error, 0, report);
      return undefined;
    }
  }
  if (lines[0]?.trim() !== '---') {
    report(file, 'frontmatter', 'expected the file to start with a --- line opening the frontmatter (title, tags, …), got none', 1);
    return undefined;
  }
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (close === -1) {
    report(file, 'frontmatter', 'the --- block opened on line 1 is never closed (expected a second --- line after the fields)', 1);
    return undefined;
  }
  try {
    // Parsed as Astro's loader does (js-yaml over the lines between the fences, line numbers kept),
    // without importing @astrojs/markdown-remark, which would double `npm run check`'s start-up.
    const frontmatter: unknown = yaml.load(`\n${lines.slice(1, close).join('\n')}\n`, YAML_OPTIONS);
    const data = (frontmatter && typeof frontmatter === 'object' ? frontmatter : {}) as Record<string, unknown>;
    return { file, kind, data, lines, yamlRange: [1, close] };
  } catch (error) {
    reportYamlError(file, error, 1, report);
    return undefined;
  }
}

function reportYamlError(file: GardenFile, error: unknown, lineOffset: number, report: Report) {
  const mark = (error as { mark?: { line?: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
  const line = mark?.line !== undefined ? mark.line + 1 + (lineOffset > 0 ? 0 : 0) : undefined;
  report(file, '(yaml)', `invalid YAML: ${reason} (expected valid YAML; check quotes, colons and indentation)`, line);
}

const SCHEMAS: Record<Exclude<GardenPathKind, 'ignored' | 'misplaced'>, z.ZodType> = {
  bit: bitSchema,
  short: shortSchema,
  chapter: chapterSchema,
  quiz: quizSchema,
  parts: partsFileSchema,
};

function validateSchema(entry: ParsedEntry, report: Report): Record<string, unknown> | undefined {
  if (entry.kind === 'ignored' || entry.kind === 'misplaced') return undefined;
  const input = entry.kind === 'parts' ? entry.data.parts : entry.data;
  if (entry.kind === 'quiz' && (input === null || typeof input !== 'object' || Array.isArray(input))) {
    report(entry.file, '(file)', `expected a mapping with chapter and facts, got ${input === null ? 'an empty file' : typeof input}`, 1);
    return undefined;
  }
  const result = SCHEMAS[entry.kind].safeParse(input, { reportInput: true });
  if (result.success) return (entry.kind === 'parts' ? { parts: result.data } : result.data) as Record<string, unknown>;
  const [first, last] = entry.yamlRange;
  for (const issue of result.error.issues) {
    const line = findYamlLine(entry.lines, issue.path, first, last) ?? first + 1;
    report(entry.file, fieldPath(issue.path), describeIssue(issue), line);
  }
  return undefined;
}

function slugOf(path: string): string {
  return path.replace(/\.(md|mdx|ya?ml)$/i, '');
}

function checkDuplicateSlugs(entries: readonly ParsedEntry[], report: Report) {
  const seen = new Map<string, ParsedEntry>();
  for (const entry of entries) {
    const key = slugOf(entry.file.path);
    const earlier = seen.get(key);
    if (earlier) report(entry.file, '(file)', `has the same slug as ${earlier.file.displayPath} (expected one file per slug; rename or remove one)`);
    else seen.set(key, entry);
  }
}

function checkCrossReferences(parsed: readonly ParsedEntry[], valid: Map<ParsedEntry, Record<string, unknown>>, report: Report, hasPartsFile: boolean) {
  const partsEntry = parsed.find((e) => e.kind === 'parts');
  const partIds = new Set<string>();
  const partsData = partsEntry ? (valid.get(partsEntry)?.parts as { id: string; number: number }[] | undefined) : undefined;
  if (partsEntry && partsData) {
    const numbers = new Map<number, string>();
    partsData.forEach((part, index) => {
      if (partIds.has(part.id)) report(partsEntry.file, `[${index}].id`, `"${part.id}" is listed twice (expected each part id once)`, findYamlLine(partsEntry.lines, [index, 'id']));
      partIds.add(part.id);
      const other = numbers.get(part.number);
      if (other) report(partsEntry.file, `[${index}].number`, `number ${part.number} is already used by part "${other}" (expected a unique number)`, findYamlLine(partsEntry.lines, [index, 'number']));
      numbers.set(part.number, part.id);
    });
  }

  const chapterIds = new Set<string>();
  const numbersByPart = new Map<string, Map<number, ParsedEntry>>();
  for (const entry of parsed) {
    if (entry.kind !== 'chapter') continue;
    chapterIds.add(slugOf(entry.file.path.replace(/^chapters\//, '')));
    const data = valid.get(entry) as { part: string; chapter: number } | undefined;
    if (!data) continue;
    const folder = entry.file.path.split('/')[1] ?? '';
    const partLine = () => findYamlLine(entry.lines, ['part'], ...entry.yamlRange);
    if (!partsData) {
      // A parts.yaml that does not parse or validate is reported once, not again for every chapter.
      if (!hasPartsFile) report(entry.file, 'part', `names part "${data.part}", but the garden has no parts.yaml (expected a parts.yaml listing the parts)`, partLine());
    } else if (!partIds.has(data.part)) {
      report(entry.file, 'part', `expected one of the parts in parts.yaml (${[...partIds].map((id) => `"${id}"`).join(', ')}), got "${data.part}"`, partLine());
    } else if (data.part !== folder) {
      report(entry.file, 'part', `expected "${folder}" (the folder the chapter is in), got "${data.part}"`, partLine());
    }
    const numbers = numbersByPart.get(data.part) ?? new Map<number, ParsedEntry>();
    const clash = numbers.get(data.chapter);
    if (clash) {
      report(entry.file, 'chapter', `chapter ${data.chapter} of part "${data.part}" is also ${clash.file.displayPath} (expected a unique number within the part)`, findYamlLine(entry.lines, ['chapter'], ...entry.yamlRange));
    } else numbers.set(data.chapter, entry);
    numbersByPart.set(data.part, numbers);
  }

  for (const entry of parsed) {
    if (entry.kind !== 'quiz') continue;
    const data = valid.get(entry) as { chapter: string } | undefined;
    if (!data || chapterIds.has(data.chapter)) continue;
    const known = [...chapterIds].sort();
    const hint = known.length ? `one of the chapter ids (${known.slice(0, 5).map((id) => `"${id}"`).join(', ')}${known.length > 5 ? ', …' : ''})` : 'a chapter id, but the garden has no chapters';
    report(entry.file, 'chapter', `expected ${hint}, got "${data.chapter}"`, findYamlLine(entry.lines, ['chapter']));
  }
}

/** What only the Markdown body can get wrong: formulas KaTeX rejects and code-fence languages Shiki lacks. */
function checkBody(entry: ParsedEntry, report: Report, memo: CheckMemo, scans?: BodyScans): { scan: BodyScan; trimmed: { key: string; offset: number } } | undefined {
  if (entry.kind === 'parts' || entry.kind === 'quiz') return undefined;
  const bodyStart = entry.yamlRange[1] + 1;
  const body = bodyOf(entry);
  const { scan, trimmed } = scanOf(body, memo, scans);
  for (const formula of scan.formulas) {
    const reason = memo.katexFailure(formula.value, formula.display);
    if (reason === undefined) continue;
    report(entry.file, 'math', `KaTeX cannot typeset "${formula.value.replace(/\s+/g, ' ').trim()}": ${reason} (expected a valid formula)`, bodyStart + formula.line);
  }
  for (const { lang, line } of fenceLanguages(body, bodyStart + 1)) {
    if (!isKnownFenceLanguage(lang)) {
      report(entry.file, 'code', `unknown code-fence language "${lang}" (rendered as plain text; expected a Shiki language such as python, ts, bash or text)`, line, 'warning');
    }
  }
  return { scan, trimmed };
}

/** The body's scan, its lines counted from the body as written: a render worker's, else a remembered one, else parsed here. */
function scanOf(body: string, memo: CheckMemo, scans?: BodyScans): { scan: BodyScan; trimmed: { key: string; offset: number } } {
  const { text, offset } = trimBody(body);
  const trimmed = { key: textHash(text), offset };
  const made = scans?.get(text);
  if (made) memo.keep?.(trimmed.key, made);
  return { scan: shiftScan(made ?? memo.scanBody(text), offset), trimmed };
}

/** A file over the size limit or not in UTF-8 is reported once and not parsed. */
function checkBytes(file: GardenFile, maxBytes: number, report: Report): boolean {
  const size = file.size ?? new TextEncoder().encode(file.text).length;
  if (size > maxBytes) {
    const limit = formatBytes(maxBytes);
    // "got 2 MB" against a limit of 2 MB would say nothing: then count the bytes.
    const got = formatBytes(size) === limit ? `${size} bytes` : formatBytes(size);
    report(file, '(file)', `the file is over the ${limit} size limit (expected at most ${limit}, got ${got}; keep data and logs out of the garden)`);
    return false;
  }
  const bad = file.invalidUtf8;
  if (bad) {
    const hex = `0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')}`;
    const message = bad.utf16
      ? 'the file is UTF-16 (expected UTF-8 text, got a UTF-16 byte-order mark; re-save the file as UTF-8)'
      : `byte ${hex} at column ${bad.column} is not UTF-8 (expected UTF-8 text, got a byte from another encoding such as Latin-1 or Windows-1252; re-save the file as UTF-8)`;
    report(file, '(encoding)', message, bad.line);
    return false;
  }
  return true;
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
  const bits: SiteEntries['bits'][number][] = [];
  const shorts: SiteEntries['shorts'][number][] = [];
  const chapters: SiteEntries['chapters'][number][] = [];
  let parts: { id: string }[] = [];
  const tagged: { entry: ParsedEntry; tags: readonly TagSlug[] }[] = [];
  for (const entry of parsed) {
    // An entry with a wrong field still has a page once fixed: links to it are not reported as well.
    const data = (valid.get(entry) ?? { draft: entry.data?.draft === true }) as { draft?: boolean; tags?: TagSlug[]; parts?: { id: string }[] };
    const id = slugOf(entry.file.path).replace(/^(bits|shorts|chapters)\//, '');
    if (entry.kind === 'bit') bits.push({ slug: id, tags: data.tags, draft: data.draft });
    else if (entry.kind === 'short') shorts.push({ slug: id, tags: data.tags, draft: data.draft });
    else if (entry.kind === 'chapter') chapters.push({ id, tags: data.tags, draft: data.draft });
    else if (entry.kind === 'parts') parts = data.parts ?? [];
    if (valid.has(entry) && data.tags && (entry.kind === 'bit' || entry.kind === 'short' || entry.kind === 'chapter')) tagged.push({ entry, tags: data.tags });
  }
  const site = siteUrls({ bits, shorts, chapters, parts }, options.staticPages ?? FIXED_PAGES);
  const linkOptions = { allowDrafts: options.allowDrafts ?? false, base: options.base ?? '/' };

  for (const [entry, scan] of scans) {
    if (entry.kind !== 'bit' && entry.kind !== 'short' && entry.kind !== 'chapter') continue;
    const bodyStart = entry.yamlRange[1] + 1;
    // A draft is never built, so its own links only matter where drafts are shown.
    const draft = entry.data?.draft === true;
    for (const link of scan.rootLinks) {
      const result = checkRootLink(link.url, site, { ...linkOptions, allowDrafts: linkOptions.allowDrafts || draft });
      if (!result.ok) report(entry.file, 'link', `(${link.url}): ${result.message}`, bodyStart + link.line);
    }
    if (options.editorial && entry.kind === 'bit' && valid.has(entry) && !draft && !scan.hasCode && !scan.hasMath) {
      report(entry.file, '(body)', 'a bit without code or formula (expected a code block or math; a note of prose only reads better as a short)', bodyStart + 1, 'warning');
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
      if (!once.has(tag)) return;
      const near = closeTag(tag, shared);
      const line = findTagLine(entry, tag);
      report(entry.file, 'tags', `tag "${tag}" is used only once in the garden (expected a tag shared with another entry${near ? `, such as "${near}"` : ''}, got a tag no other entry has)`, line, 'warning');
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
