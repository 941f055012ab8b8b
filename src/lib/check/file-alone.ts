/**
 * The checks of one file on its own — its size and encoding, its YAML, its
 * schema, its formulas and code fences — whose results depend on the file's
 * path and text only, so a caller may keep them between runs (FileResults).
 */
import type { z } from 'astro/zod';
import { DATA_FILES, type Registry } from '../collections';
import { misplacedFile } from './placement';
import { unknownFields, type UnknownField } from './unknown-fields';
import { checkMdx, type MdxImport } from './mdx';
import type { ModelFile } from '../garden-model';
import { describeIssue, fieldPath, type ContentProblem } from '../errors';
import type { GardenFile } from '../garden-file';
import { findYamlLine } from './source-lines';
import { fenceLanguages, isKnownFenceLanguage } from './languages';
import { CALLOUT_TYPES } from '../markdown/callout-types';
import { scanBody, shiftScan, trimBody, type BodyScan } from './body-scan';
import { katexFailure, type FormulaCheck } from './math';
import { MAX_NESTING, MarkdownNestingError } from '../markdown/parse';
import { unsafeUrlMessage } from '../markdown/safe-urls';
import { factFormulaProblems } from './quiz-markdown';
import type { QuizData } from '../schema';
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
  /** The modules an .mdx note imports, with their lines: whether each exists is asked on every run. */
  imports?: MdxImport[] | undefined;
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
export interface FileAloneOptions {
  maxBytes?: number | undefined;
  registry?: Registry | undefined;
  /** How formulas are checked (default: katexFailure on each); checkGarden shares one formulaCheck across its files. */
  formulas?: FormulaCheck | undefined;
}

export function checkFileAlone(model: ModelFile, options: FileAloneOptions = {}): LocalCheck {
  const { file, kind } = model;
  const local: LocalCheck = { read: [], schema: [], body: [] };
  const into =
    (list: LocalProblem[]): Report =>
    (_file, field, message, line, severity = 'error') =>
      list.push({ severity, field, message, ...(line ? { line } : {}) });
  if (file.linksOutside) {
    const { target, missing } = file.linksOutside;
    const message = missing
      ? `is a symbolic link to ${target}, which does not exist (expected a file inside the garden folder)`
      : `is a symbolic link to ${target}, outside the garden (expected a file inside the garden folder; copy it in instead, so nothing outside the garden is published)`;
    local.read.push({ severity: 'error', field: '(file)', message });
    return local;
  }
  if (kind === 'misplaced') {
    local.read.push(misplacedFile(file.path, options.registry));
    return local;
  }
  if (kind === 'ignored' || !checkBytes(file, options.maxBytes ?? DEFAULT_MAX_BYTES, into(local.read))) return local;
  const reading = model.yaml;
  if (!reading.ok) {
    into(local.read)(file, reading.field, reading.message, reading.line);
    return local;
  }
  const entry: ParsedEntry = { file, kind, note: model.note, data: reading.data, lines: model.lines, yamlRange: reading.yamlRange };
  local.parsed = { data: entry.data, yamlRange: entry.yamlRange };
  local.valid = validateSchema(entry, into(local.schema));
  local.scan = checkBody(entry, into(local.body), options.formulas ?? katexFailure);
  if (entry.note && /\.mdx$/i.test(file.path) && local.scan) {
    // Only a body the Markdown parser took (not nested too deeply) is compiled: MDX's own parser recurses.
    const mdx = checkMdx(model.body, model.bodyStart);
    local.body.push(...mdx.problems);
    local.imports = mdx.imports;
  }
  if (entry.kind === 'quiz' && local.valid) {
    for (const problem of factFormulaProblems(local.valid as QuizData, entry.lines, entry.yamlRange)) into(local.body)(file, problem.field, problem.message, problem.line);
  }
  return local;
}

/** The schema a file is checked against: its collection's, or that of a data file. */
function schemaOf(entry: ParsedEntry): z.ZodType | undefined {
  if (entry.note) return entry.note.collection.schema;
  if (entry.kind === 'parts') return DATA_FILES.parts.schema;
  if (entry.kind === 'quiz') return DATA_FILES.quiz.schema;
  return undefined;
}

function validateSchema(entry: ParsedEntry, report: Report): Record<string, unknown> | undefined {
  const schema = schemaOf(entry);
  if (!schema) return undefined;
  const input = entry.kind === 'parts' ? entry.data.parts : entry.data;
  if (entry.kind === 'quiz' && (input === null || typeof input !== 'object' || Array.isArray(input))) {
    report(entry.file, '(file)', `expected a mapping with chapter and facts, got ${input === null ? 'an empty file' : typeof input}`, 1);
    return undefined;
  }
  const [first, last] = entry.yamlRange;
  const lineOf = (path: readonly PropertyKey[]) => findYamlLine(entry.lines, path, first, last) ?? first + 1;
  const unknown = unknownFields(schema, input);
  // A missing field with a misspelt one beside it (`tittle:` for `title:`) is said once, in the error about the missing field.
  const misspelt = new Map(unknown.filter((field) => field.near !== undefined).map((field) => [fieldPath([...field.path.slice(0, -1), field.near!]), field]));
  const explained = new Set<UnknownField>();
  const result = schema.safeParse(input, { reportInput: true });
  for (const issue of result.success ? [] : result.error.issues) {
    const field = fieldPath(issue.path);
    const typo = isMissing(issue) ? misspelt.get(field) : undefined;
    if (typo) explained.add(typo);
    const hint = typo ? `; "${String(typo.path.at(-1))}" on line ${lineOf(typo.path)} looks like a misspelling of it` : '';
    report(entry.file, field, `${describeIssue(issue)}${hint}`, lineOf(issue.path));
  }
  for (const field of unknown) {
    if (explained.has(field)) continue;
    const near = field.near ? `; did you mean "${field.near}"?` : '';
    report(entry.file, fieldPath(field.path), `unknown field, which the site ignores (expected one of ${field.known.join(', ')}${near})`, lineOf(field.path), 'warning');
  }
  if (!result.success) return undefined;
  return (entry.kind === 'parts' ? { parts: result.data } : result.data) as Record<string, unknown>;
}

/** A zod issue about a field that is not there at all. */
function isMissing(issue: { code: string; input?: unknown }): boolean {
  return (issue.code === 'invalid_type' || issue.code === 'custom') && issue.input === undefined;
}

const CALLOUT_NAMES = Object.keys(CALLOUT_TYPES).join(', ');

/** What only the Markdown body can get wrong: formulas KaTeX rejects, callout types and code-fence languages nobody knows. Returns the body's scan, its lines counted from the file's top. */
function checkBody(entry: ParsedEntry, report: Report, typesetFailure: FormulaCheck): BodyScan | undefined {
  if (!entry.note) return undefined;
  const bodyStart = entry.yamlRange[1] + 1;
  const body = bodyOf(entry);
  // Scanned as the note renderer parses it (trimmed), with lines counted from the body as written.
  const { text, offset } = trimBody(body);
  let scan: BodyScan;
  try {
    scan = shiftScan(scanBody(text), offset);
  } catch (error) {
    if (!(error instanceof MarkdownNestingError)) throw error;
    report(entry.file, '(body)', `blockquotes, lists or emphasis nested more than ${MAX_NESTING} levels deep (expected at most ${MAX_NESTING} levels; deeper nesting cannot be rendered)`, bodyStart + offset + error.line);
    return undefined;
  }
  for (const formula of scan.formulas) {
    const reason = typesetFailure(formula.value, formula.display);
    if (reason === undefined) continue;
    report(entry.file, 'math', `KaTeX cannot typeset "${formula.value.replace(/\s+/g, ' ').trim()}": ${reason} (expected a valid formula)`, bodyStart + formula.line);
  }
  for (const { url, scheme, line } of scan.unsafeUrls) report(entry.file, 'link', unsafeUrlMessage(url, scheme), bodyStart + line);
  for (const line of scan.unclosedFences) {
    report(entry.file, 'code', 'the code fence opened here is never closed (expected a closing ``` line; everything after it is shown as code)', bodyStart + line, 'warning');
  }
  for (const { type, line } of scan.unknownCallouts) {
    report(entry.file, 'callout', `unknown callout type "${type}" (rendered as a note; expected one of ${CALLOUT_NAMES})`, bodyStart + line, 'warning');
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
