import { describe, expect, it } from 'vitest';
import { fold, queryWords, STOPWORDS, terms } from '../../src/lib/search/tokens';

describe('terms', () => {
  it('lowercases, drops accents, stopwords and one-letter words, and de-duplicates', () => {
    expect(terms('The Café of the CAFE and a B-tree')).toEqual(['cafe', 'tree']);
  });

  it('keeps identifiers whole and adds their snake_case and camelCase parts', () => {
    expect(terms('scores.masked_fill(future)')).toEqual(['scores', 'masked_fill', 'masked', 'fill', 'future']);
    expect(terms('maskedFill HTTPServer')).toEqual(['maskedfill', 'masked', 'fill', 'httpserver', 'http', 'server']);
  });

  it('gives, word for word, what folding and splitting every word gives', () => {
    // The reference: each word folded and split, with no shortcut for plain or repeated words.
    const reference = (text: string) => {
      const out = new Set<string>();
      for (const word of text.match(/[\p{L}\p{N}_]+/gu) ?? []) {
        const candidates = [fold(word)];
        const parts = word.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2').split(/[_\s]+/).filter(Boolean);
        if (parts.length > 1) candidates.push(...parts.map(fold));
        for (const term of candidates) if (term.length > 1 && !STOPWORDS.has(term)) out.add(term);
      }
      return [...out];
    };
    const text = 'the mask and the Mask: masked_fill, maskedFill, HTTPServer, Café, café, naïve x y fp16 BM25 ß straße KV-cache kv cache Ω ω 12 12 ix ÉCOLE école';
    expect(terms(text)).toEqual(reference(text));
    expect(terms(`${text} ${text.split(' ').reverse().join(' ')}`)).toEqual(reference(`${text} ${text.split(' ').reverse().join(' ')}`));
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
