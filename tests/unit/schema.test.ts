import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { bitSchema, chapterSchema, partSchema, partsFileSchema, quizFactSchema, quizSchema, shortSchema } from '../../src/lib/schema';

/** The issues of a failed parse as `path: code` pairs, in zod's order. */
function issues(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to be rejected, got ${JSON.stringify(result.data)}`);
  return result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`);
}

function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to be rejected`);
  return result.error.issues.map((issue) => issue.message);
}

const validBit = { title: 'Binary search with a safe midpoint', tags: ['algorithms', 'Python', 'interview'] };
const validShort = { title: 'The KV cache in one formula', summary: 'One or two sentences.', date: '2026-06-07', tags: ['llm', 'KV Cache'] };
const validChapter = { title: 'Tensors, shapes and broadcasting', part: 'ml-foundations', chapter: 1 };
const validPart = { id: 'ml-foundations', number: 1, title: 'ML foundations' };
const validQuiz = {
  chapter: 'ml-foundations/01-tensors',
  facts: [{ question: 'What is the rank of a tensor of shape (3, 4, 5)?', answer: '3', explanation: 'Rank counts the axes.' }],
};

describe('bitSchema', () => {
  it('accepts a minimal bit, normalising tags and defaulting draft to false', () => {
    expect(bitSchema.parse(validBit)).toEqual({
      title: 'Binary search with a safe midpoint',
      tags: ['algorithms', 'python', 'interview'],
      draft: false,
    });
  });

  it('accepts every optional field', () => {
    const data = bitSchema.parse({ ...validBit, title: '  Padded  ', why: ' Because. ', date: '2026-05-02', draft: true });
    expect(data).toEqual({ title: 'Padded', tags: ['algorithms', 'python', 'interview'], why: 'Because.', date: '2026-05-02', draft: true });
  });

  it.each([
    [['Time Series'], ['time-series']],
    [['time_series', 'TIME-series', 'Time Series'], ['time-series']],
    [['ML', '!!', 'ml'], ['ml']],
  ])('normalises tags %j to %j', (tags, expected) => {
    expect(bitSchema.parse({ ...validBit, tags }).tags).toEqual(expected);
  });

  it.each<[string, unknown, string[]]>([
    ['a missing title', { tags: ['a'] }, ['title: invalid_type']],
    ['missing tags', { title: 'T' }, ['tags: invalid_type']],
    ['an empty title', { ...validBit, title: '   ' }, ['title: too_small']],
    ['a numeric title', { ...validBit, title: 42 }, ['title: invalid_type']],
    ['tags as a string', { ...validBit, tags: 'python' }, ['tags: invalid_type']],
    ['an empty tag list', { ...validBit, tags: [] }, ['tags: too_small']],
    ['a tag that is a number', { ...validBit, tags: [1] }, ['tags.0: invalid_type']],
    ['tags with no letters or digits', { ...validBit, tags: ['!!', '---'] }, ['tags: custom']],
    ['draft as text', { ...validBit, draft: 'yes' }, ['draft: invalid_type']],
    ['an empty why', { ...validBit, why: '' }, ['why: too_small']],
    ['a bad date', { ...validBit, date: 'June 7' }, ['date: custom']],
    ['not an object', 'title: x', ['(root): invalid_type']],
  ])('rejects %s', (_name, value, expected) => {
    expect(issues(bitSchema, value)).toEqual(expected);
  });

  it('says why tags without letters or digits are rejected', () => {
    expect(messages(bitSchema, { ...validBit, tags: ['!!'] })).toEqual(['expected at least one tag with letters or digits, got a list (["!!"])']);
  });
});

describe('shortSchema', () => {
  it('accepts a valid short', () => {
    expect(shortSchema.parse(validShort)).toEqual({ ...validShort, tags: ['llm', 'kv-cache'], draft: false });
  });

  it.each([
    [new Date(Date.UTC(2026, 5, 7)), '2026-06-07'],
    [new Date('2024-02-29T00:00:00Z'), '2024-02-29'],
    ['2026-06-07', '2026-06-07'],
    [' 2026-06-07 ', '2026-06-07'],
  ])('turns the date %o into %j', (date, expected) => {
    expect(shortSchema.parse({ ...validShort, date }).date).toBe(expected);
  });

  it.each<[unknown, string]>([
    ['June 7', 'expected YYYY-MM-DD, got "June 7"'],
    ['2026-02-30', 'expected YYYY-MM-DD, got "2026-02-30"'],
    ['2026-6-7', 'expected YYYY-MM-DD, got "2026-6-7"'],
    [20260607, 'expected YYYY-MM-DD, got number 20260607'],
    [new Date('nope'), 'expected YYYY-MM-DD, got an invalid date'],
    [undefined, 'required field is missing (expected a date written YYYY-MM-DD)'],
    [null, 'required field is missing (expected a date written YYYY-MM-DD)'],
  ])('rejects the date %o saying %j', (date, message) => {
    expect(messages(shortSchema, { ...validShort, date })).toEqual([message]);
  });

  it.each([['llm'], ['time-series'], ['data-engineering']])('accepts the track %j', (track) => {
    expect(shortSchema.parse({ ...validShort, track }).track).toBe(track);
  });

  it.each([['Time Series'], ['LLM'], ['-llm'], ['']])('rejects the track %j', (track) => {
    expect(issues(shortSchema, { ...validShort, track })).toEqual(['track: invalid_format']);
  });

  it.each<[string, unknown, string[]]>([
    ['a missing summary', { ...validShort, summary: undefined }, ['summary: invalid_type']],
    ['a missing date', { ...validShort, date: undefined }, ['date: custom']],
    ['empty tags', { ...validShort, tags: [] }, ['tags: too_small']],
    ['several mistakes at once', { title: '', summary: 3, date: 'x', tags: [] }, ['title: too_small', 'summary: invalid_type', 'date: custom', 'tags: too_small']],
  ])('rejects %s', (_name, value, expected) => {
    expect(issues(shortSchema, value)).toEqual(expected);
  });
});

describe('partSchema and partsFileSchema', () => {
  it('accepts a part with or without a summary', () => {
    expect(partSchema.parse(validPart)).toEqual(validPart);
    expect(partSchema.parse({ ...validPart, summary: ' Basics. ' })).toEqual({ ...validPart, summary: 'Basics.' });
  });

  it.each<[string, unknown, string[]]>([
    ['an id with capitals', { ...validPart, id: 'ML' }, ['id: invalid_format']],
    ['an id with spaces', { ...validPart, id: 'ml foundations' }, ['id: invalid_format']],
    ['a number as text', { ...validPart, number: '1' }, ['number: invalid_type']],
    ['a fractional number', { ...validPart, number: 1.5 }, ['number: invalid_type']],
    ['number 0', { ...validPart, number: 0 }, ['number: too_small']],
    ['a missing title', { id: 'a', number: 1 }, ['title: invalid_type']],
  ])('rejects %s', (_name, value, expected) => {
    expect(issues(partSchema, value)).toEqual(expected);
  });

  it('accepts a list of parts', () => {
    expect(partsFileSchema.parse([validPart, { id: 'b', number: 2, title: 'B' }])).toHaveLength(2);
  });

  it.each<[string, unknown, string[]]>([
    ['an empty list', [], ['(root): too_small']],
    ['a mapping', { parts: [validPart] }, ['(root): invalid_type']],
    ['a bad second part', [validPart, { id: 'b', title: 'B' }], ['1.number: invalid_type']],
  ])('rejects %s', (_name, value, expected) => {
    expect(issues(partsFileSchema, value)).toEqual(expected);
  });
});

describe('chapterSchema', () => {
  it('accepts a chapter and defaults tags to an empty list', () => {
    expect(chapterSchema.parse(validChapter)).toEqual({ ...validChapter, tags: [], draft: false });
  });

  it('normalises tags and keeps an empty list', () => {
    expect(chapterSchema.parse({ ...validChapter, tags: ['Tensor Ops', 'tensors', 'tensors'] }).tags).toEqual(['tensor-ops', 'tensors']);
    expect(chapterSchema.parse({ ...validChapter, tags: [] }).tags).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['a chapter number as a word', { ...validChapter, chapter: 'one' }, ['chapter: invalid_type']],
    ['a fractional chapter number', { ...validChapter, chapter: 1.5 }, ['chapter: invalid_type']],
    ['chapter 0', { ...validChapter, chapter: 0 }, ['chapter: too_small']],
    ['a negative chapter', { ...validChapter, chapter: -1 }, ['chapter: too_small']],
    ['a missing part', { title: 'T', chapter: 1 }, ['part: invalid_type']],
    ['an empty part', { ...validChapter, part: '' }, ['part: too_small']],
    ['tags as text', { ...validChapter, tags: 'numpy' }, ['tags: invalid_type']],
  ])('rejects %s', (_name, value, expected) => {
    expect(issues(chapterSchema, value)).toEqual(expected);
  });
});

describe('quizFactSchema and quizSchema', () => {
  it('accepts a valid quiz', () => {
    expect(quizSchema.parse(validQuiz)).toEqual(validQuiz);
  });

  it.each<[unknown, string]>([
    [3, '3'],
    [0, '0'],
    [2.5, '2.5'],
    [true, 'true'],
    ['  (5, 4)  ', '(5, 4)'],
  ])('turns the answer %o into the string %j', (answer, expected) => {
    expect(quizFactSchema.parse({ question: 'Q', answer, explanation: 'E' }).answer).toBe(expected);
  });

  it.each<[string, unknown, string[]]>([
    ['an empty answer', { question: 'Q', answer: '  ', explanation: 'E' }, ['answer: too_small']],
    ['a missing answer', { question: 'Q', explanation: 'E' }, ['answer: invalid_union']],
    ['a list as answer', { question: 'Q', answer: ['a'], explanation: 'E' }, ['answer: invalid_union']],
    ['a missing explanation', { question: 'Q', answer: 'A' }, ['explanation: invalid_type']],
    ['an empty question', { question: '', answer: 'A', explanation: 'E' }, ['question: too_small']],
  ])('rejects a fact with %s', (_name, value, expected) => {
    expect(issues(quizFactSchema, value)).toEqual(expected);
  });

  it('accepts distractors, turning unquoted numbers into strings', () => {
    expect(quizFactSchema.parse({ question: 'Rank of (3, 4, 5)?', answer: 3, explanation: 'E', distractors: [2, ' 5 ', 'twelve'] })).toEqual({
      question: 'Rank of (3, 4, 5)?',
      answer: '3',
      explanation: 'E',
      distractors: ['2', '5', 'twelve'],
    });
  });

  it.each<[string, unknown, string[]]>([
    ['an empty list', [], ['distractors: too_small']],
    ['an empty distractor', ['ok', ''], ['distractors.1: too_small']],
    ['a list of lists', [['a']], ['distractors.0: invalid_union']],
    ['text instead of a list', 'two', ['distractors: invalid_type']],
  ])('rejects distractors that are %s', (_name, distractors, expected) => {
    expect(issues(quizFactSchema, { question: 'Q', answer: 'A', explanation: 'E', distractors })).toEqual(expected);
  });

  it.each<[unknown, unknown[], number]>([
    ['Paris', ['Lyon', 'paris'], 1],
    [3, ['3', '4'], 0],
    ['True', [true], 0],
  ])('rejects the answer %o among its own distractors %o', (answer, distractors, index) => {
    const result = quizFactSchema.safeParse({ question: 'Q', answer, explanation: 'E', distractors });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path, i.code])).toEqual([[['distractors', index], 'custom']]);
    expect(result.error?.issues[0]?.message).toBe(`expected a wrong answer, got the answer itself ("${String(distractors[index]).trim()}")`);
  });

  it.each<[string, unknown, string[]]>([
    ['no facts', { chapter: 'a/b', facts: [] }, ['facts: too_small']],
    ['a missing chapter', { facts: validQuiz.facts }, ['chapter: invalid_type']],
    ['facts as a mapping', { chapter: 'a/b', facts: { question: 'Q' } }, ['facts: invalid_type']],
    ['a bad third fact', { chapter: 'a/b', facts: [...validQuiz.facts, ...validQuiz.facts, { question: 'Q', answer: 'A' }] }, ['facts.2.explanation: invalid_type']],
  ])('rejects a quiz with %s', (_name, value, expected) => {
    expect(issues(quizSchema, value)).toEqual(expected);
  });
});
