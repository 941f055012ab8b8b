/**
 * The checks of one file on its own — its size and encoding, its YAML, its
 * schema, its formulas and code fences — whose results depend on the file's
 * path and text only, so a caller may keep them between runs (FileResults).
 */
import yaml from 'js-yaml';
import type { z } from 'astro/zod';
import { GARDEN_YAML } from '../frontmatter';
import { bitSchema, chapterSchema, partsFileSchema, quizSchema, shortSchema } from '../schema';
import { describeIssue, fieldPath, type ContentProblem } from '../errors';
import type { GardenFile } from '../garden-file';
import type { GardenPathKind } from '../paths';
import { findYamlLine } from './source-lines';
import { fenceLanguages, isKnownFenceLanguage } from './languages';
import { scanBody, shiftScan, trimBody, type BodyScan } from './body-scan';
import { katexFailure } from './math';
import { DEFAULT_MAX_BYTES, formatBytes } from './limits';
import type { ParsedEntry, Report } from './entry';

/** A problem of one file, found by looking at that file alone; `file` is added when it is reported. */
export type LocalProblem = Omit<ContentProblem, 'file'>;

/**
 * What the checks of one file on its own find, kept apart by step so the
 * report lists them in the same order however they were obtained.
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
}

/** Where LocalChecks are kept between runs; `get` answers only for a file whose text is the one checked. */
export interface FileResults {
  get(file: GardenFile): LocalCheck | undefined;
  set(file: GardenFile, local: LocalCheck): void;
}

function bodyOf(entry: ParsedEntry): string {
  return entry.lines.slice(entry.yamlRange[1] + 1).join('\n');
}

/** Everything the checker can tell about one file without looking at the others. */
export function checkFileAlone(file: GardenFile, kind: GardenPathKind, options: { maxBytes?: number | undefined } = {}): LocalCheck {
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
  local.scan = checkBody(entry, into(local.body));
  return local;
}

function parseFile(file: GardenFile, kind: GardenPathKind, report: Report): ParsedEntry | undefined {
  const text = file.text.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (text.trim() === '') {
    report(file, '(file)', 'the file is empty (expected frontmatter with at least a title)');
    return undefined;
  }
  if (kind === 'parts' || kind === 'quiz') {
    try {
      const data = yaml.load(text, GARDEN_YAML);
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
    const frontmatter: unknown = yaml.load(`\n${lines.slice(1, close).join('\n')}\n`, GARDEN_YAML);
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

/** What only the Markdown body can get wrong: formulas KaTeX rejects and code-fence languages Shiki lacks. Returns the body's scan, its lines counted from the file's top. */
function checkBody(entry: ParsedEntry, report: Report): BodyScan | undefined {
  if (entry.kind === 'parts' || entry.kind === 'quiz') return undefined;
  const bodyStart = entry.yamlRange[1] + 1;
  const body = bodyOf(entry);
  // Scanned as the note renderer parses it (trimmed), with lines counted from the body as written.
  const { text, offset } = trimBody(body);
  const scan = shiftScan(scanBody(text), offset);
  for (const formula of scan.formulas) {
    const reason = katexFailure(formula.value, formula.display);
    if (reason === undefined) continue;
    report(entry.file, 'math', `KaTeX cannot typeset "${formula.value.replace(/\s+/g, ' ').trim()}": ${reason} (expected a valid formula)`, bodyStart + formula.line);
  }
  for (const { lang, line } of fenceLanguages(body, bodyStart + 1)) {
    if (!isKnownFenceLanguage(lang)) {
      report(entry.file, 'code', `unknown code-fence language "${lang}" (rendered as plain text; expected a Shiki language such as python, ts, bash or text)`, line, 'warning');
    }
  }
  return scan;
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
