/**
 * Filtering a listing: tag chips (all chosen tags must be present), an
 * optional track select, and a keyword searched in the collection's index.
 * The server renders the page's cards and plain tag links; this element turns
 * the links into toggle buttons, shows the keyword box, and keeps the state in
 * the URL (`?q=…&tag=a&tag=b&track=…`) so links, reload and back/forward
 * restore the view, on any page of the listing. A listing of one page is
 * filtered in place; one of several pages (`data-listing`) hides the page's
 * cards and its page links, and draws the results from the slim listing index
 * (or, for a tag or track, its slice), a page of them at a time ("Show N more"). Used as <bits-filter> and
 * <feed-filter>, which say how a result's card looks.
 */
import { applyFilter, countLine, EMPTY_FILTER, isFiltering, readFilterState, sameFilter, tagCounts, toggleTag, unknownFilters, unknownFiltersNote, writeFilterState, type FilterItem, type FilterState } from '../lib/search/filter-state';
import { loadSearchIndex } from './search/load-index';
import type { SearchEngine } from '../lib/search/engine';
import type { ListingIndex } from '../lib/listing-pages';
import { listingSource, listingUrl } from '../lib/listing-slices';
import { PagedResults, type ListedEntry } from './listing-results';

interface Card extends FilterItem {
  element: HTMLElement;
}

export abstract class ListingFilter<Entry extends ListedEntry = ListedEntry> extends HTMLElement {
  /** The card of a result drawn from the listing index. */
  protected abstract card(entry: Entry, tagBase: string): HTMLElement;
  private paged?: PagedResults<Entry>;
  /** What the server said, put back when a filter on a listing of several pages is cleared. */
  private serverCount = '';
  private serverChipCounts = new Map<string, string>();
  /** Entries per tag over the whole listing, as the server counted them: a filter fetches its rarest tag's slice. */
  private tagTotals = new Map<string, number>();
  private state: FilterState = EMPTY_FILTER;
  private cards: Card[] = [];
  private chips = new Map<string, HTMLButtonElement>();
  private input?: HTMLInputElement | null;
  private trackSelect?: HTMLSelectElement | null;
  private container?: HTMLElement | null;
  private countLine?: HTMLElement | null;
  private empty?: HTMLElement | null;
  private engine?: SearchEngine;
  /** True while the reader types: one history entry per typing run, not per key. */
  private typing = false;
  private renderToken = 0;

  connectedCallback() {
    this.container = this.querySelector<HTMLElement>('[data-items]');
    this.countLine = this.querySelector<HTMLElement>('[data-count]');
    this.empty = this.querySelector<HTMLElement>('[data-empty]');
    this.input = this.querySelector<HTMLInputElement>('input[name="q"]');
    this.trackSelect = this.querySelector<HTMLSelectElement>('select[name="track"]');
    this.cards = [...(this.container?.querySelectorAll<HTMLElement>(':scope > [data-slug]') ?? [])].map((element) => ({
      element,
      id: element.dataset.slug ?? '',
      tags: (element.dataset.tags ?? '').split(' ').filter(Boolean),
      track: element.dataset.track || undefined,
    }));
    this.serverCount = this.countLine?.textContent ?? '';
    if (this.dataset.listing && this.container) {
      this.paged = new PagedResults<Entry>(this.container, this.querySelector<HTMLElement>('[data-pagination]'), (entry, tagBase) => this.card(entry, tagBase));
    }

    for (const link of this.querySelectorAll<HTMLAnchorElement>('a[data-chip]')) this.makeChip(link);
    const form = this.querySelector<HTMLFormElement>('[data-filter-form]');
    if (form) {
      form.hidden = false;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.typing = false;
      });
    }
    this.input?.addEventListener('focus', () => void this.ensureEngine(), { once: true });
    this.input?.addEventListener('input', () => this.update({ ...this.state, q: this.input!.value }, 'typing'));
    this.input?.addEventListener('blur', () => (this.typing = false));
    this.trackSelect?.addEventListener('change', () => this.update({ ...this.state, track: this.trackSelect!.value }, 'push'));
    for (const clear of this.querySelectorAll('[data-clear], [data-clear-all]')) {
      clear.addEventListener('click', () => {
        this.update(EMPTY_FILTER, 'push');
        this.input?.focus();
      });
    }
    addEventListener('popstate', () => this.restore());
    this.restore();
  }

  private known() {
    return {
      tags: new Set(this.chips.keys()),
      tracks: this.trackSelect ? new Set([...this.trackSelect.options].map((o) => o.value).filter(Boolean)) : new Set<string>(),
    };
  }

  /** Reads the state from the address bar: on load, reload and back/forward. */
  private restore() {
    this.typing = false;
    const known = this.known();
    // A tag or track the listing lacks is said, not silently dropped.
    const note = this.querySelector<HTMLElement>('[data-unknown]');
    if (note) {
      note.textContent = unknownFiltersNote(unknownFilters(location.search, known), this.dataset.nounPlural ?? 'items');
      note.hidden = note.textContent === '';
    }
    const state = readFilterState(location.search, known);
    const canonical = writeFilterState(state, location.search);
    if (canonical !== location.search) history.replaceState(history.state, '', `${location.pathname}${canonical}${location.hash}`);
    this.state = state;
    if (this.input && this.input.value !== state.q) this.input.value = state.q;
    void this.render();
  }

  private makeChip(link: HTMLAnchorElement) {
    const tag = link.dataset.tag ?? '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = link.className;
    button.dataset.tag = tag;
    button.setAttribute('aria-pressed', 'false');
    button.append(...link.childNodes);
    const count = button.querySelector('.chip__count')?.textContent ?? '';
    this.serverChipCounts.set(tag, count);
    this.tagTotals.set(tag, Number(/\d+/.exec(count)?.[0] ?? Infinity));
    button.addEventListener('click', () => {
      void this.ensureEngine();
      this.update(toggleTag(this.state, tag), 'push');
    });
    link.replaceWith(button);
    this.chips.set(tag, button);
  }

  private update(next: FilterState, mode: 'push' | 'typing') {
    if (sameFilter(next, this.state)) return;
    this.state = next;
    const url = `${location.pathname}${writeFilterState(next, location.search)}${location.hash}`;
    if (mode === 'typing' && this.typing) history.replaceState(history.state, '', url);
    else history.pushState(history.state, '', url);
    this.typing = mode === 'typing';
    this.paged?.reset();
    if (mode !== 'typing' && this.input && this.input.value !== next.q) this.input.value = next.q;
    void this.render();
  }

  private ensureEngine(): Promise<SearchEngine | undefined> {
    const url = this.dataset.index;
    if (this.engine || !url) return Promise.resolve(this.engine);
    return loadSearchIndex(url).then(
      (engine) => {
        this.engine = engine;
        return engine;
      },
      () => undefined,
    );
  }

  private async render() {
    const token = ++this.renderToken;
    const state = this.state;
    for (const [tag, chip] of this.chips) chip.setAttribute('aria-pressed', String(state.tags.includes(tag)));
    if (this.trackSelect && this.trackSelect.value !== state.track) this.trackSelect.value = state.track;
    const query = state.q.trim();
    if (query !== '' && !this.engine) {
      this.setCount('Searching…');
      await this.ensureEngine();
      if (token !== this.renderToken) return;
      if (!this.engine) {
        await this.present({ ...state, q: '' }, undefined, token);
        if (token === this.renderToken) this.setCount(`Search is unavailable right now; tag filters still work. ${this.countLine?.textContent ?? ''}`);
        return;
      }
    }
    const engine = this.engine;
    const rank = engine
      ? (allowed: ReadonlySet<string>) => engine.search(query, (i) => allowed.has(engine.entries[i]!.id)).hits.map((hit) => hit.entry.id)
      : undefined;
    await this.present(state, rank, token);
  }

  private async present(state: FilterState, rank: Parameters<typeof applyFilter>[2], token: number) {
    if (!this.paged) return this.show(applyFilter(this.cards, state, rank), state);
    if (!isFiltering(state)) return this.showPage();
    const source = listingSource(state, (tag) => this.tagTotals.get(tag) ?? Infinity);
    const index = await this.paged.load(listingUrl(this.dataset.listing!, source));
    if (token !== this.renderToken) return;
    if (!index) {
      this.showPage();
      return this.setCount('Filtering is unavailable right now; the page links below still lead to every entry.');
    }
    this.showResults(index, applyFilter(index.entries, state, rank), state);
  }

  /** A listing of several pages, unfiltered: the server's page, counts and page links. */
  private showPage() {
    this.paged?.clear();
    for (const card of this.cards) card.element.hidden = false;
    this.setCount(this.serverCount);
    this.settle([], EMPTY_FILTER);
    for (const [tag, chip] of this.chips) this.setChipCount(chip, this.serverChipCounts.get(tag) ?? '', true);
  }

  /** A listing of several pages, filtered: the matching entries of the whole listing, a page of them at a time. */
  private showResults(index: ListingIndex<Entry>, matches: Entry[], state: FilterState) {
    for (const card of this.cards) card.element.hidden = true;
    this.paged!.show(index.tagBase, matches);
    this.setCount(countLine(matches.length, Number(this.dataset.total), this.dataset.noun ?? 'item', this.dataset.nounPlural));
    this.settle(matches, state);
    this.countChips(matches);
  }

  private show(visible: Card[], state: FilterState) {
    const shown = new Set(visible);
    const order = state.q.trim() !== '' ? [...visible, ...this.cards.filter((c) => !shown.has(c))] : this.cards;
    // Re-append only when the order changed, so an unfiltered page keeps its DOM untouched.
    const current = [...(this.container?.children ?? [])];
    if (order.some((card, i) => current[i] !== card.element)) this.container?.append(...order.map((c) => c.element));
    for (const card of this.cards) card.element.hidden = !shown.has(card);
    const noun = this.dataset.noun ?? 'item';
    this.setCount(countLine(visible.length, this.cards.length, noun, this.dataset.nounPlural));
    this.settle(visible, state);
    this.countChips(visible);
  }

  /** The empty state, "Clear all" and the element's filtering mark, for what is shown. */
  private settle(visible: readonly unknown[], state: FilterState) {
    const filtering = isFiltering(state);
    if (this.empty) this.empty.hidden = !filtering || visible.length > 0;
    this.toggleAttribute('data-filtering', filtering);
    const clearAll = this.querySelector<HTMLElement>('[data-clear-all]');
    if (clearAll) clearAll.hidden = !filtering || visible.length === 0;
  }

  /** Each chip counts the shown entries that carry its tag, so a reader sees what choosing it would leave. */
  private countChips(visible: readonly FilterItem[]) {
    const counts = tagCounts(visible);
    for (const [tag, chip] of this.chips) this.setChipCount(chip, `(${counts.get(tag) ?? 0})`, counts.has(tag));
  }

  private setChipCount(chip: HTMLElement, text: string, some: boolean) {
    const count = chip.querySelector('.chip__count');
    if (count && count.textContent !== text) count.textContent = text;
    chip.classList.toggle('chip--none', !some);
  }

  private setCount(text: string) {
    if (this.countLine && this.countLine.textContent !== text) this.countLine.textContent = text;
  }
}
