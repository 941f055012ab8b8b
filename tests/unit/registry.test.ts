import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { NOTE_COLLECTIONS, noteAtPath, type NoteCollection, type Registry } from '../../src/lib/collections';
import { classifyGardenPath } from '../../src/lib/paths';
import { linkSourcesFromFiles } from '../../src/lib/links/sources';
import { buildLinkTargets } from '../../src/lib/links/targets';
import { resolveFileLink, resolveWikiLink } from '../../src/lib/links/resolve';
import { notePages } from '../../src/lib/pages';
import { collectionDocuments } from '../../src/lib/search/documents';
import { gardenUrls } from '../../src/lib/urls';
import type { Garden } from '../../src/lib/load';
import { checkGarden } from '../../src/lib/check/check';

/**
 * A fifth collection, declared once in a test registry: the garden's code
 * picks it up from the registry alone, with nothing else to change.
 */
const papers: NoteCollection = {
  id: 'papers',
  noun: 'paper',
  label: 'Papers',
  folder: 'papers',
  depth: 0,
  extensions: ['md'],
  schema: z.object({ title: z.string(), tags: z.array(z.string()), abstract: z.string().optional(), draft: z.boolean().default(false) }),
  path: (id) => `/papers/${id}/`,
  listingPath: '/papers/',
  summaryField: 'abstract',
  order: 'newest-first',
  searchBody: 'whole',
  template: { frontmatter: ['{title}', '{tags}'], body: ['What the paper shows.'] },
};
const registry: Registry = [...NOTE_COLLECTIONS, papers];
const urls = gardenUrls('/');

const file = (path: string, text: string) => ({ path, displayPath: `content/${path}`, text });
const files = [
  file('papers/attention.md', '---\ntitle: Attention is all you need\ntags: [transformers]\nabstract: Self-attention replaces recurrence.\n---\n## Results\nBLEU went up.\n'),
  file('bits/kv-cache.md', '---\ntitle: KV cache\ntags: [transformers]\n---\nSee [[attention]] and [the paper](../papers/attention.md#results).\n'),
];

describe('a collection added to the registry', () => {
  it('is where its files are: paths classify by the registry', () => {
    expect(classifyGardenPath('papers/attention.md', registry)).toBe('paper');
    expect(classifyGardenPath('papers/attention.md')).toBe('misplaced');
    expect(noteAtPath('papers/attention.md', registry)).toMatchObject({ collection: { id: 'papers' }, id: 'attention' });
  });

  it('is checked: its schema, its links and root links to its pages', () => {
    const bad = file('papers/untitled.md', '---\ntags: [transformers]\n---\nNo title. See [the cache](/bits/kv-cache/) and [itself](/papers/untitled/).\n');
    const problems = checkGarden([...files, bad], { registry, staticPages: ['/'] });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({ file: 'content/papers/untitled.md', line: 2, field: 'title', message: 'required field is missing (expected text)' }),
    ]);
    // Without the collection in the registry, its files are misplaced and links to it are broken.
    const withoutPapers = checkGarden([...files, bad], { staticPages: ['/'] });
    expect(withoutPapers).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: 'content/papers/attention.md', severity: 'error', message: expect.stringContaining('is outside the note folders') }),
      expect.objectContaining({ file: 'content/bits/kv-cache.md', field: 'link', message: expect.stringContaining('[[attention]]') }),
    ]));
  });

  it('is a link target: wikilinks and file links resolve to it, at the URL the registry gives', () => {
    const sources = linkSourcesFromFiles(files, registry);
    expect(sources.map((s) => `${s.collection}/${s.id}`)).toEqual(['papers/attention', 'bits/kv-cache']);
    expect(sources[0]!.blurb).toBe('Self-attention replaces recurrence.');
    const targets = buildLinkTargets(sources, urls, { registry });
    const options = { allowDrafts: false, registry };
    expect(resolveWikiLink('attention', targets, options)).toMatchObject({ ok: true, url: '/papers/attention/' });
    expect(resolveWikiLink('papers/attention#results', targets, options)).toMatchObject({ ok: true, url: '/papers/attention/#results' });
    expect(resolveFileLink('../papers/attention.md', 'bits/kv-cache.md', targets, options)).toMatchObject({ ok: true, url: '/papers/attention/' });
  });

  it('gets a page per note, with neighbours in its order and its links', () => {
    const item = (id: string, title: string) => ({ id, title, tags: ['transformers'], draft: false });
    const entry = (id: string) => ({ id, collection: 'papers', data: {}, body: '' });
    const garden = {
      papers: [
        { item: item('attention', 'Attention'), entry: entry('attention') },
        { item: item('bert', 'BERT'), entry: entry('bert') },
      ],
      links: { backlinks: new Map([['papers/bert', [{ key: 'bits/kv-cache', title: 'KV cache', url: '/bits/kv-cache/' }]]]), related: new Map(), linksOut: new Set<string>() },
    } as unknown as Garden;
    const pages = notePages(garden, papers as never, 'digest');
    expect(pages.map((p) => p.params)).toEqual([{ id: 'attention' }, { id: 'bert' }]);
    expect(pages[0]!.props.next).toMatchObject({ href: '/papers/bert/', title: 'BERT' });
    expect(pages[1]!.props.previous).toMatchObject({ href: '/papers/attention/' });
    expect(pages[1]!.props.backlinks).toHaveLength(1);
  });

  it('gets a search index of its own, with its summary field as the summary', () => {
    const docs = collectionDocuments('papers' as never, {
      notes: { papers: [{ item: { id: 'attention', title: 'Attention', tags: ['transformers'], abstract: 'Self-attention replaces recurrence.' }, body: 'Self-attention beats recurrence.', kept: undefined }] } as never,
      parts: [],
      quizzes: [],
    }, urls, registry);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ collection: 'papers', id: 'attention', url: '/papers/attention/', title: 'Attention', tags: ['transformers'], summary: 'Self-attention replaces recurrence.' });
    expect(docs[0]!.body).toContain('recurrence');
  });
});
