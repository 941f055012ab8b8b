/**
 * The results of a filter on a listing of several pages (listing-filter.ts):
 * the slim listing index, or the slice the filter needs, is fetched the first
 * time it is used, and the
 * matching entries are drawn into the listing's container a page at a time
 * (LISTING_PAGE_SIZE), with a "Show N more" button under them, so the page
 * stays small however many entries match. The static page links are hidden
 * meanwhile: they lead through the unfiltered listing.
 */
import type { FilterItem } from '../lib/search/filter-state';
import type { ListingIndex } from '../lib/listing-pages';
import { LISTING_PAGE_SIZE, resultsShown } from '../lib/pagination';

export type ListedEntry = FilterItem & { title: string; url: string };

export class PagedResults<Entry extends ListedEntry> {
  /** Each index or slice fetched once, by URL. */
  private indexes = new Map<string, Promise<ListingIndex<Entry> | undefined>>();
  private cards = new Map<string, HTMLElement>();
  private shown: HTMLElement[] = [];
  private pages = 1;
  private more: HTMLButtonElement;
  private latest: { tagBase: string; matches: Entry[] } | undefined;
  private readonly container: HTMLElement;
  private readonly pageLinks: HTMLElement | null;
  private readonly card: (entry: Entry, tagBase: string) => HTMLElement;

  constructor(container: HTMLElement, pageLinks: HTMLElement | null, card: (entry: Entry, tagBase: string) => HTMLElement) {
    this.container = container;
    this.pageLinks = pageLinks;
    this.card = card;
    this.more = document.createElement('button');
    this.more.type = 'button';
    this.more.className = 'listing-more';
    this.more.hidden = true;
    this.more.addEventListener('click', () => this.showMore());
    container.after(this.more);
  }

  /** A listing index or slice, fetched once; undefined when it cannot be had (retried on the next use). */
  load(url: string): Promise<ListingIndex<Entry> | undefined> {
    let index = this.indexes.get(url);
    if (!index) {
      index = fetch(url)
        .then((response) => (response.ok ? (response.json() as Promise<ListingIndex<Entry>>) : undefined))
        .catch(() => undefined)
        .then((loaded) => {
          if (!loaded) this.indexes.delete(url);
          return loaded;
        });
      this.indexes.set(url, index);
    }
    return index;
  }

  /** A new filter starts again at its first page of results. */
  reset() {
    this.pages = 1;
  }

  show(tagBase: string, matches: Entry[]) {
    this.latest = { tagBase, matches };
    const { shown, left } = resultsShown(matches, this.pages);
    const next = shown.map((entry) => {
      let card = this.cards.get(entry.id);
      if (!card) {
        card = this.card(entry, tagBase);
        this.cards.set(entry.id, card);
      }
      return card;
    });
    const keep = new Set(next);
    for (const card of this.shown) if (!keep.has(card)) card.remove();
    // Append only when the order changed, so "Show more" leaves the cards already shown (and the focus) where they are.
    if (next.some((card, i) => this.shown[i] !== card)) this.container.append(...next);
    this.shown = next;
    this.more.hidden = left === 0;
    this.more.textContent = `Show ${Math.min(left, LISTING_PAGE_SIZE)} more (${left} left)`;
    if (this.pageLinks) this.pageLinks.hidden = true;
  }

  /** Back to the server's page: no drawn results, the page links again. */
  clear() {
    for (const card of this.shown) card.remove();
    this.shown = [];
    this.latest = undefined;
    this.more.hidden = true;
    if (this.pageLinks) this.pageLinks.hidden = false;
  }

  /** The next page of results; the focus goes to the first new card's link, so a keyboard reader carries on from there. */
  private showMore() {
    if (!this.latest) return;
    const before = this.shown.length;
    this.pages += 1;
    this.show(this.latest.tagBase, this.latest.matches);
    this.shown[before]?.querySelector<HTMLElement>('a[href]')?.focus();
  }
}
