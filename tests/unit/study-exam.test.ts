/** Exam mode: a seeded draw, how each fact is asked, scoring, the time limit with a given clock, and sending the missed facts to review. */
import { describe, expect, it } from 'vitest';
import type { DeckFact } from '../../src/lib/study/deck';
import { describeTimeLeft, drawExam, examSettings, normaliseAnswer, scoreExam, sendToReview, timeLeft, type ExamAnswer } from '../../src/lib/study/exam';
import { reviewQueue } from '../../src/lib/study/queue';
import { review } from '../../src/lib/study/schedule';

const fact = (n: number, extra: Partial<DeckFact> = {}): DeckFact => ({ id: `c#${n}`, c: 'c', q: `Q${n}`, a: `A${n}`, e: `E${n}`, t: `A${n}`, ...extra });
const facts: DeckFact[] = [
  ...Array.from({ length: 8 }, (_, i) => fact(i + 1)),
  fact(9, { a: 'yes', t: undefined, d: ['no', 'maybe'] }),
  fact(10, { t: '65,536' }),
  fact(11, { p: 'c#1' }),
];
const NOW = new Date(2026, 2, 2, 9, 0);

describe('the draw', () => {
  it('is the same for the same seed, differs for another, and never asks a fact twice or a follow-up', () => {
    const ids = (seed: number, size = 5) => drawExam(facts, size, seed).map((q) => q.fact.id);
    expect(ids(42)).toEqual(ids(42));
    expect(ids(42)).not.toEqual(ids(43));
    expect(new Set(ids(42)).size).toBe(5);
    expect(ids(7, 100).sort()).toEqual(facts.filter((f) => !f.p).map((f) => f.id).sort());
  });
  it('asks a fact with distractors as multiple choice, the others typed', () => {
    const all = drawExam(facts, 100, 1);
    const choice = all.find((q) => q.fact.id === 'c#9')!;
    expect(choice.kind).toBe('choice');
    expect(choice.kind === 'choice' && choice.choices.map((c) => c.html).sort()).toEqual(['maybe', 'no', 'yes']);
    expect(all.filter((q) => q.kind === 'typed')).toHaveLength(9);
  });
  it('takes its size, time limit and seed from the address, within bounds', () => {
    expect(examSettings(new URLSearchParams(''), 99)).toEqual({ size: 10, minutes: 0, seed: 99 });
    expect(examSettings(new URLSearchParams('n=5&minutes=10&seed=7'), 99)).toEqual({ size: 5, minutes: 10, seed: 7 });
    expect(examSettings(new URLSearchParams('n=0&minutes=-3&seed=x'), 99)).toEqual({ size: 1, minutes: 0, seed: 99 });
    expect(examSettings(new URLSearchParams('n=5000'), 1).size).toBe(100);
  });
});

describe('scoring', () => {
  const questions = drawExam(facts, 100, 3);
  const byId = (id: string) => questions.find((q) => q.fact.id === id)!;
  const rightChoice = (id: string) => {
    const q = byId(id);
    return q.kind === 'choice' ? q.choices.findIndex((c) => c.right) : -1;
  };
  it('counts a right choice, a typed answer that matches modulo case, spacing and punctuation, and nothing for a blank', () => {
    expect(normaliseAnswer(' The  Max. ')).toBe(normaliseAnswer('the max'));
    const answers = new Map<string, ExamAnswer>([
      ['c#9', { choice: rightChoice('c#9') }],
      ['c#10', { typed: '65536' }],
      ['c#1', { typed: ' a1 ' }],
      ['c#2', { typed: 'something else' }],
      ['c#3', { typed: '' }],
    ]);
    const score = scoreExam(questions, answers);
    expect([score.right, score.total, score.percent]).toEqual([3, 10, 30]);
    expect(score.missed.map((r) => r.question.fact.id).sort()).toEqual(['c#2', 'c#3', 'c#4', 'c#5', 'c#6', 'c#7', 'c#8']);
    // A typed answer that does not match can be counted right by the reader; a blank one cannot be graded.
    expect(score.missed.find((r) => r.question.fact.id === 'c#2')!.gradable).toBe(true);
    expect(score.missed.find((r) => r.question.fact.id === 'c#3')!.gradable).toBe(false);
    answers.set('c#2', { typed: 'something else', selfGraded: true });
    expect(scoreExam(questions, answers).right).toBe(4);
  });
  it('counts a wrong choice as missed', () => {
    const wrong = rightChoice('c#9') === 0 ? 1 : 0;
    expect(scoreExam([byId('c#9')], new Map([['c#9', { choice: wrong }]]))).toMatchObject({ right: 0, total: 1, percent: 0 });
  });
});

describe('the time limit', () => {
  it('counts down from the start and stops at zero; no limit never runs out', () => {
    const start = NOW.getTime();
    expect(timeLeft(start, 5, start + 60_000)).toBe(4 * 60_000);
    expect(timeLeft(start, 5, start + 6 * 60_000)).toBe(0);
    expect(timeLeft(start, 0, start + 1e9)).toBe(Infinity);
    expect(describeTimeLeft(4 * 60_000 + 4_001)).toBe('4:05');
    expect(describeTimeLeft(0)).toBe('0:00');
  });
});

describe('sending missed facts to review', () => {
  it('records a lapse at that time and makes each fact due now, keeping earlier reviews', () => {
    const before = { 'c#2': review(undefined, 4, new Date(NOW.getTime() - 86_400_000)) };
    const after = sendToReview(before, ['c#2', 'c#3'], NOW);
    expect(after['c#2']!.reviews.map((r) => r[1])).toEqual([4, 1]);
    expect(after['c#3']!.reviews).toEqual([[NOW.getTime(), 1]]);
    expect(after['c#2']!.due).toBe(NOW.getTime());
    expect(reviewQueue(['c#1', 'c#2', 'c#3'], after, {}, NOW, 0).due.sort()).toEqual(['c#2', 'c#3']);
    expect(before['c#2'].reviews).toHaveLength(1);
  });
});
