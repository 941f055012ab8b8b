/**
 * What a note can link to: every bit, short and chapter of the garden, with
 * its URL, title, headings and a short excerpt for hover previews. Built from
 * the garden's files (not from rendered pages) so the Markdown pipeline can
 * resolve links while it renders.
 */
import GithubSlugger from 'github-slugger';
import type { GardenUrls } from '../urls';
import { NOTE_COLLECTIONS, noteCollection, type NoteCollectionId, type Registry } from '../collections';

/** The collection of a link target: a note collection of the registry. */
export type LinkCollection = NoteCollectionId;

export interface LinkTarget {
  /** `bits/kv-cache`, `shorts/kv-cache`, `chapters/ml-foundations/01-tensors` */
  key: string;
  collection: LinkCollection;
  /** `kv-cache`, or the chapter id `ml-foundations/01-tensors` */
  id: string;
  title: string;
  url: string;
  headings: ReadonlySet<string>;
  excerpt: string;
  draft: boolean;
  tags: readonly string[];
  date?: string | undefined;
  /** The note's path in the garden (`bits/kv-cache.md`), where an embed reads its body; absent when not known. */
  file?: string | undefined;
}

export interface LinkTargetSource {
  collection: LinkCollection;
  id: string;
  title: string;
  body: string;
  draft?: boolean | undefined;
  tags?: readonly string[] | undefined;
  date?: string | undefined;
  /** Summary or "why it matters", preferred over the body for previews. */
  blurb?: string | undefined;
  file?: string | undefined;
}

export function targetKey(collection: LinkCollection, id: string): string {
  return `${collection}/${id}`;
}

/** What a note gives the link targets whatever the site's address: a LinkTarget without its URL, headings as a list. */
export interface LinkFacts {
  collection: LinkCollection;
  id: string;
  title: string;
  headings: string[];
  excerpt: string;
  draft: boolean;
  tags: readonly string[];
  date?: string | undefined;
  file?: string | undefined;
}

/** `excerpt: false` leaves the preview text empty, for a caller that shows no previews (the link graph). */
export function linkFactsOf(source: LinkTargetSource, options: { excerpt?: boolean } = {}): LinkFacts {
  return {
    collection: source.collection,
    id: source.id,
    title: source.title,
    headings: [...headingSlugs(source.body)],
    excerpt: options.excerpt === false ? '' : excerptOf(source.blurb ?? source.body),
    draft: source.draft ?? false,
    tags: source.tags ?? [],
    date: source.date,
    ...(source.file ? { file: source.file } : {}),
  };
}

export function buildLinkTargets(sources: readonly LinkTargetSource[], urls: GardenUrls, options: { excerpt?: boolean; registry?: Registry } = {}): Map<string, LinkTarget> {
  return targetsFromFacts(
    sources.map((source) => linkFactsOf(source, options)),
    urls,
    options.registry,
  );
}

export function targetsFromFacts(facts: readonly LinkFacts[], urls: Pick<GardenUrls, 'note'>, registry: Registry = NOTE_COLLECTIONS): Map<string, LinkTarget> {
  const targets = new Map<string, LinkTarget>();
  for (const fact of facts) {
    const key = targetKey(fact.collection, fact.id);
    targets.set(key, {
      key,
      collection: fact.collection,
      id: fact.id,
      title: fact.title,
      url: urls.note(noteCollection(fact.collection, registry), fact.id),
      headings: new Set(fact.headings),
      excerpt: fact.excerpt,
      draft: fact.draft,
      tags: fact.tags,
      date: fact.date,
      ...(fact.file ? { file: fact.file } : {}),
    });
  }
  return targets;
}

/** The ids Astro gives a body's headings (github-slugger over the heading's text), all levels. */
export function headingSlugs(body: string): Set<string> {
  const slugger = new GithubSlugger();
  const slugs = new Set<string>();
  let fence: string | undefined;
  for (const line of body.split('\n')) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1] ?? '';
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const heading = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) slugs.add(slugger.slug(headingText(heading[1] ?? '')));
  }
  return slugs;
}

/** Heading text as it reads once rendered: no emphasis marks, code ticks or link syntax. */
function headingText(markdown: string): string {
  return markdown
    .replace(/\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]+))?\]\]/g, (_, target: string, label?: string) => label ?? target)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]/g, '')
    .trim();
}

/** The first couple of sentences of plain text, for a hover preview. */
export function excerptOf(markdown: string, max = 180): string {
  const text = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/^\s{0,3}#{1,6}\s+.*$/gm, ' ')
    .replace(/^\s*\|.*\|\s*$/gm, ' ')
    .replace(/\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]+))?\]\]/g, (_, target: string, label?: string) => label ?? target)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[*_`>#]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

/**
 * What rendered links depend on: each target's key, URL, title, preview
 * excerpt and headings (for links to a section). A note's stored rendering is reused by Astro while its own file is
 * unchanged, so when this digest changes the store is dropped and every note
 * is looked up again in the note cache (content-store.ts).
 */
export function linkTargetsDigest(targets: ReadonlyMap<string, LinkTarget>): string {
  let hash = 0x811c9dc5;
  for (const line of [...targets.values()].map((t) => `${t.key}\t${t.url}\t${t.title}\t${t.excerpt}\t${[...t.headings].join(' ')}`).sort()) {
    for (let i = 0; i < line.length; i++) hash = Math.imul(hash ^ line.charCodeAt(i), 0x01000193) >>> 0;
    hash = Math.imul(hash ^ 10, 0x01000193) >>> 0;
  }
  return `${targets.size}-${hash.toString(36)}`;
}
