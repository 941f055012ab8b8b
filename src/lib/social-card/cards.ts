/**
 * Which pages get a social card, what each says, and where it is written.
 * Every page a search engine may index gets one (noindex pages, the search
 * page and the 404, do not); its cache key is its inputs and the code digest,
 * so an edit build redraws only the cards whose text changed.
 */
import type { Garden } from '../load';
import { NOTE_COLLECTIONS, summaryOf } from '../collections';
import { pageCacheKey } from '../page-cache';
import type { CardInputs } from './layout';

export interface CardPage {
  params: { card: string };
  props: CardInputs;
  cacheKey: string;
}

/**
 * A page's card, from the site root without the base: `/bits/kv-cache/` → `og/bits/kv-cache.png`, `/` → `og/index.png`.
 * A listing's later pages (`/bits/page/3/`, `/tags/x/page/2/`) share the card of its first; the pages of
 * the map's list (`/graph/links/`, src/lib/graph/list-pages.ts) share the map's.
 */
export function cardPath(pagePath: string): string {
  const trimmed = pagePath
    .replace(/^\/+|\/+$/g, '')
    .replace(/\/index\.html$|^index\.html$/, '')
    .replace(/(^|\/)page\/\d+$/, '')
    .replace(/^graph\/links$/, 'graph');
  return `og/${trimmed === '' ? 'index' : trimmed}.png`;
}

/** The site's own pages besides notes, parts and tags, with what their cards say. */
const SITE_PAGES: { path: string; title: string; label: string; summary: string }[] = [
  { path: '/bits/', title: 'Bits', label: 'Bits', summary: 'Atomic notes: a snippet or a formula and why it matters.' },
  { path: '/shorts/', title: 'Shorts', label: 'Shorts', summary: 'One idea at a time: single-idea notes of a minute or two each.' },
  { path: '/cheatsheets/', title: 'Cheat sheets', label: 'Cheat sheets', summary: 'Study chapters grouped in parts, each with a night-before sheet of key facts.' },
  { path: '/review/', title: 'Review', label: 'Review', summary: 'The quiz facts due today, spaced over days and weeks so they stick.' },
  { path: '/tags/', title: 'Tags', label: 'Tags', summary: 'Every topic in the garden.' },
  { path: '/exam/', title: 'Exam', label: 'Exam', summary: 'Test yourself on a part or chapter: facts at random, an optional time limit, and the score at the end.' },
  { path: '/graph/', title: 'Map of the garden', label: 'Map', summary: 'Every note and how they link, as a map you can move around and filter.' },
];

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

type CardGarden = Pick<Garden, (typeof NOTE_COLLECTIONS)[number]['id'] | 'parts' | 'tags'>;

export function cardPages(garden: CardGarden, site: { title: string; description: string }, codeDigest: string): CardPage[] {
  const siteName = site.title;
  const pages: { path: string; inputs: CardInputs }[] = [
    { path: '/', inputs: { title: site.title, summary: site.description, label: 'Digital garden', siteName } },
    ...SITE_PAGES.map(({ path, title, label, summary }) => ({ path, inputs: { title, label, summary, siteName } })),
    ...NOTE_COLLECTIONS.flatMap((collection) =>
      garden[collection.id].map(({ item }) => ({
        path: collection.path(item.id),
        inputs: { title: item.title, summary: summaryOf(collection, item), label: capitalised(collection.noun), siteName },
      })),
    ),
    ...garden.parts.map((part) => ({
      path: `/cheatsheets/${part.id}/`,
      inputs: { title: `Part ${part.number}: ${part.title}`, summary: part.summary, label: 'Night-before sheet', siteName },
    })),
    ...garden.tags.map((group) => ({ path: `/tags/${group.tag}/`, inputs: { title: `Tagged “${group.tag}”`, label: 'Tag', siteName } })),
  ];
  return pages.map(({ path, inputs }) => ({
    params: { card: cardPath(path).replace(/^og\/|\.png$/g, '') },
    props: inputs,
    cacheKey: pageCacheKey(inputs, codeDigest),
  }));
}
