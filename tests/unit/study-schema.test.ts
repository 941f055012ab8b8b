import { describe, expect, it } from 'vitest';
import { quizFactSchema } from '../../src/lib/schema';
import { checkGarden, type GardenFile } from '../../src/lib/check/check';

const fact = { question: 'What shape does (5, 1) + (1, 4) give?', answer: '(5, 4)', explanation: 'Broadcasting stretches size-1 axes.' };
const lines = (...all: string[]) => `${all.join('\n')}\n`;

describe('quizFactSchema distractors', () => {
  it('is optional', () => {
    expect(quizFactSchema.parse(fact)).toEqual(fact);
  });

  it('accepts wrong answers as text or unquoted numbers, trimmed', () => {
    expect(quizFactSchema.parse({ ...fact, distractors: [' (5, 1) ', '(1, 4)'] }).distractors).toEqual(['(5, 1)', '(1, 4)']);
    expect(quizFactSchema.parse({ ...fact, answer: 3, distractors: [2, 4] }).distractors).toEqual(['2', '4']);
  });

  it.each<[string, unknown, string]>([
    ['text instead of a list', '(5, 1)', 'distractors: invalid_type'],
    ['an empty list', [], 'distractors: too_small'],
    ['an empty entry', ['(5, 1)', '  '], 'distractors.1: too_small'],
    ['a missing entry', [null], 'distractors.0: invalid_union'],
    ['the answer itself', ['(5, 1)', '(5, 4)'], 'distractors.1: custom'],
  ])('rejects %s', (_name, distractors, expected) => {
    const result = quizFactSchema.safeParse({ ...fact, distractors }, { reportInput: true });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`)).toEqual([expected]);
  });
});

describe('the garden checker on distractors', () => {
  const garden = (quiz: string): GardenFile[] =>
    [
      ['parts.yaml', lines('- id: basics', '  number: 1', '  title: Basics')],
      ['chapters/basics/01-shapes.md', lines('---', 'title: Shapes', 'part: basics', 'chapter: 1', '---', 'Text.')],
      ['quiz/basics-01.yaml', quiz],
    ].map(([path, text]) => ({ path: path!, displayPath: `content/${path}`, text: text! }));

  const quiz = (...factLines: string[]) =>
    lines('chapter: basics/01-shapes', 'facts:', '  - question: Q1', '    answer: A1', '    explanation: E1', ...factLines);

  it('accepts a quiz with distractors', () => {
    expect(checkGarden(garden(quiz('  - question: Q2', '    answer: "3"', '    explanation: E2', '    distractors: [2, "4"]')))).toEqual([]);
  });

  it('reports distractors written as text, naming the file, line and field', () => {
    expect(checkGarden(garden(quiz('  - question: Q2', '    answer: A2', '    explanation: E2', '    distractors: B2')))).toEqual([
      { severity: 'error', file: 'content/quiz/basics-01.yaml', field: 'facts[1].distractors', line: 9, message: 'expected a list, got "B2"' },
    ]);
  });

  it('reports an empty distractor list and a distractor that is the answer', () => {
    expect(checkGarden(garden(quiz('    distractors: []')))).toEqual([
      { severity: 'error', file: 'content/quiz/basics-01.yaml', field: 'facts[0].distractors', line: 6, message: 'expected at least one item, got an empty list' },
    ]);
    expect(checkGarden(garden(quiz('    distractors:', '      - B1', '      - a1')))).toEqual([
      expect.objectContaining({ field: 'facts[0].distractors[1]', message: 'expected a wrong answer, got the answer itself ("a1")' }),
    ]);
  });
});
