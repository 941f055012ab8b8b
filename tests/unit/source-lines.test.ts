import { describe, expect, it } from 'vitest';
import { findYamlLine } from '../../src/lib/check/source-lines';

const lines = (text: string) => text.split('\n');

describe('findYamlLine', () => {
  describe('in frontmatter (searched between the --- lines)', () => {
    const md = lines(['---', 'title: X', '# a comment with date: 1', 'tags:', '  - a', '  - b', '"date": 2026-06-07', '---', 'title: in the body'].join('\n'));
    // 0-based [1, 7): the lines between the two ---.
    it.each<[PropertyKey[], number | undefined]>([
      [['title'], 2],
      [['tags'], 4],
      [['tags', 0], 5],
      [['tags', 1], 6],
      [['date'], 7],
      // Not written at all: undefined, so the caller can point at the block.
      [['summary'], undefined],
      // The key is written but the list item is not: the key's line.
      [['tags', 5], 4],
      [[], undefined],
    ])('%j is on line %s', (path, line) => {
      expect(findYamlLine(md, path, 1, 7)).toBe(line);
    });

    it('does not look outside the given range', () => {
      expect(findYamlLine(md, ['title'], 2, 7)).toBeUndefined();
      expect(findYamlLine(md, ['date'], 1, 6)).toBeUndefined();
    });
  });

  describe('in a quiz file', () => {
    const quiz = lines(
      [
        'chapter: basics/01-intro', //     1
        'facts:', //                       2
        '  - question: Q1', //             3
        '    answer: A1', //               4
        '    explanation: E1', //          5
        '  # a comment', //                6
        '  - question: Q2', //             7
        "    'answer': '2'", //            8
        '    explanation: E2', //          9
      ].join('\n'),
    );
    it.each<[PropertyKey[], number | undefined]>([
      [['chapter'], 1],
      [['facts'], 2],
      [['facts', 0], 3],
      [['facts', 0, 'question'], 3],
      [['facts', 0, 'answer'], 4],
      [['facts', 1], 7],
      [['facts', 1, 'question'], 7],
      [['facts', 1, 'answer'], 8],
      [['facts', 1, 'explanation'], 9],
      [['facts', 2], 2],
      [['title'], undefined],
    ])('%j is on line %s', (path, line) => {
      expect(findYamlLine(quiz, path)).toBe(line);
    });
  });

  describe('in parts.yaml (a top-level list)', () => {
    const parts = lines(['- id: basics', '  number: 1', '  title: Basics', '- id: advanced', '  number: 2', '  title: Advanced'].join('\n'));
    it.each<[PropertyKey[], number | undefined]>([
      [[0], 1],
      [[0, 'id'], 1],
      [[0, 'number'], 2],
      [[1, 'id'], 4],
      [[1, 'title'], 6],
      [[2], undefined],
      [[2, 'id'], undefined],
    ])('%j is on line %s', (path, line) => {
      expect(findYamlLine(parts, path)).toBe(line);
    });
  });

  it('finds keys in list items written at indent 0', () => {
    const text = lines(['chapter: a/b', 'facts:', '- question: Q', '  answer: A', '- question: Q2', '  answer: A2'].join('\n'));
    expect(findYamlLine(text, ['facts', 0, 'answer'])).toBe(4);
    expect(findYamlLine(text, ['facts', 1, 'answer'])).toBe(6);
  });

  it.each([
    ['titles: x', ['title'], undefined],
    ['subtitle: x', ['title'], undefined],
    ['a.b: x', ['a.b'], 1],
    ['axb: x', ['a.b'], undefined],
    ['title : spaced', ['title'], 1],
  ])('matches whole keys only: %j for %j → %s', (text, path, line) => {
    expect(findYamlLine(lines(text), path)).toBe(line);
  });

  // Regression (check/source-lines.ts, findKey): when a list item lacks a key, the search runs on
  // into the next sibling item (a line at the same indent starting with "-" does not stop
  // it), so a missing `answer` in facts[0] is reported on facts[1]'s answer line.
  it('points at the list item itself when the key is missing from that item', () => {
    const text = lines(['chapter: a/b', 'facts:', '  - question: Q1', '    explanation: E1', '  - question: Q2', '    answer: A2', '    explanation: E2'].join('\n'));
    expect(findYamlLine(text, ['facts', 0, 'answer'])).toBe(3);
  });
});
