/**
 * The inside of the header's search dialog, loaded when it is first opened:
 * the input is a combobox driving a listbox of results grouped by collection
 * (arrows move, Enter opens the active result). Results are built with text
 * nodes only: a title is never parsed as HTML.
 */
import { loadSearchIndex } from './load-index';
import { searchEverywhere, type SearchEngine } from '../../lib/search/engine';
import { COLLECTION_LABELS, resultView, type Run } from '../../lib/search/results';
import type { SearchCollection } from '../../lib/search/documents';

const PER_COLLECTION = 5;

interface IndexRef {
  collection: SearchCollection;
  url: string;
}

let engines: Promise<SearchEngine[]> | undefined;

/** All four indexes, fetched once per page. */
export function loadAll(refs: readonly IndexRef[]): Promise<SearchEngine[]> {
  if (!engines) {
    engines = Promise.all(refs.map((ref) => loadSearchIndex(ref.url)));
    engines.catch(() => (engines = undefined));
  }
  return engines;
}

export class SearchDialog {
  private options: HTMLElement[] = [];
  private active = -1;
  private runToken = 0;
  private loaded = false;

  private readonly refs: readonly IndexRef[];
  private readonly dialog: HTMLDialogElement;
  private readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly list: HTMLElement;

  constructor(refs: readonly IndexRef[], dialog: HTMLDialogElement, input: HTMLInputElement, status: HTMLElement, list: HTMLElement) {
    this.refs = refs;
    this.dialog = dialog;
    this.input = input;
    this.status = status;
    this.list = list;
    input.addEventListener('input', () => void this.run());
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

  /** Starts downloading the indexes without searching. */
  prefetch() {
    void loadAll(this.refs).catch(() => undefined);
  }

  async run() {
    const token = ++this.runToken;
    const query = this.input.value.trim();
    if (query === '') {
      this.show([], 'Type to search bits, shorts, chapters and quiz facts.');
      return;
    }
    let loaded: SearchEngine[];
    try {
      if (!this.loaded) this.status.textContent = 'Loading the search index…';
      loaded = await loadAll(this.refs);
      this.loaded = true;
    } catch {
      if (token === this.runToken) this.show([], 'Search is unavailable right now. Please try again.');
      return;
    }
    if (token !== this.runToken) return;
    const { groups, terms } = searchEverywhere(loaded, query, PER_COLLECTION);
    const total = groups.reduce((sum, group) => sum + group.total, 0);
    const nodes: HTMLElement[] = [];
    let optionCount = 0;
    for (const group of groups) {
      if (group.hits.length === 0) continue;
      const labels = COLLECTION_LABELS[group.collection];
      const box = document.createElement('div');
      box.setAttribute('role', 'group');
      box.className = 'search-group';
      const heading = document.createElement('div');
      heading.id = `site-search-group-${group.collection}`;
      heading.className = 'search-group__label';
      heading.setAttribute('role', 'presentation');
      heading.textContent = group.total > group.hits.length ? `${labels.many} (${group.hits.length} of ${group.total})` : labels.many;
      box.setAttribute('aria-labelledby', heading.id);
      box.append(heading);
      for (const hit of group.hits) {
        const view = resultView(group.collection, hit.entry, terms);
        const option = document.createElement('div');
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.id = `site-search-option-${optionCount++}`;
        option.className = 'search-result';
        option.dataset.url = view.url;
        option.dataset.collection = group.collection;
        const title = document.createElement('span');
        title.className = 'search-result__title';
        appendRuns(title, view.title);
        const detail = document.createElement('span');
        detail.className = 'search-result__detail';
        const label = document.createElement('span');
        label.className = 'search-result__label';
        label.textContent = view.label;
        detail.append(label, ' ');
        appendRuns(detail, view.detail);
        option.append(title, detail);
        box.append(option);
      }
      nodes.push(box);
    }
    this.show(nodes, total === 0 ? `No results for “${query}”.` : `${total} ${total === 1 ? 'result' : 'results'} for “${query}”.`);
  }

  private show(nodes: HTMLElement[], status: string) {
    this.list.replaceChildren(...nodes);
    this.options = [...this.list.querySelectorAll<HTMLElement>('[role="option"]')];
    this.status.textContent = status;
    this.input.setAttribute('aria-expanded', String(this.options.length > 0));
    this.setActive(this.options.length > 0 ? 0 : -1);
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
    const url = option.dataset.url;
    if (!url) return;
    this.dialog.dispatchEvent(new CustomEvent('search-navigate'));
    this.dialog.close();
    location.assign(url);
  }
}

function appendRuns(parent: HTMLElement, runs: readonly Run[]) {
  for (const run of runs) {
    if (run.match) {
      const mark = document.createElement('mark');
      mark.textContent = run.text;
      parent.append(mark);
    } else {
      parent.append(document.createTextNode(run.text));
    }
  }
}
