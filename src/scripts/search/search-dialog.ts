/**
 * The inside of the header's search dialog, loaded when it is first opened:
 * the input is a combobox driving a listbox of results grouped by collection
 * (arrows move, Enter opens the active result). Results are built with text
 * nodes only: a title is never parsed as HTML.
 */
import { siteResults, type SiteResults } from './site-results';
import { loadSiteSearch } from './load-index';
import { COLLECTION_LABELS, resultView, statusLine } from '../../lib/search/results';
import type { SearchCollection } from '../../lib/search/documents';
import type { SearchEntry } from '../../lib/search/build-index';
import { resultParts, resultsPageUrl } from './result-parts';
import { formatCount } from '../../lib/plural';

/** Results shown per collection until the reader asks for all of them. */
const PER_COLLECTION = 5;

/** An option of the listbox, unselected; its id is given when the list is shown. */
function option(className: string): HTMLElement {
  const element = document.createElement('div');
  element.setAttribute('role', 'option');
  element.setAttribute('aria-selected', 'false');
  element.className = className;
  return element;
}

/** A result's option, made as soon as its entry arrives. */
function resultOption(collection: SearchCollection, entry: SearchEntry, terms: ReadonlySet<string>): HTMLElement {
  const view = resultView(collection, entry, terms);
  const result = option('search-result');
  result.dataset.url = view.url;
  result.dataset.collection = collection;
  result.append(...resultParts(view));
  return result;
}

export class SearchDialog {
  private options: HTMLElement[] = [];
  private active = -1;
  private runToken = 0;
  private loaded = false;
  /** Collections whose every result is shown, for the current query; emptied when the query changes. */
  private readonly expanded = new Set<SearchCollection>();

  /** Where the site-wide index lives (`data-search-index`). */
  private readonly indexBase: string;
  private readonly dialog: HTMLDialogElement;
  private readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly list: HTMLElement;

  /** The full results page (/search/ under the base path). */
  private readonly searchPage: string;

  constructor(indexBase: string, searchPage: string, dialog: HTMLDialogElement, input: HTMLInputElement, status: HTMLElement, list: HTMLElement) {
    this.indexBase = indexBase;
    this.searchPage = searchPage;
    this.dialog = dialog;
    this.input = input;
    this.status = status;
    this.list = list;
    input.addEventListener('input', () => {
      this.expanded.clear();
      void this.run();
    });
    input.addEventListener('keydown', (event) => this.onKey(event));
    list.addEventListener('click', (event) => {
      const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
      if (option) this.go(option);
    });
    list.addEventListener('mousemove', (event) => {
      const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
      if (option) this.setActive(this.options.indexOf(option), false);
    });
  }

  /** Starts loading the search code and the index's manifest without searching. */
  prefetch() {
    void loadSiteSearch(this.indexBase).catch(() => undefined);
  }

  async run() {
    const token = ++this.runToken;
    const query = this.input.value.trim();
    if (query === '') {
      this.show([], 'Type to search bits, shorts, chapters and quiz facts.');
      return;
    }
    let results: SiteResults<HTMLElement>;
    try {
      if (!this.loaded) this.status.textContent = 'Loading the search index…';
      // Only the results on screen are fetched: the best few of each kind, or all of an expanded one.
      results = await siteResults(this.indexBase, query, (collection) => (this.expanded.has(collection) ? Infinity : PER_COLLECTION), resultOption);
      this.loaded = true;
    } catch {
      if (token === this.runToken) this.show([], 'Search is unavailable right now. Please try again.');
      return;
    }
    if (token !== this.runToken) return;
    const { groups, found } = results;
    const nodes: HTMLElement[] = [];
    for (const group of groups) {
      if (group.total === 0) continue;
      const labels = COLLECTION_LABELS[group.collection];
      const shown = group.items.length;
      const box = document.createElement('div');
      box.setAttribute('role', 'group');
      box.className = 'search-group';
      const heading = document.createElement('div');
      heading.id = `site-search-group-${group.collection}`;
      heading.className = 'search-group__label';
      heading.setAttribute('role', 'presentation');
      heading.textContent = group.total > shown ? `${labels.many} (${shown} of ${formatCount(group.total)})` : `${labels.many} (${formatCount(group.total)})`;
      box.setAttribute('aria-labelledby', heading.id);
      box.append(heading, ...group.items);
      if (shown < group.total) {
        // Every result stays reachable: this option shows the rest of the group in place.
        const more = option('search-result search-result--more');
        more.dataset.expand = group.collection;
        more.textContent = `Show all ${formatCount(group.total)} ${labels.many.toLowerCase()}`;
        box.append(more);
      }
      nodes.push(box);
    }
    if (found.total > 0) {
      const page = option('search-result search-result--more');
      page.dataset.url = resultsPageUrl(this.searchPage, query);
      page.textContent = `All ${formatCount(found.total)} results on a page of their own →`;
      nodes.push(page);
    }
    this.show(nodes, statusLine(query, found));
  }

  private show(nodes: HTMLElement[], status: string) {
    // A new list starts at its top, where its first option is: scrolling there now, while the layout is clean, is free,
    // where scrollIntoView on the first option would lay the new results out at once instead of in the next frame.
    this.list.scrollTop = 0;
    this.list.replaceChildren(...nodes);
    this.options = [...this.list.querySelectorAll<HTMLElement>('[role="option"]')];
    this.options.forEach((option, i) => (option.id = `site-search-option-${i}`));
    this.status.textContent = status;
    this.input.setAttribute('aria-expanded', String(this.options.length > 0));
    this.setActive(this.options.length > 0 ? 0 : -1, false);
  }

  private setActive(index: number, scroll = true) {
    this.options[this.active]?.setAttribute('aria-selected', 'false');
    this.active = index;
    const option = this.options[index];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      this.input.setAttribute('aria-activedescendant', option.id);
      if (scroll) option.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  private onKey(event: KeyboardEvent) {
    const count = this.options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.setActive((this.active + step + count) % count);
    } else if ((event.key === 'Home' || event.key === 'End') && event.ctrlKey && count > 0) {
      event.preventDefault();
      this.setActive(event.key === 'Home' ? 0 : count - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = this.options[this.active];
      if (option) this.go(option);
    }
  }

  private go(option: HTMLElement) {
    const collection = option.dataset.expand as SearchCollection | undefined;
    if (collection) {
      // The first result not shown before takes the place of the option, and stays active.
      const at = this.options.indexOf(option);
      this.expanded.add(collection);
      void this.run().then(() => this.setActive(at));
      this.input.focus();
      return;
    }
    const url = option.dataset.url;
    if (!url) return;
    this.dialog.dispatchEvent(new CustomEvent('search-navigate'));
    this.dialog.close();
    location.assign(url);
  }
}
