import { describe, expect, it } from 'vitest';
import { factAnchor, studyFactIds, studyGroups } from '../../src/lib/study/facts';
import { factId } from '../../src/lib/study/ids';
import type { ChapterItem } from '../../src/lib/garden';

const chapter = (id: string, number: number, title: string): ChapterItem => ({
  id,
  part: id.split('/')[0]!,
  chapter: number,
  title,
  tags: [],
  draft: false,
});

const groups = [
  {
    chapter: chapter('basics/01-shapes', 1, 'Shapes'),
    facts: [
      { question: 'Rank of (3, 4, 5)?', answer: '3', explanation: 'Axes.' },
      { question: 'Shape of (5,1) + (1,4)?', answer: '(5, 4)', explanation: 'Broadcasting.', distractors: ['(5, 1)', '(1, 4)'] },
    ],
  },
  { chapter: chapter('basics/02-more', 2, 'More'), facts: [{ question: 'Rank of (3, 4, 5)?', answer: '3', explanation: 'Same question, other chapter.' }] },
];

describe('studyGroups', () => {
  const study = studyGroups(groups);

  it('gives every fact its stable id, chapter and a label for the shuffled sheet', () => {
    expect(study[0]!.facts[0]).toEqual({
      id: factId('basics/01-shapes', 'Rank of (3, 4, 5)?'),
      anchor: factAnchor(factId('basics/01-shapes', 'Rank of (3, 4, 5)?')),
      chapterId: 'basics/01-shapes',
      from: 'Ch 1: Shapes',
      question: 'Rank of (3, 4, 5)?',
      answer: '3',
      explanation: 'Axes.',
      choices: undefined,
    });
    expect(study[1]!.facts[0]!.id).not.toBe(study[0]!.facts[0]!.id);
  });

  it('turns distractors into choices with the answer marked correct', () => {
    expect(study[0]!.facts[1]!.choices).toEqual([
      { text: '(5, 4)', correct: true },
      { text: '(5, 1)', correct: false },
      { text: '(1, 4)', correct: false },
    ]);
  });

  it('lists every id in reading order, all distinct', () => {
    const ids = studyFactIds(study);
    expect(ids).toEqual([study[0]!.facts[0]!.id, study[0]!.facts[1]!.id, study[1]!.facts[0]!.id]);
    expect(new Set(ids).size).toBe(3);
  });
});

describe('factAnchor', () => {
  it('makes an HTML id of a fact id', () => {
    expect(factAnchor('ml-foundations/01-tensors#250tc4ljvoo')).toBe('fact-ml-foundations-01-tensors-250tc4ljvoo');
    expect(factAnchor('Basics/01_Shapes#abc~2')).toBe('fact-basics-01-shapes-abc-2');
  });
});
