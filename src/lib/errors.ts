import type { core } from 'astro/zod';
import { describeValue } from './describe';

export type Severity = 'error' | 'warning';

/** One thing wrong with one file, said so the author can fix it without reading our code. */
export interface ContentProblem {
  severity: Severity;
  /** Path as the author sees it, relative to the working directory: `content/shorts/kv-cache.md`. */
  file: string;
  line?: number;
  /** The frontmatter field or YAML path, e.g. `date` or `facts[2].answer`; `(file)` for the whole file. */
  field: string;
  message: string;
}

/** `content/shorts/kv-cache.md:4: date: expected YYYY-MM-DD, got "June 7"` */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${prefix}${where}: ${problem.field}: ${problem.message}`;
}

/** Errors first, then warnings, each group by file and line, so one pass reads top to bottom. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  const rank = (p: ContentProblem) => (p.severity === 'error' ? 0 : 1);
  return [...problems].sort(
    (a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field),
  );
}

/** `['facts', 2, 'answer']` → `facts[2].answer` */
export function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Turns one zod issue into "expected …, got …" wording. */
export function describeIssue(issue: core.$ZodIssue): string {
  const input = 'input' in issue ? issue.input : undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `required field is missing (expected ${article(issue.expected)})`;
      return `expected ${article(issue.expected)}, got ${describeValue(input)}`;
    case 'too_small':
      if (issue.origin === 'array') {
        return Number(issue.minimum) <= 1
          ? `expected at least one item, got ${describeValue(input)}`
          : `expected at least ${issue.minimum} items, got ${describeValue(input)}`;
      }
      if (issue.origin === 'string') return `expected non-empty text, got ${describeValue(input)}`;
      return issue.inclusive === false
        ? `expected a number greater than ${issue.minimum}, got ${describeValue(input)}`
        : `expected a number of at least ${issue.minimum}, got ${describeValue(input)}`;
    case 'too_big':
      return `expected at most ${issue.maximum}, got ${describeValue(input)}`;
    case 'invalid_format':
      return `${issue.message}, got ${describeValue(input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(input)}`;
    case 'invalid_union':
      return `expected text or a number, got ${describeValue(input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of fields',
    date: 'a date',
  };
  return names[expected] ?? expected;
}

/** Thrown by the build when the garden has errors; its message lists every one. */
export class GardenContentError extends Error {
  // A plain field, not a parameter property: `npm run check` runs this file with Node's type stripping.
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(
      `The garden has ${errors.length} content error${errors.length === 1 ? '' : 's'}:\n` +
        errors.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.problems = problems;
    this.name = 'GardenContentError';
    // The trace would point into the checker; the author needs the list above, not our call stack.
    this.stack = `${this.name}: ${this.message}`;
  }
}
