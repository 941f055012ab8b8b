import { describe, expect, it } from 'vitest';
import { factAnchor, studyFactIds, studyGroups, studyHasMath } from '../../src/lib/study/facts';
import { factId } from '../../src/lib/study/ids';
import type { ChapterItem } from '../../src/lib/garden';
import { inlineMarkdownRenderer } from '../../src/lib/markdown/inline-markdown';

const render = inlineMarkdownRenderer({ base: '/' });

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
  const study = studyGroups(groups, render);

  it('gives every fact its stable id, chapter and a label for the shuffled sheet', () => {
    expect(study[0]!.facts[0]).toEqual({
      id: factId('basics/01-shapes', 'Rank of (3, 4, 5)?'),
      anchor: factAnchor(factId('basics/01-shapes', 'Rank of (3, 4, 5)?')),
      chapterId: 'basics/01-shapes',
      from: 'Ch 1: Shapes',
      question: 'Rank of (3, 4, 5)?',
      answer: '3',
      explanation: 'Axes.',
      html: { question: 'Rank of (3, 4, 5)?', answer: '3', explanation: 'Axes.' },
      hasMath: false,
      choices: undefined,
    });
    expect(study[1]!.facts[0]!.id).not.toBe(study[0]!.facts[0]!.id);
  });

  it('turns distractors into choices with the answer marked correct', () => {
    expect(study[0]!.facts[1]!.choices).toEqual([
      { text: '(5, 4)', html: '(5, 4)', hasMath: false, correct: true },
      { text: '(5, 1)', html: '(5, 1)', hasMath: false, correct: false },
      { text: '(1, 4)', html: '(1, 4)', hasMath: false, correct: false },
    ]);
  });

  it('renders the inline Markdown of every field, choices included, and keeps the id of the question as written', () => {
    const question = 'Why scale scores by $\\sqrt{d_k}$?';
    const [group] = studyGroups(
      [{ chapter: chapter('basics/03-attention', 3, 'Attention'), facts: [{ question, answer: '$\\sqrt{d_k}$', explanation: 'Keeps `softmax` out of *saturation*.', distractors: ['$d_k$', 'none'] }] }],
      render,
    );
    const fact = group!.facts[0]!;
    expect(fact.id).toBe(factId('basics/03-attention', question));
    expect(fact.question).toBe('Why scale scores by \\sqrt{d_k}?');
    expect(fact.html.question).toMatch(/^Why scale scores by <span class="katex">[\s\S]*<\/span>\?$/);
    expect(fact.html.explanation).toBe('Keeps <code>softmax</code> out of <em>saturation</em>.');
    expect(fact.hasMath).toBe(true);
    expect(fact.choices!.map((choice) => [choice.text, choice.html.includes('class="katex"'), choice.correct])).toEqual([
      ['\\sqrt{d_k}', true, true],
      ['d_k', true, false],
      ['none', false, false],
    ]);
    expect(studyHasMath([group!])).toBe(true);
    expect(studyHasMath(study)).toBe(false);
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
