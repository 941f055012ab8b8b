/**
 * What search knows about each entry: one document per bit, per short, per
 * chapter (its lead), per chapter section (to its heading) and per quiz fact.
 * Pure: src/pages/search/[collection].json.ts feeds it from loadGarden().
 */
import { chapters, NOTE_COLLECTIONS, summaryOf, type ChapterItem, type NoteCollection, type NoteCollectionId } from '../collections';
import { markdownToText, splitSections, type RenderedHeading, type SplitText } from './text';
import { terms } from './tokens';

/** A body as the note cache keeps it (a SearchBody), when it does: none for .mdx, which Astro renders. */
export type KeptBody = SearchBody | undefined;

/** Quiz facts are searched too, though they are no note collection. */
const FACTS = 'facts';
export type SearchCollection = NoteCollectionId | typeof FACTS;
/** Each note collection has an index of its own (/search/<id>.json), and so have the quiz facts. */
export const SEARCH_COLLECTIONS: readonly SearchCollection[] = [...NOTE_COLLECTIONS.map((collection) => collection.id), FACTS];

/** The collections whose listing filters by keyword over an index of its own (ListingFilter.astro): /search/bits.json, /search/shorts.json. */
export const FILTER_INDEX_COLLECTIONS: readonly SearchCollection[] = ['bits', 'shorts'];

/** Where the site-wide index lives (`asset` adds the site's base path), as the search dialog and the /search/ page take it. */
export const siteSearchBase = (asset: (path: string) => string) => asset('/search/');

export interface SearchDocument {
  collection: SearchCollection;
  /** Unique within its collection: a slug, `part/chapter`, `part/chapter#heading`, `part/chapter?fact=2`. */
  id: string;
  url: string;
  title: string;
  tags: string[];
  /** "Why it matters" for bits, the summary of shorts and chapters, the answer of a quiz fact. */
  summary?: string | undefined;
  /** Plain text of the body: no markup, no math, code reduced to its words. */
  body: string;
  /** `terms(body)`, when already worked out (the note cache keeps them beside a bit's or a short's body). */
  bodyTerms?: readonly string[] | undefined;
  date?: string | undefined;
  track?: string | undefined;
  /** Where a section or a fact lives, e.g. `Ch 6 · Attention from first principles`. */
  context?: string | undefined;
}

/** Characters of body text kept per document; see bench/RESULTS.md for why and what it costs. */
export const BODY_CAP = 3000;

/**
 * Caps a body at about `cap` characters, cutting at a word boundary. Repeated
 * words add nothing to a fuzzy "does it occur" match, so the cap is applied
 * after dropping later repeats of words already seen (code repeats its
 * identifiers a lot).
 */
export function compactBody(text: string, cap: number = BODY_CAP): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  let length = 0;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    const lower = word.toLowerCase();
    // Only a word with something besides ASCII letters, digits and underscores can have edges to trim.
    const key = /^\w+$/.test(lower) ? lower : lower.replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu, '');
    if (key.length > 2 && seen.has(key)) continue;
    if (key.length > 2) seen.add(key);
    if (length + word.length + 1 > cap) break;
    kept.push(word);
    length += word.length + 1;
  }
  return kept.join(' ');
}

const isMdx = (path: string | undefined) => path?.endsWith('.mdx') ?? false;

export interface UrlsForSearch {
  note: (collection: Pick<NoteCollection, 'path'>, id: string) => string;
}

/**
 * What a bit's or a short's document holds of its body: its compacted plain
 * text and that text's terms. The note renderer works them out for every .md
 * note it renders (note-search.ts) and the note cache keeps them.
 */
export interface SearchBody {
  text: string;
  terms: readonly string[];
}

export function searchBody(plainText: string): SearchBody {
  const text = compactBody(plainText);
  return { text, terms: terms(text) };
}

/** The body as the note cache kept it, else worked out from the Markdown. */
function bodyFields(body: string, filePath: string | undefined, kept: KeptBody): Pick<SearchDocument, 'body' | 'bodyTerms'> {
  if (kept) return { body: kept.text, bodyTerms: kept.terms };
  return { body: compactBody(markdownToText(body, { mdx: isMdx(filePath) })) };
}

/** What search reads of a note's item, whatever its collection. */
export interface SearchableItem {
  id: string;
  title: string;
  tags: readonly string[];
  draft?: boolean | undefined;
  date?: string | undefined;
  track?: string | undefined;
}

/** The one document of a note searched as a whole (NoteCollection.searchBody `whole`: bits, shorts). */
export function noteDocument(collection: NoteCollection, item: SearchableItem, body: string, urls: UrlsForSearch, filePath?: string, kept?: KeptBody): SearchDocument {
  return {
    collection: collection.id as SearchCollection,
    id: item.id,
    url: urls.note(collection, item.id),
    title: item.title,
    tags: [...item.tags],
    summary: summaryOf(collection, item as unknown as Record<string, unknown>),
    ...bodyFields(body, filePath, kept),
    date: item.date,
    track: item.track,
  };
}

export const chapterLabel = (chapter: Pick<ChapterItem, 'chapter' | 'title'>) => `Ch ${chapter.chapter} · ${chapter.title}`;

/** The chapter itself (title, summary, text before the first heading) and one document per `##`/`###` section. */
export function chapterDocuments(
  item: ChapterItem,
  body: string,
  urls: UrlsForSearch,
  options: { filePath?: string | undefined; headings?: readonly RenderedHeading[] | undefined; partTitle?: string | undefined; split?: SplitText | undefined } = {},
): SearchDocument[] {
  const { intro, sections } = options.split ?? splitSections(body, { mdx: isMdx(options.filePath), rendered: options.headings });
  const url = urls.note(chapters, item.id);
  const chapter: SearchDocument = {
    collection: chapters.id,
    id: item.id,
    url,
    title: item.title,
    tags: [...item.tags],
    summary: item.summary,
    body: compactBody([intro, ...sections.map((s) => s.heading.text)].join(' ')),
    context: options.partTitle ? `${options.partTitle} · Ch ${item.chapter}` : `Ch ${item.chapter}`,
  };
  return [
    chapter,
    ...sections.map(
      (section): SearchDocument => ({
        collection: chapters.id,
        id: `${item.id}#${section.heading.slug}`,
        url: `${url}#${section.heading.slug}`,
        title: section.heading.text,
        // The chapter document carries the tags: on every section they would make all of them match.
        tags: [],
        body: compactBody(section.text),
        context: chapterLabel(item),
      }),
    ),
  ];
}

/** The `id` of the "Key facts to review" heading on a chapter page. */
export const FACTS_ANCHOR = 'chapter-facts';

/** A quiz fact as search needs it; `anchor` is the fact's id on the chapter page, when the page gives it one. */
export interface FactSource {
  question: string;
  answer: string;
  explanation: string;
  anchor?: string | undefined;
}

export function factDocuments(chapter: ChapterItem, facts: readonly FactSource[], urls: UrlsForSearch): SearchDocument[] {
  return facts.map((fact, index) => ({
    collection: FACTS,
    id: `${chapter.id}?fact=${index + 1}`,
    url: `${urls.note(chapters, chapter.id)}#${fact.anchor ?? FACTS_ANCHOR}`,
    title: fact.question,
    tags: [],
    summary: fact.answer,
    body: compactBody(fact.explanation),
    context: chapterLabel(chapter),
  }));
}

/** A note as the search endpoint hands it over: its item and raw body, and what the note cache kept of it. */
export interface NoteSource<Item extends SearchableItem = SearchableItem> {
  item: Item;
  body: string;
  filePath?: string | undefined;
  /** The body as the note cache keeps it (whole-body collections). */
  kept?: KeptBody;
  /** Sectioned collections: the body split at its headings when already known, else the rendered headings to split it by. */
  split?: SplitText | undefined;
  headings?: readonly RenderedHeading[] | undefined;
}

/** What the search endpoint hands over from loadGarden(): each note collection's notes, the parts and the quiz facts. */
export interface SearchSource {
  notes: Partial<Record<NoteCollectionId, readonly NoteSource[]>>;
  parts: readonly { id: string; title: string }[];
  quizzes: readonly { chapter: string; facts: readonly FactSource[] }[];
}

/** The documents of one collection. Drafts never reach the index, not even under `astro dev`. */
export function collectionDocuments(collection: SearchCollection, source: SearchSource, urls: UrlsForSearch, registry: readonly NoteCollection[] = NOTE_COLLECTIONS): SearchDocument[] {
  const published = (id: string) => (source.notes[id as NoteCollectionId] ?? []).filter(({ item }) => !item.draft);
  if (collection === FACTS) {
    const known = new Map(published(chapters.id).map(({ item }) => [item.id, item as unknown as ChapterItem]));
    return source.quizzes.flatMap((quiz) => {
      const chapter = known.get(quiz.chapter);
      return chapter ? factDocuments(chapter, quiz.facts, urls) : [];
    });
  }
  const notes = registry.find((c) => c.id === collection);
  if (!notes) return [];
  if (notes.searchBody === 'whole') return published(notes.id).map(({ item, body, filePath, kept }) => noteDocument(notes, item, body, urls, filePath, kept));
  return published(notes.id).flatMap(({ item, body, filePath, headings, split }) => {
    const chapter = item as unknown as ChapterItem;
    return chapterDocuments(chapter, body, urls, { filePath, headings, split, partTitle: source.parts.find((p) => p.id === chapter.part)?.title });
  });
}
