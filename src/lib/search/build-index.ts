/**
 * The search index of one collection, built at build time: the entries as
 * results show them, the sorted term dictionary as a prebuilt Fuse index
 * (`Fuse.createIndex(...).toJSON()`, read back with `Fuse.parseIndex`), and
 * for each term the entries holding it and in which field. Fuse does the fuzzy
 * matching of query words against the dictionary; the postings turn matched
 * terms into entries (why not Fuse over whole documents: bench/RESULTS.md).
 * Pure: Fuse.createIndex is passed in.
 */
import type { FuseIndex } from 'fuse.js';
import type { SearchCollection, SearchDocument } from './documents';
import { terms as termsOf } from './tokens';

/** Fields in order of weight: a word in a title counts more than in tags, in "why it matters", in the body. */
export const SEARCH_FIELDS = ['title', 'tags', 'summary', 'body'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export const FIELD_WEIGHTS: Record<SearchField, number> = { title: 4, tags: 3, summary: 2, body: 1 };

export const SEARCH_INDEX_VERSION = 1;

/** One result as the UI shows it: everything but the body. */
export interface SearchEntry {
  id: string;
  url: string;
  title: string;
  tags: string[];
  summary?: string;
  date?: string;
  track?: string;
  context?: string;
}

export interface TermRecord {
  v: string;
  i: number;
  n: number;
}

export interface SearchIndexJson {
  version: typeof SEARCH_INDEX_VERSION;
  collection: SearchCollection;
  entries: SearchEntry[];
  /** `Fuse.createIndex([], sortedTerms).toJSON()`. */
  terms: { keys: []; records: TermRecord[] };
  /**
   * `postings[i]` lists the entries holding term `i`, in entry order, each as
   * `(entry - previous entry) * 4 + field`, where field is the weightiest one
   * the term occurs in (0 title, 1 tags, 2 summary, 3 body).
   */
  postings: number[][];
}

type CreateIndex = (keys: [], docs: readonly string[]) => FuseIndex<string>;

/** What a result needs to show; empty optional fields are left out to keep the JSON small. */
export function toEntry(doc: SearchDocument): SearchEntry {
  const entry: SearchEntry = { id: doc.id, url: doc.url, title: doc.title, tags: doc.tags };
  if (doc.summary) entry.summary = doc.summary;
  if (doc.date) entry.date = doc.date;
  if (doc.track) entry.track = doc.track;
  if (doc.context) entry.context = doc.context;
  return entry;
}

/** Each term of a document with the weightiest field it occurs in. */
export function documentTerms(doc: SearchDocument): Map<string, number> {
  const found = new Map<string, number>();
  const texts: Record<SearchField, string> = { title: doc.title, tags: doc.tags.join(' '), summary: doc.summary ?? '', body: doc.body };
  SEARCH_FIELDS.forEach((field, fieldIndex) => {
    // A body's terms may come worked out already (SearchDocument.bodyTerms).
    for (const term of field === 'body' && doc.bodyTerms ? doc.bodyTerms : termsOf(texts[field])) if (!found.has(term)) found.set(term, fieldIndex);
  });
  return found;
}

export function buildSearchIndex(collection: SearchCollection, documents: readonly SearchDocument[], createIndex: CreateIndex): SearchIndexJson {
  const docs = documents.filter((doc) => doc.collection === collection);
  const byTerm = new Map<string, number[]>();
  docs.forEach((doc, docIndex) => {
    for (const [term, field] of documentTerms(doc)) {
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = []));
      list.push(docIndex * 4 + field);
    }
  });
  const sorted = [...byTerm.keys()].sort();
  const postings = sorted.map((term) => {
    let previous = 0;
    return byTerm.get(term)!.map((code) => {
      const docIndex = code >> 2;
      const delta = (docIndex - previous) * 4 + (code & 3);
      previous = docIndex;
      return delta;
    });
  });
  const index = createIndex([], sorted).toJSON() as unknown as { keys: []; records: TermRecord[] };
  return { version: SEARCH_INDEX_VERSION, collection, entries: docs.map(toEntry), terms: { keys: [], records: index.records }, postings };
}

/** Decodes one postings list into [entry, field] pairs. */
export function decodePostings(list: readonly number[]): [entry: number, field: number][] {
  let entry = 0;
  return list.map((code) => {
    entry += code >> 2;
    return [entry, code & 3];
  });
}
