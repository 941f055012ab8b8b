import { describe, expect, it } from 'vitest';
import Fuse from 'fuse.js/basic';
import { gardenUrls } from '../../src/lib/urls';
import { chapterDocuments, collectionDocuments, compactBody, factDocuments, noteDocument, searchBody, type NoteSource, type SearchSource } from '../../src/lib/search/documents';
import { bits, shorts } from '../../src/lib/collections';
import { markdownToText } from '../../src/lib/search/text';
import { buildSearchIndex, decodePostings, documentTerms, type SearchIndexJson } from '../../src/lib/search/build-index';
import { SearchEngine } from '../../src/lib/search/engine';
import { buildShardedIndex } from '../../src/lib/search/shards';
import { SiteSearch } from '../../src/lib/search/site-engine';
import { exactQuality } from '../../src/lib/search/scoring';
import { highlight } from '../../src/lib/search/highlight';
import { resultView, snippet } from '../../src/lib/search/results';
import type { BitItem, ChapterItem, ShortItem } from '../../src/lib/garden';
import type { TagSlug } from '../../src/lib/tags';
import type { IsoDate } from '../../src/lib/dates';

const urls = gardenUrls('/garden/');
const tags = (...t: string[]) => t as TagSlug[];
const bit = (id: string, title: string, tagList: string[], why?: string, draft = false): BitItem => ({ id, title, tags: tags(...tagList), why, draft, date: '2026-01-02' as IsoDate });
const short = (id: string, title: string, summary: string, track?: string): ShortItem => ({ id, title, summary, date: '2026-03-04' as IsoDate, tags: tags('llm'), track, draft: false });
const chapter: ChapterItem = { id: 'basics/01-shapes', part: 'basics', chapter: 1, title: 'Shapes first', summary: 'Read the shape.', tags: tags('tensors'), draft: false };

const CAUSAL = '```python\nreturn scores.masked_fill(future, float("-inf"))\n```\n';

/** The notes of the fixture, typed per collection (SearchSource['notes'] holds them as plain NoteSources). */
const bitSources: NoteSource<BitItem>[] = [
  { item: bit('causal-mask', 'Causal mask', ['pytorch', 'attention'], 'A decoder must not see the future.'), body: CAUSAL },
  { item: bit('stable-softmax', 'Numerically stable softmax', ['numerics'], 'Subtract the max first.'), body: 'Shift logits by their maximum before exp; the attention scores stay finite.' },
  { item: bit('secret-draft', 'Unfinished masking trick', ['pytorch'], undefined, true), body: 'masked_fill draft' },
];
const shortSources: NoteSource<ShortItem>[] = [{ item: short('kv-cache', 'The KV cache in one formula', 'Long context costs memory.', 'llm'), body: 'Each token stores a key and a value. $$x^2$$' }];
const chapterSources: NoteSource<ChapterItem>[] = [
  {
    item: chapter,
    body: 'Lead text.\n\n## Broadcasting rules\n\nAlign shapes from the right.\n\n## Strides\n\nViews share memory.\n',
    headings: [
      { depth: 2, slug: 'broadcasting-rules', text: 'Broadcasting rules' },
      { depth: 2, slug: 'strides', text: 'Strides' },
    ],
  },
  { item: { ...chapter, id: 'basics/02-draft', chapter: 2, title: 'Draft chapter', draft: true }, body: '## Hidden\n\nText.' },
];

const source: SearchSource = {
  notes: { bits: bitSources, shorts: shortSources, chapters: chapterSources },
  parts: [{ id: 'basics', title: 'Basics' }],
  quizzes: [
    { chapter: 'basics/01-shapes', facts: [{ question: 'What shape does (5, 1) + (1, 4) give?', answer: '(5, 4)', explanation: 'Broadcasting stretches size-1 axes.', anchor: 'fact-abc' }] },
    { chapter: 'basics/02-draft', facts: [{ question: 'Hidden question?', answer: 'x', explanation: 'y' }] },
  ],
};

const indexOf = (collection: 'bits' | 'shorts' | 'chapters' | 'facts'): SearchIndexJson =>
  JSON.parse(JSON.stringify(buildSearchIndex(collection, collectionDocuments(collection, source, urls), Fuse.createIndex))) as SearchIndexJson;
const engine = (collection: 'bits' | 'shorts' | 'chapters' | 'facts') => new SearchEngine(indexOf(collection), Fuse);

describe('search documents', () => {
  it('give the same index from the body the note cache keeps (compacted text and terms) as from the Markdown', () => {
    const long = `${'The attention scores stay finite when the logits are shifted by their maximum. '.repeat(60)} masked_fill maskedFill`;
    const longBits = [...bitSources, { item: bit('long', 'Long', ['numerics']), body: long }];
    const withBodies: SearchSource = { ...source, notes: { ...source.notes, bits: longBits } };
    const keep = <Item extends BitItem | ShortItem>(entries: readonly NoteSource<Item>[]) => entries.map((entry) => ({ ...entry, kept: searchBody(markdownToText(entry.body)) }));
    const kept: SearchSource = {
      ...withBodies,
      notes: { ...withBodies.notes, bits: keep(longBits), shorts: keep(shortSources) },
    };
    for (const collection of ['bits', 'shorts'] as const) {
      const fromMarkdown = collectionDocuments(collection, withBodies, urls);
      const fromKept = collectionDocuments(collection, kept, urls);
      expect(fromKept.map(({ bodyTerms: _, ...doc }) => doc)).toEqual(fromMarkdown);
      expect(fromKept.every((doc) => doc.bodyTerms !== undefined)).toBe(true);
      expect(buildSearchIndex(collection, fromKept, Fuse.createIndex)).toEqual(buildSearchIndex(collection, fromMarkdown, Fuse.createIndex));
    }
  });

  it('describe a bit with its url under the base path, why it matters and the plain text of its body', () => {
    const doc = noteDocument(bits, bitSources[0]!.item, CAUSAL, urls);
    expect(doc).toMatchObject({ collection: 'bits', id: 'causal-mask', url: '/garden/bits/causal-mask/', title: 'Causal mask', tags: ['pytorch', 'attention'], summary: 'A decoder must not see the future.', date: '2026-01-02' });
    expect(doc.body).toContain('masked_fill');
    expect(doc.body).not.toContain('(');
  });

  it('describe a short with its summary and track, without math', () => {
    const doc = noteDocument(shorts, shortSources[0]!.item, shortSources[0]!.body, urls);
    expect(doc).toMatchObject({ url: '/garden/shorts/kv-cache/', summary: 'Long context costs memory.', track: 'llm', body: 'Each token stores a key and a value.' });
  });

  it('describe a chapter and each of its sections, linked to the heading', () => {
    const docs = chapterDocuments(chapter, chapterSources[0]!.body, urls, { headings: chapterSources[0]!.headings, partTitle: 'Basics' });
    expect(docs.map((d) => [d.id, d.url, d.title, d.context])).toEqual([
      ['basics/01-shapes', '/garden/cheatsheets/basics/01-shapes/', 'Shapes first', 'Basics · Ch 1'],
      ['basics/01-shapes#broadcasting-rules', '/garden/cheatsheets/basics/01-shapes/#broadcasting-rules', 'Broadcasting rules', 'Ch 1 · Shapes first'],
      ['basics/01-shapes#strides', '/garden/cheatsheets/basics/01-shapes/#strides', 'Strides', 'Ch 1 · Shapes first'],
    ]);
    expect(docs[0]!.body).toBe('Lead text. Broadcasting rules Strides');
    expect(docs[1]!.body).toBe('Align shapes from the right.');
  });

  it('describe quiz facts: question as title, answer as summary, linked to the fact', () => {
    const [fact] = factDocuments(chapter, source.quizzes[0]!.facts, urls);
    expect(fact).toMatchObject({ collection: 'facts', title: 'What shape does (5, 1) + (1, 4) give?', summary: '(5, 4)', url: '/garden/cheatsheets/basics/01-shapes/#fact-abc', context: 'Ch 1 · Shapes first' });
    expect(factDocuments(chapter, [{ question: 'Q', answer: 'A', explanation: 'E' }], urls)[0]!.url).toBe('/garden/cheatsheets/basics/01-shapes/#chapter-facts');
  });

  it('never include drafts, nor the facts of a draft chapter', () => {
    const all = (['bits', 'shorts', 'chapters', 'facts'] as const).flatMap((c) => collectionDocuments(c, source, urls));
    expect(all.map((d) => d.id)).not.toContain('secret-draft');
    expect(all.some((d) => d.id.startsWith('basics/02-draft'))).toBe(false);
    expect(all.some((d) => d.title === 'Hidden question?')).toBe(false);
    expect(JSON.stringify(indexOf('bits'))).not.toMatch(/secret-draft|Unfinished/);
  });

  it('compact bodies: later repeats dropped, capped at a word boundary', () => {
    expect(compactBody('mask the mask and the mask again, a b a', 100)).toBe('mask the and again, a b a');
    expect(compactBody('alpha beta gamma delta', 12)).toBe('alpha beta');
  });
});

describe('the index JSON', () => {
  it('ships a prebuilt Fuse index of the sorted terms and postings that point back to entries and fields', () => {
    const data = indexOf('bits');
    expect(data.collection).toBe('bits');
    expect(data.entries.map((e) => e.id)).toEqual(['causal-mask', 'stable-softmax']);
    expect(data.entries[0]).toEqual({ id: 'causal-mask', url: '/garden/bits/causal-mask/', title: 'Causal mask', tags: ['pytorch', 'attention'], summary: 'A decoder must not see the future.', date: '2026-01-02' });
    const termList = data.terms.records.map((r) => r.v);
    expect(termList).toEqual([...termList].sort());
    expect(data.terms.records.every((r, i) => r.i === i)).toBe(true);
    // Fuse reads it back without rebuilding.
    expect(Fuse.parseIndex<string>(data.terms as never).size()).toBe(termList.length);
    const posting = (term: string) => decodePostings(data.postings[termList.indexOf(term)]!);
    expect(posting('masked_fill')).toEqual([[0, 3]]);
    expect(posting('softmax')).toEqual([[1, 0]]);
    expect(posting('attention')).toEqual([
      [0, 1],
      [1, 3],
    ]);
    expect(posting('future')).toEqual([[0, 2]]);
  });

  it('records each term once per entry, in its weightiest field', () => {
    const terms = documentTerms({ collection: 'bits', id: 'x', url: '/x/', title: 'Mask', tags: ['mask', 'llm'], summary: 'mask', body: 'mask llm other' });
    expect([...terms]).toEqual([
      ['mask', 0],
      ['llm', 1],
      ['other', 3],
    ]);
  });
});

describe('searching', () => {
  it('finds a bit by an identifier in its code', () => {
    const outcome = engine('bits').search('masked_fill');
    expect(outcome.hits.map((h) => h.entry.id)).toEqual(['causal-mask']);
    expect(outcome.terms.has('masked_fill')).toBe(true);
  });

  it('matches inside longer terms, as a prefix, and with a typo', () => {
    const bits = engine('bits');
    expect(bits.search('mask').hits[0]!.entry.id).toBe('causal-mask');
    expect(bits.search('numer').hits.map((h) => h.entry.id)).toEqual(['stable-softmax']);
    expect(bits.search('sofmtax').hits.map((h) => h.entry.id)).toEqual(['stable-softmax']);
    expect(bits.search('qwzxv').hits).toEqual([]);
  });

  it('looks for typos only when the word occurs nowhere as typed', () => {
    const docs = ['mask', 'mark', 'masking'].map((word) => ({ collection: 'bits' as const, id: word, url: `/${word}/`, title: word, tags: [], body: '' }));
    const words = new SearchEngine(buildSearchIndex('bits', docs, Fuse.createIndex), Fuse);
    expect(words.search('mask').hits.map((h) => h.entry.id)).toEqual(['mask', 'masking']);
    expect(words.search('masc').hits.map((h) => h.entry.id)).toEqual(['mask']);
  });

  it('requires every word, in any field', () => {
    const bits = engine('bits');
    expect(bits.search('attention decoder').hits.map((h) => h.entry.id)).toEqual(['causal-mask']);
    expect(bits.search('attention').hits).toHaveLength(2);
    expect(bits.search('attention zebra').hits).toEqual([]);
  });

  it('weighs a title over tags over "why it matters" over the body', () => {
    const docs = [
      { collection: 'bits' as const, id: 'in-body', url: '/b/', title: 'One', tags: ['x'], summary: 's', body: 'kernel' },
      { collection: 'bits' as const, id: 'in-why', url: '/w/', title: 'Two', tags: ['x'], summary: 'kernel', body: 'b' },
      { collection: 'bits' as const, id: 'in-tags', url: '/t/', title: 'Three', tags: ['kernel'], summary: 's', body: 'b' },
      { collection: 'bits' as const, id: 'in-title', url: '/i/', title: 'Kernel', tags: ['x'], summary: 's', body: 'b' },
    ];
    const ranked = new SearchEngine(buildSearchIndex('bits', docs, Fuse.createIndex), Fuse).search('kernel').hits.map((h) => h.entry.id);
    expect(ranked).toEqual(['in-title', 'in-tags', 'in-why', 'in-body']);
  });

  it('prefers an exact word to a prefix, a prefix to a match inside a word', () => {
    expect(exactQuality('mask', 'mask')).toBe(1);
    expect(exactQuality('mask', 'masked')).toBeLessThan(1);
    expect(exactQuality('mask', 'masked')).toBeGreaterThan(exactQuality('mask', 'unmasked'));
    expect(exactQuality('ra', 'transformer')).toBe(0);
  });

  it('scores only the entries `only` allows (tag pre-filtering)', () => {
    const bits = engine('bits');
    const numerics = bits.search('attention', (i) => bits.entries[i]!.tags.includes('numerics'));
    expect(numerics.hits.map((h) => h.entry.id)).toEqual(['stable-softmax']);
  });

  it('searches every collection at once, chapter sections and quiz facts included', async () => {
    const index = buildShardedIndex((['bits', 'shorts', 'chapters', 'facts'] as const).flatMap((c) => collectionDocuments(c, source, urls)));
    const site = new SiteSearch(index.manifest, Fuse, (kind, n) => Promise.resolve(kind === 'terms' ? index.shards[n] : kind === 'words' ? index.words[n] : index.chunks[n]));
    const { groups, terms } = await site.search('broadcasting');
    const entries = await site.entries(groups.flatMap((g) => g.hits.map((h) => h.entry)));
    expect(groups.map((g) => [g.collection, g.hits.map((h) => entries.get(h.entry)!.url)])).toEqual([
      ['bits', []],
      ['shorts', []],
      ['chapters', ['/garden/cheatsheets/basics/01-shapes/#broadcasting-rules', '/garden/cheatsheets/basics/01-shapes/']],
      ['facts', ['/garden/cheatsheets/basics/01-shapes/#fact-abc']],
    ]);
    expect(terms.has('broadcasting')).toBe(true);
  });

  it('refuses an index of another version', () => {
    expect(() => new SearchEngine({ ...indexOf('bits'), version: 2 as 1 }, Fuse)).toThrow(/version 2/);
  });
});

describe('showing results', () => {
  it('marks whole words whose term matched, identifiers and their parts included', () => {
    expect(highlight('Use masked_fill, not a Mask!', new Set(['mask', 'masked']))).toEqual([
      { text: 'Use ', match: false },
      { text: 'masked_fill', match: true },
      { text: ', not a ', match: false },
      { text: 'Mask', match: true },
      { text: '!', match: false },
    ]);
  });

  it('keeps HTML in a title as plain characters in its runs', () => {
    const view = resultView('bits', { id: 'x', url: '/x/', title: '<img src=x onerror=alert(1)>', tags: ['html'] }, new Set(['onerror']));
    expect(view.title.map((r) => r.text).join('')).toBe('<img src=x onerror=alert(1)>');
    expect(view.title.find((r) => r.match)?.text).toBe('onerror');
    expect(view.detail.map((r) => r.text).join('')).toBe('Tags: html');
  });

  it('shows the tags after the summary when a tag is what matched', () => {
    const entry = { id: 'p', url: '/p/', title: 'Positional encodings', tags: ['attention', 'llm'], summary: 'Relative offsets.' };
    expect(resultView('bits', entry, new Set(['attention'])).detail.map((r) => r.text)).toEqual(['Relative offsets. · Tags: ', 'attention', ', llm']);
    expect(resultView('bits', entry, new Set(['positional'])).detail.map((r) => r.text)).toEqual(['Relative offsets.']);
  });

  it('labels facts with their answer and chapter, and cuts long details around the first match', () => {
    const fact = resultView('facts', { id: 'f', url: '/f/', title: 'Q?', tags: [], summary: '42', context: 'Ch 1 · Basics' }, new Set());
    expect(fact.label).toBe('Quiz fact');
    expect(fact.detail.map((r) => r.text).join('')).toBe('Answer: 42 · Ch 1 · Basics');
    const long = `${'word '.repeat(60)}needle and more ${'tail '.repeat(30)}`;
    const cut = snippet(long, new Set(['needle']), 80);
    expect(cut.startsWith('…')).toBe(true);
    expect(cut).toContain('needle');
    expect(cut.length).toBeLessThanOrEqual(82);
  });
});
