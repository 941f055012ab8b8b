/**
 * A search result's title and detail lines as DOM nodes, shared by the header's
 * dialog and the /search/ page. Text nodes and <mark> only: a title is never
 * parsed as HTML.
 */
import type { ResultView, Run } from '../../lib/search/results';

export function appendRuns(parent: HTMLElement, runs: readonly Run[]): void {
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

/** The result's title, then its kind and detail, as two spans. */
export function resultParts(view: ResultView): [HTMLElement, HTMLElement] {
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
  return [title, detail];
}

/** The address of the full results page for a query, under the site's base path (`searchPage` from the element's data). */
export function resultsPageUrl(searchPage: string, query: string): string {
  return `${searchPage}?q=${encodeURIComponent(query).replace(/%20/g, '+')}`;
}
