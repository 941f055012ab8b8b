/**
 * What search knows about each entry: one document per bit, per short, per
 * chapter (its lead), per chapter section (to its heading) and per quiz fact.
 * Pure: src/pages/search/[collection].json.ts feeds it from loadGarden().
 */
import type { BitItem, ChapterItem, ShortItem } from '../garden';
import { markdownToText, splitSections, type RenderedHeading, type SplitText } from './text';
import { terms } from './tokens';

/** A body as the note cache keeps it: a SearchBody, or only its plain text in a cache written before the terms were kept. */
export type KeptBody = { text: string; terms?: readonly string[] | undefined } | undefined;

export const SEARCH_COLLECTIONS = ['bits', 'shorts', 'chapters', 'facts'] as const;
export type SearchCollection = (typeof SEARCH_COLLECTIONS)[number];

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
  bit: (slug: string) => string;
  short: (slug: string) => string;
  chapter: (chapterId: string) => string;
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

/** The body as `kept` gives it (a SearchBody, or plain text only from an older cache), else from the Markdown. */
function bodyFields(body: string, filePath: string | undefined, kept: KeptBody): Pick<SearchDocument, 'body' | 'bodyTerms'> {
  if (kept?.terms) return { body: kept.text, bodyTerms: kept.terms };
  return { body: compactBody(kept?.text ?? markdownToText(body, { mdx: isMdx(filePath) })) };
}

export function bitDocument(item: BitItem, body: string, urls: UrlsForSearch, filePath?: string, kept?: KeptBody): SearchDocument {
  return {
    collection: 'bits',
    id: item.slug,
    url: urls.bit(item.slug),
    title: item.title,
    tags: [...item.tags],
    summary: item.why,
    ...bodyFields(body, filePath, kept),
    date: item.date,
  };
}

export function shortDocument(item: ShortItem, body: string, urls: UrlsForSearch, filePath?: string, kept?: KeptBody): SearchDocument {
  return {
    collection: 'shorts',
    id: item.slug,
    url: urls.short(item.slug),
    title: item.title,
    tags: [...item.tags],
    summary: item.summary,
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
  const url = urls.chapter(item.id);
  const chapter: SearchDocument = {
    collection: 'chapters',
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
        collection: 'chapters',
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
    collection: 'facts',
    id: `${chapter.id}?fact=${index + 1}`,
    url: `${urls.chapter(chapter.id)}#${fact.anchor ?? FACTS_ANCHOR}`,
    title: fact.question,
    tags: [],
    summary: fact.answer,
    body: compactBody(fact.explanation),
    context: chapterLabel(chapter),
  }));
}

/** What the search endpoint hands over from loadGarden(): items with their raw bodies. */
export interface SearchSource {
  /** `kept`: the body as the note cache keeps it, when it does. */
  bits: { item: BitItem; body: string; filePath?: string | undefined; kept?: KeptBody }[];
  shorts: { item: ShortItem; body: string; filePath?: string | undefined; kept?: KeptBody }[];
  /** `split`: the body split at its headings, when already known. */
  chapters: { item: ChapterItem; body: string; filePath?: string | undefined; headings?: readonly RenderedHeading[] | undefined; split?: SplitText | undefined }[];
  parts: readonly { id: string; title: string }[];
  quizzes: readonly { chapter: string; facts: readonly FactSource[] }[];
}

/** The documents of one collection. Drafts never reach the index, not even under `astro dev`. */
export function collectionDocuments(collection: SearchCollection, source: SearchSource, urls: UrlsForSearch): SearchDocument[] {
  switch (collection) {
    case 'bits':
      return source.bits.filter(({ item }) => !item.draft).map(({ item, body, filePath, kept }) => bitDocument(item, body, urls, filePath, kept));
    case 'shorts':
      return source.shorts.filter(({ item }) => !item.draft).map(({ item, body, filePath, kept }) => shortDocument(item, body, urls, filePath, kept));
    case 'chapters':
      return source.chapters
        .filter(({ item }) => !item.draft)
        .flatMap(({ item, body, filePath, headings, split }) =>
          chapterDocuments(item, body, urls, { filePath, headings, split, partTitle: source.parts.find((p) => p.id === item.part)?.title }),
        );
    case 'facts': {
      const chapters = new Map(source.chapters.filter(({ item }) => !item.draft).map(({ item }) => [item.id, item]));
      return source.quizzes.flatMap((quiz) => {
        const chapter = chapters.get(quiz.chapter);
        return chapter ? factDocuments(chapter, quiz.facts, urls) : [];
      });
    }
  }
}
