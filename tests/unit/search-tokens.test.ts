import { describe, expect, it } from 'vitest';
import { fold, queryWords, terms } from '../../src/lib/search/tokens';

describe('terms', () => {
  it('lowercases, drops accents, stopwords and one-letter words, and de-duplicates', () => {
    expect(terms('The Café of the CAFE and a B-tree')).toEqual(['cafe', 'tree']);
  });

  it('keeps identifiers whole and adds their snake_case and camelCase parts', () => {
    expect(terms('scores.masked_fill(future)')).toEqual(['scores', 'masked_fill', 'masked', 'fill', 'future']);
    expect(terms('maskedFill HTTPServer')).toEqual(['maskedfill', 'masked', 'fill', 'httpserver', 'http', 'server']);
  });

  it('keeps numbers and mixed words such as fp16 and bm25', () => {
    expect(terms('fp16 vs bm25 in 2026')).toEqual(['fp16', 'vs', 'bm25', '2026']);
  });
});

describe('queryWords', () => {
  it('folds the query the way the index was folded', () => {
    expect(queryWords('  Causal MASK  ')).toEqual(['causal', 'mask']);
    expect(fold('Éléphant')).toBe('elephant');
  });

  it('drops stopwords unless nothing else is left', () => {
    expect(queryWords('the kv cache')).toEqual(['kv', 'cache']);
    expect(queryWords('the')).toEqual(['the']);
  });

  it('keeps underscores, so an identifier stays one word', () => {
    expect(queryWords('masked_fill')).toEqual(['masked_fill']);
  });
});
