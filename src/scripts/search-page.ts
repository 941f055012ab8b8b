/**
 * <search-page>: the /search/ page. Reads the query from the address
 * (`?q=…`), searches every index and lists all results, grouped by kind, as
 * links (Tab moves through them); typing updates the results and the
 * address, so a search can be shared or reloaded. Fuse and the index's
 * manifest load with the first query; each query fetches the parts it needs.
 */
import { COLLECTION_LABELS, resultView, statusLine, type ResultView } from '../lib/search/results';
import type { SearchCollection } from '../lib/search/documents';
import { siteResults, type SiteResults } from './search/site-results';
import { resultParts } from './search/result-parts';
import { formatCount } from '../lib/plural';

const TYPING_PAUSE_MS = 150;

class SearchPage extends HTMLElement {
  private indexBase = '/search/';
  private input!: HTMLInputElement;
  private status!: HTMLElement;
  private results!: HTMLElement;
  private runToken = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pageTitle = '';

  connectedCallback() {
    const input = this.querySelector<HTMLInputElement>('[data-search-input]');
    const status = this.querySelector<HTMLElement>('[data-search-status]');
    const results = this.querySelector<HTMLElement>('[data-search-results]');
    if (!input || !status || !results) return;
    this.indexBase = this.dataset.searchIndex ?? this.indexBase;
    this.input = input;
    this.status = status;
    this.results = results;
    this.pageTitle = document.title;
    input.value = new URL(location.href).searchParams.get('q') ?? '';
    this.querySelector('[data-search-form]')?.addEventListener('submit', (event) => {
      event.preventDefault();
      this.update();
    });
    input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.update(), TYPING_PAUSE_MS);
    });
    // Back and forward step through earlier searches.
    window.addEventListener('popstate', () => {
      input.value = new URL(location.href).searchParams.get('q') ?? '';
      void this.run();
    });
    if (input.value.trim() !== '') void this.run();
    else input.focus();
  }

  /** The address follows the query, then the results follow the address. */
  private update() {
    const query = this.input.value.trim();
    const url = new URL(location.href);
    if (query === '') url.searchParams.delete('q');
    else url.searchParams.set('q', query);
    if (url.href !== location.href) history.pushState(null, '', url);
    void this.run();
  }

  private async run() {
    const token = ++this.runToken;
    const query = this.input.value.trim();
    document.title = query === '' ? this.pageTitle : `${query} · ${this.pageTitle}`;
    if (query === '') {
      this.show([], 'Type a word or two to search the whole garden.');
      return;
    }
    this.status.textContent = 'Searching…';
    let results: SiteResults<ResultView>;
    try {
      results = await siteResults(this.indexBase, query, () => Infinity, resultView);
    } catch {
      if (token === this.runToken) this.show([], 'Search is unavailable right now. Please try again.');
      return;
    }
    if (token !== this.runToken) return;
    const { groups, found } = results;
    const sections = groups.filter((group) => group.total > 0).map((group) => this.section(group.collection, group.items));
    this.show(sections, statusLine(query, found, ' Check the spelling, or try fewer words.'));
  }

  private section(collection: SearchCollection, views: ResultView[]): HTMLElement {
    const section = document.createElement('section');
    section.className = 'search-page__group';
    const heading = document.createElement('h2');
    heading.id = `search-page-${collection}`;
    heading.textContent = `${COLLECTION_LABELS[collection].many} (${formatCount(views.length)})`;
    section.setAttribute('aria-labelledby', heading.id);
    const list = document.createElement('ol');
    list.className = 'search-page__list';
    for (const view of views) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.className = 'search-result';
      link.href = view.url;
      link.append(...resultParts(view));
      item.append(link);
      list.append(item);
    }
    section.append(heading, list);
    return section;
  }

  private show(nodes: HTMLElement[], status: string) {
    this.results.replaceChildren(...nodes);
    this.status.textContent = status;
  }
}

customElements.define('search-page', SearchPage);
