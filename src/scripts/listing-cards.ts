/**
 * The compact cards of a filtered listing, drawn in the browser from the slim
 * listing index (src/lib/listing-pages.ts) with the same markup and classes as
 * the server's BitCard.astro (compact) and ShortCard.astro, so they look and
 * behave the same. Text is always set as text, never parsed as HTML.
 */
import type { BitListingEntry, ShortListingEntry } from '../lib/listing-pages';
import { formatDate, type IsoDate } from '../lib/dates';
import { visibleTags } from '../lib/tags';

type Child = Node | string | false | undefined;

function el(name: string, attributes: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(key, value);
  element.append(...children.filter((child): child is Node | string => child !== false && child !== undefined));
  return element;
}

function tagList(tags: readonly string[], tagBase: string, max = Infinity): HTMLElement | undefined {
  if (tags.length === 0) return undefined;
  const { shown, hidden } = visibleTags(tags, max);
  return el(
    'ul',
    { class: 'tag-list', 'aria-label': 'Tags' },
    ...shown.map((tag) => el('li', {}, el('a', { class: 'tag', href: `${tagBase}${tag}/` }, tag))),
    hidden > 0 && el('li', {}, el('span', { class: 'tag tag--more', title: tags.slice(max).join(', ') }, `+${hidden}`)),
  );
}

const dateLine = (date: string | undefined) => date && el('time', { datetime: date }, formatDate(date as IsoDate));

/** A compact bit card: title, tags, why it matters or the first lines, a "Show snippet" button (bit-snippets.ts), the date. */
export function bitCard(entry: BitListingEntry, tagBase: string): HTMLElement {
  return el(
    'article',
    { class: 'card bit-card', 'data-slug': entry.id, 'data-tags': entry.tags.join(' ') },
    el('h2', {}, el('a', { href: entry.url }, entry.title)),
    tagList(entry.tags, tagBase),
    !entry.why && el('p', { class: 'bit-card__excerpt' }, entry.excerpt ?? ''),
    el('div', { class: 'prose bit-card__snippet', 'data-snippet': '', hidden: '' }),
    el('button', { type: 'button', class: 'bit-card__more', 'data-snippet-toggle': '', 'data-href': entry.url, 'aria-expanded': 'false' }, 'Show snippet'),
    entry.why && el('p', { class: 'why' }, el('strong', {}, 'Why it matters:'), ` ${entry.why}`),
    entry.date && el('p', { class: 'meta' }, dateLine(entry.date)),
  );
}

/** A short's card: date and track, title, summary, up to four tags, a "Read" link. */
export function shortCard(entry: ShortListingEntry, tagBase: string, trackLabel: string | undefined): HTMLElement {
  return el(
    'article',
    { class: 'card short-card', 'data-slug': entry.id, 'data-tags': entry.tags.join(' '), 'data-track': entry.track },
    el('p', { class: 'meta' }, dateLine(entry.date), trackLabel && el('span', { class: 'track' }, trackLabel)),
    el('h2', {}, el('a', { href: entry.url }, entry.title)),
    el('p', {}, entry.summary),
    tagList(entry.tags, tagBase, 4),
    el('p', {}, el('a', { href: entry.url, 'aria-label': `Read: ${entry.title}` }, 'Read →')),
  );
}
