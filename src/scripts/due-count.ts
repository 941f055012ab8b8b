/**
 * <due-count>: what /review/ would ask today for the whole garden, a part or
 * a chapter (data-scope, as the review page's query), counted from the
 * reader's history with the same queue the review page builds. Every
 * <due-count> of a page shares one download of the deck and one read of history.
 * The header's (data-header, loaded by header-due.ts only when something may
 * be due) says only "N due", and nothing when nothing is.
 */
import { deckScope, scopeFacts, type Deck } from '../lib/study/deck';
import { describeCounts, reviewQueue } from '../lib/study/queue';
import { createReviewStore } from '../lib/study/review-store';
import { createMarkStore } from '../lib/study/storage';

let shared: Promise<Deck | undefined> | undefined;
const store = createReviewStore(() => window.localStorage);

class DueCount extends HTMLElement {
  async connectedCallback() {
    const header = this.dataset.header !== undefined;
    const marks = createMarkStore(() => window.localStorage).read();
    const history = store.read();
    shared ??= fetch(this.dataset.src!)
      .then((response) => (response.ok ? (response.json() as Promise<Deck>) : undefined))
      .catch(() => undefined);
    const deck = await shared;
    if (!deck) return;
    const ids = scopeFacts(deck, deckScope(deck, new URLSearchParams(this.dataset.scope))).map((fact) => fact.id);
    if (ids.length === 0) return;
    const queue = reviewQueue(ids, history, marks, new Date(), store.settings().newPerDay);
    const due = queue.due.length + queue.later.length;
    if (header && due === 0) return;
    this.querySelector('[data-due-text]')!.textContent = header ? `${due} due` : describeCounts(queue);
    this.querySelector('a')!.hidden = false;
  }
}

customElements.define('due-count', DueCount);
