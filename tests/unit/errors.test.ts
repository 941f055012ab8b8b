import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { describeIssue, fieldPath, formatProblem, GardenContentError, sortProblems, type ContentProblem } from '../../src/lib/errors';

/** The first issue zod reports for a value, with its input kept (as the checker asks for). */
function issueOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to fail`);
  return result.error.issues[0]!;
}

describe('formatProblem', () => {
  it.each<[ContentProblem, string]>([
    [
      { severity: 'error', file: 'content/shorts/kv-cache.md', line: 4, field: 'date', message: 'expected YYYY-MM-DD, got "June 7"' },
      'content/shorts/kv-cache.md:4: date: expected YYYY-MM-DD, got "June 7"',
    ],
    [{ severity: 'error', file: 'content/bits/a.md', field: '(file)', message: 'the file is empty' }, 'content/bits/a.md: (file): the file is empty'],
    [
      { severity: 'warning', file: 'content/bits/a.md', line: 9, field: 'code', message: 'unknown language' },
      'warning: content/bits/a.md:9: code: unknown language',
    ],
    [{ severity: 'warning', file: 'x.md', line: 0, field: 'f', message: 'm' }, 'warning: x.md: f: m'],
  ])('%o → %s', (problem, expected) => {
    expect(formatProblem(problem)).toBe(expected);
  });
});

describe('sortProblems', () => {
  it('puts errors before warnings, then orders by file, line and field', () => {
    const p = (severity: 'error' | 'warning', file: string, line: number | undefined, field: string): ContentProblem => ({
      severity,
      file,
      field,
      message: 'm',
      ...(line === undefined ? {} : { line }),
    });
    const input = [
      p('warning', 'a.md', 1, 'code'),
      p('error', 'b.md', 3, 'title'),
      p('error', 'a.md', 10, 'tags'),
      p('error', 'a.md', 2, 'title'),
      p('error', 'a.md', 2, 'date'),
      p('error', 'a.md', undefined, '(file)'),
      p('warning', '0.md', 5, 'code'),
    ];
    const copy = [...input];
    expect(sortProblems(input).map((x) => `${x.severity} ${x.file}:${x.line ?? '-'} ${x.field}`)).toEqual([
      'error a.md:- (file)',
      'error a.md:2 date',
      'error a.md:2 title',
      'error a.md:10 tags',
      'error b.md:3 title',
      'warning 0.md:5 code',
      'warning a.md:1 code',
    ]);
    expect(input).toEqual(copy);
  });

  it('returns an empty list for no problems', () => {
    expect(sortProblems([])).toEqual([]);
  });
});

describe('fieldPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], '(file)'],
    [['title'], 'title'],
    [['facts', 2, 'answer'], 'facts[2].answer'],
    [['tags', 0], 'tags[0]'],
    [[0, 'id'], '[0].id'],
    [[1], '[1]'],
    [['a', 'b', 'c'], 'a.b.c'],
    [['m', 0, 1], 'm[0][1]'],
  ])('%j → %s', (path, expected) => {
    expect(fieldPath(path)).toBe(expected);
  });
});

describe('describeIssue', () => {
  it.each<[string, z.ZodType, unknown, string]>([
    ['a missing field', z.object({ title: z.string() }), {}, 'required field is missing (expected text)'],
    ['a missing number', z.object({ n: z.number() }), {}, 'required field is missing (expected a number)'],
    ['text given a number', z.string(), 3, 'expected text, got number 3'],
    ['a number given text', z.number(), 'one', 'expected a number, got "one"'],
    ['a whole number given a fraction', z.number().int(), 1.5, 'expected a whole number, got number 1.5'],
    ['a boolean given text', z.boolean(), 'yes', 'expected true or false, got "yes"'],
    ['a list given text', z.array(z.string()), 'python', 'expected a list, got "python"'],
    ['a mapping given text', z.object({}), 'x', 'expected a mapping of fields, got "x"'],
    ['a date given text', z.date(), 'x', 'expected a date, got "x"'],
    ['an unnamed type', z.bigint(), 'x', 'expected bigint, got "x"'],
    ['an empty list', z.array(z.string()).min(1), [], 'expected at least one item, got an empty list'],
    ['a short list', z.array(z.number()).min(3), [1], 'expected at least 3 items, got a list ([1])'],
    ['empty text', z.string().min(1), '', 'expected non-empty text, got an empty string'],
    ['a small number', z.number().min(5), 2, 'expected a number of at least 5, got number 2'],
    ['a big number', z.number().max(3), 5, 'expected at most 3, got number 5'],
    ['a bad format', z.string().regex(/^a$/, { message: 'expected the letter a' }), 'b', 'expected the letter a, got "b"'],
    ['a value outside an enum', z.enum(['llm', 'math']), 'x', 'expected one of "llm", "math", got "x"'],
    ['a union', z.union([z.string(), z.number()]), null, 'expected text or a number, got an empty value'],
    ['one unknown key', z.strictObject({ a: z.string() }), { a: 'x', b: 1 }, 'unknown field b'],
    ['unknown keys', z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 }, 'unknown fields b, c'],
    ['a custom issue', z.string().refine(() => false, { message: 'custom words' }), 'x', 'custom words'],
  ])('%s', (_name, schema, value, expected) => {
    expect(describeIssue(issueOf(schema, value))).toBe(expected);
  });

  // Regression (errors.ts, describeIssue): too_small ignores `inclusive`, so `.positive()`
  // (minimum 0, exclusive) rejects 0 with "expected a number of at least 0, got number 0",
  // which contradicts itself. Seen by authors for `chapter: 0` or a part `number: 0`.
  it.each([
    [0, 'number 0'],
    [-2, 'number -2'],
  ])('describes a positive-number violation (%d) without claiming %s would be allowed', (value, got) => {
    const message = describeIssue(issueOf(z.number().int().positive(), value));
    expect(message).toContain(`got ${got}`);
    expect(message).not.toMatch(/at least 0\b/);
    expect(message).toMatch(/greater than 0|at least 1\b/);
  });
});

describe('GardenContentError', () => {
  const problems: ContentProblem[] = [
    { severity: 'error', file: 'content/bits/a.md', line: 2, field: 'title', message: 'required field is missing (expected text)' },
    { severity: 'warning', file: 'content/bits/a.md', line: 9, field: 'code', message: 'unknown code-fence language "x"' },
    { severity: 'error', file: 'content/shorts/b.md', line: 4, field: 'date', message: 'expected YYYY-MM-DD, got "June 7"' },
  ];

  it('lists every error (and no warning) in its message', () => {
    const error = new GardenContentError(problems);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('GardenContentError');
    expect(error.message).toBe(
      'The garden has 2 content errors:\n' +
        '  content/bits/a.md:2: title: required field is missing (expected text)\n' +
        '  content/shorts/b.md:4: date: expected YYYY-MM-DD, got "June 7"',
    );
    expect(error.problems).toBe(problems);
  });

  it('says "error" for a single one', () => {
    const error = new GardenContentError([problems[0]!]);
    expect(error.message.split('\n')[0]).toBe('The garden has 1 content error:');
  });

  it('has a stack without the checker frames', () => {
    const error = new GardenContentError([problems[0]!]);
    expect(error.stack).toBe(`GardenContentError: ${error.message}`);
    expect(error.stack).not.toMatch(/\n\s+at /);
  });
});
