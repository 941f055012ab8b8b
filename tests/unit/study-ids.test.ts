import { describe, expect, it } from 'vitest';
import { factId, factIds, normaliseQuestion, shortHash } from '../../src/lib/study/ids';

describe('normaliseQuestion', () => {
  it('ignores case, runs of whitespace, line breaks and Unicode compatibility forms', () => {
    expect(normaliseQuestion('  What is  the\n RANK of (3,\t4, 5)? ')).toBe('what is the rank of (3, 4, 5)?');
    expect(normaliseQuestion('ﬁnite ２')).toBe('finite 2');
  });

  it('keeps what changes the meaning: words and punctuation', () => {
    expect(normaliseQuestion('What is x?')).not.toBe(normaliseQuestion('What is y?'));
    expect(normaliseQuestion('What is x?')).not.toBe(normaliseQuestion('What is x'));
  });
});

describe('shortHash', () => {
  it('is stable across runs (these values are stored in readers\' browsers)', () => {
    expect(shortHash('')).toBe(shortHash(''));
    expect(shortHash('what is the rank of (3, 4, 5)?')).toBe('250tc4ljvoo');
    expect(shortHash('a')).toMatch(/^[0-9a-z]{1,11}$/);
  });

  it('spreads a thousand similar questions over a thousand distinct hashes', () => {
    const hashes = new Set(Array.from({ length: 1000 }, (_, i) => shortHash(`what is ${i} + ${i}?`)));
    expect(hashes.size).toBe(1000);
  });
});

describe('factId', () => {
  it('names the chapter and hashes the normalised question', () => {
    const id = factId('ml-foundations/01-tensors', 'What is the rank of (3, 4, 5)?');
    expect(id).toMatch(/^ml-foundations\/01-tensors#[0-9a-z]+$/);
    expect(factId('ml-foundations/01-tensors', '  what is the RANK of (3, 4, 5)?\n')).toBe(id);
  });

  it('differs between chapters and between questions', () => {
    const id = factId('a/01-x', 'Q?');
    expect(factId('a/02-y', 'Q?')).not.toBe(id);
    expect(factId('a/01-x', 'Q2?')).not.toBe(id);
  });
});

describe('factIds', () => {
  it('does not depend on the order or number of the other facts', () => {
    const before = factIds('c/01', ['First?', 'Second?', 'Third?']);
    const after = factIds('c/01', ['New one?', 'Third?', 'First?', 'Second?']);
    expect(after.slice(1)).toEqual([before[2], before[0], before[1]]);
  });

  it('tells apart two facts asking the same question', () => {
    const ids = factIds('c/01', ['Same?', 'Other?', 'same? ', 'SAME?']);
    expect(new Set(ids).size).toBe(4);
    expect(ids[2]).toBe(`${ids[0]}~2`);
    expect(ids[3]).toBe(`${ids[0]}~3`);
  });
});
