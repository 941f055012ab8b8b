/**
 * The garden checker: validates every file of a garden against the schemas and
 * against each other (parts, chapter numbers, quiz chapters, duplicate slugs).
 * Pure: it reads files handed to it and returns problems; the build and
 * `npm run check` decide what to do with them.
 */
import yaml from 'js-yaml';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { z } from 'astro/zod';
import { bitSchema, chapterSchema, partsFileSchema, quizSchema, shortSchema } from '../schema';
import { describeIssue, fieldPath, type ContentProblem } from '../errors';
import { findYamlLine } from './source-lines';
import { fenceLanguages, isKnownFenceLanguage } from './languages';
import { findMathFailures } from './math';
import { classifyGardenPath, type GardenPathKind } from '../paths';

export interface GardenFile {
  /** Path under the garden folder, with forward slashes: `shorts/kv-cache.md`. */
  path: string;
  /** The path shown to the author: `content/shorts/kv-cache.md`. */
  displayPath: string;
  text: string;
}

interface ParsedEntry {
  file: GardenFile;
  kind: GardenPathKind;
  data: Record<string, unknown>;
  lines: string[];
  /** 0-based [first, last) line range of the YAML (frontmatter or whole file). */
  yamlRange: [number, number];
}

export function checkGarden(files: readonly GardenFile[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (file: GardenFile, field: string, message: string, line?: number, severity: 'error' | 'warning' = 'error') =>
    problems.push({ severity, file: file.displayPath, field, message, ...(line ? { line } : {}) });

  const parsed: ParsedEntry[] = [];
  for (const file of files) {
    const kind = classifyGardenPath(file.path);
    if (kind === 'ignored') continue;
    if (kind === 'misplaced') {
      report(file, '(file)', 'is not where the garden looks for content (expected bits/, shorts/, chapters/<part-id>/, quiz/ or parts.yaml)', undefined, 'warning');
      continue;
    }
    const entry = parseFile(file, kind, report);
    if (entry) parsed.push(entry);
  }

  const valid = new Map<ParsedEntry, Record<string, unknown>>();
  for (const entry of parsed) {
    const data = validateSchema(entry, report);
    if (data) valid.set(entry, data);
  }

  checkDuplicateSlugs(parsed, report);
  checkCrossReferences(parsed, valid, report);
  checkBodies(parsed, report);
  return problems;
}

type Report = (file: GardenFile, field: string, message: string, line?: number, severity?: 'error' | 'warning') => void;

function parseFile(file: GardenFile, kind: GardenPathKind, report: Report): ParsedEntry | undefined {
  const text = file.text.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (text.trim() === '') {
    report(file, '(file)', 'the file is empty (expected frontmatter with at least a title)');
    return undefined;
  }
  if (kind === 'parts' || kind === 'quiz') {
    try {
      const data = yaml.load(text);
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
    const { frontmatter } = parseFrontmatter(text);
    const data = frontmatter && typeof frontmatter === 'object' ? frontmatter : {};
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

function checkCrossReferences(parsed: readonly ParsedEntry[], valid: Map<ParsedEntry, Record<string, unknown>>, report: Report) {
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
    const partLine = findYamlLine(entry.lines, ['part'], ...entry.yamlRange);
    if (!partsEntry) {
      report(entry.file, 'part', `names part "${data.part}", but the garden has no parts.yaml (expected a parts.yaml listing the parts)`, partLine);
    } else if (partsData && !partIds.has(data.part)) {
      report(entry.file, 'part', `expected one of the parts in parts.yaml (${[...partIds].map((id) => `"${id}"`).join(', ')}), got "${data.part}"`, partLine);
    } else if (data.part !== folder) {
      report(entry.file, 'part', `expected "${folder}" (the folder the chapter is in), got "${data.part}"`, partLine);
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
function checkBodies(parsed: readonly ParsedEntry[], report: Report) {
  for (const entry of parsed) {
    if (entry.kind === 'parts' || entry.kind === 'quiz') continue;
    const bodyStart = entry.yamlRange[1] + 1;
    const body = entry.lines.slice(bodyStart).join('\n');
    for (const failure of findMathFailures(body)) {
      report(entry.file, 'math', `KaTeX cannot typeset "${failure.formula.replace(/\s+/g, ' ').trim()}": ${failure.reason} (expected a valid formula)`, bodyStart + failure.line);
    }
    for (const { lang, line } of fenceLanguages(body, bodyStart + 1)) {
      if (!isKnownFenceLanguage(lang)) {
        report(entry.file, 'code', `unknown code-fence language "${lang}" (rendered as plain text; expected a Shiki language such as python, ts, bash or text)`, line, 'warning');
      }
    }
  }
}
