/**
 * <review-session>: today's review on /review/. Downloads the deck
 * (/review/facts.json), seeds the schedule of facts marked in study mode,
 * then asks the queue's facts one at a time and records each rating with
 * FSRS (src/lib/study/). Every time comes from `new Date()` at the moment of
 * the action, so a test can move the clock.
 */
import { deckScope, factChoices, followupsAfterParents, scopeFacts, type Deck, type DeckFact, type Scope } from '../lib/study/deck';
import { recordOf, isRating, type History, type Rating } from '../lib/study/history';
import { dayStart, describeInterval, forecast, newPerDayLimit, reviewQueue, sessionOrder } from '../lib/study/queue';
import { createReviewStore } from '../lib/study/review-store';
import { preview, review, seedFromMarks } from '../lib/study/schedule';
import { choiceButton, fetchDeck, parentFact, setFactHtml } from './fact-html';
import { createMarkStore } from '../lib/study/storage';
import { exportFileName, exportHistory, importHistory } from '../lib/study/transfer';
import { plural } from '../lib/plural';

const STORAGE_NOTES = {
  unavailable: 'This browser is not saving your reviews (its storage is turned off): they last until you leave the page. Export your history before you go.',
  full: 'This browser’s storage is full, so your latest reviews are not saved: they last until you leave the page. Export your history, or free some space.',
};

type Stage = 'question' | 'answer' | 'chosen';

class ReviewSession extends HTMLElement {
  private store = createReviewStore(() => window.localStorage);
  private marks = createMarkStore(() => window.localStorage).read();
  private deck: Deck = { levels: [], parts: [], chapters: [], facts: [] };
  private scope: Scope = { kind: 'all' };
  private facts: DeckFact[] = [];
  private history: History = {};
  private queue: string[] = [];
  private waiting = 0;
  private current: DeckFact | undefined;
  private stage: Stage = 'question';

  async connectedCallback() {
    this.el('[data-nojs]').hidden = true;
    this.el('[data-app]').hidden = false;
    this.addEventListener('click', this);
    this.addEventListener('change', this);
    document.addEventListener('keydown', this);
    try {
      this.deck = await fetchDeck(this.dataset.src!);
    } catch (error) {
      this.status(`The facts could not be loaded (${(error as Error).message}). Reload the page to try again.`);
      return;
    } finally {
      // The place held for the first card (review.css) is let go.
      this.dataset.loaded = '';
    }
    this.scope = deckScope(this.deck, new URLSearchParams(location.search));
    this.facts = scopeFacts(this.deck, this.scope);
    const scopeKey = location.search.slice(1);
    for (const link of this.querySelectorAll<HTMLElement>('[data-scope-link]')) {
      if (link.dataset.scopeLink === scopeKey) link.setAttribute('aria-current', 'page');
    }
    this.el<HTMLInputElement>('[data-new-per-day]').value = String(this.store.settings().newPerDay);
    this.start();
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this);
  }

  handleEvent(event: Event) {
    if (event.type === 'keydown') return this.onKey(event as KeyboardEvent);
    const target = event.target as HTMLElement;
    if (event.type === 'change') {
      if (target.matches('[data-new-per-day]')) this.setLimit((target as HTMLInputElement).value);
      else if (target.matches('[data-import]')) void this.importFile(target as HTMLInputElement);
      return;
    }
    const button = target.closest<HTMLElement>('button');
    const action = button?.dataset.action;
    const rating = Number(button?.dataset.rating);
    if (action === 'reveal') this.reveal();
    else if (action === 'next') this.next();
    else if (action === 'export') this.exportFile();
    else if (isRating(rating)) this.rate(rating);
    else if (button?.dataset.choice !== undefined) this.choose(button);
  }

  private onKey(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    if (!this.current || event.altKey || event.ctrlKey || event.metaKey) return;
    // Keys typed into a field, or pressed on a control that handles them itself, are not ours.
    if (target.closest('input, textarea, select, a, summary, button, [contenteditable]')) return;
    const key = event.key;
    const number = Number(key);
    const choices = this.choiceButtons();
    if ((key === ' ' || key === 'Enter') && this.stage === 'question' && choices.length === 0) this.reveal();
    else if ((key === ' ' || key === 'Enter') && this.stage === 'chosen') this.next();
    else if (this.stage === 'question' && choices[number - 1]) this.choose(choices[number - 1]!);
    else if (this.stage === 'answer' && isRating(number)) this.rate(number);
    else return;
    event.preventDefault();
  }

  private el<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  private status(text: string) {
    this.el('[data-status]').textContent = text;
  }

  private ids(): string[] {
    return this.facts.map((fact) => fact.id);
  }

  /** Reads history (seeding marked facts), builds today's queue and asks the first fact. */
  private start() {
    const now = new Date();
    const stored = this.store.read();
    this.history = seedFromMarks(stored, this.ids(), this.marks, now);
    if (this.history !== stored) this.save();
    const queue = reviewQueue(this.ids(), this.history, this.marks, now, this.store.settings().newPerDay);
    this.queue = followupsAfterParents(sessionOrder(queue), this.facts);
    this.waiting = queue.waiting;
    this.showStorage();
    this.next();
  }

  private save() {
    this.store.write(this.history);
    this.showStorage();
  }

  private showStorage() {
    const problem = this.store.problem;
    const note = this.el('[data-storage-note]');
    note.hidden = !problem;
    note.textContent = problem ? STORAGE_NOTES[problem] : '';
  }

  private next() {
    const id = this.queue.shift();
    this.current = id === undefined ? undefined : this.facts.find((fact) => fact.id === id);
    if (!this.current) return this.finish();
    const fact = this.current;
    const chapter = this.deck.chapters.find((c) => c.id === fact.c);
    this.stage = 'question';
    this.el('[data-done]').hidden = true;
    const card = this.el('[data-card]');
    card.hidden = false;
    const from = this.el<HTMLAnchorElement>('[data-from]');
    from.textContent = chapter?.label ?? fact.c;
    from.href = chapter?.url ?? '#';
    const parent = parentFact(this.deck.facts, fact);
    this.el('[data-parent]').hidden = !parent;
    if (parent) setFactHtml(this.el('[data-parent-text]'), `${parent.q} <strong>${parent.a}</strong>`);
    setFactHtml(this.el('[data-question]'), fact.q);
    setFactHtml(this.el('[data-answer-text]'), fact.a);
    setFactHtml(this.el('[data-explanation]'), fact.e);
    this.el('[data-why]').hidden = fact.e === '';
    this.el('[data-verdict]').textContent = '';
    const choices = this.el('[data-choices]');
    choices.replaceChildren(...factChoices(fact).map(choiceButton));
    choices.hidden = !fact.d;
    this.show({ answer: false, reveal: !fact.d, next: false, ratings: false });
    this.status(`${plural(this.queue.length + 1, 'fact')} to go${this.waiting ? ` · ${plural(this.waiting, 'new fact')} wait for another day` : ''}`);
    card.focus();
  }

  private show(parts: { answer: boolean; reveal: boolean; next: boolean; ratings: boolean }) {
    this.el('[data-answer]').hidden = !parts.answer;
    this.el('[data-action="reveal"]').hidden = !parts.reveal;
    this.el('[data-action="next"]').hidden = !parts.next;
    this.el('[data-ratings]').hidden = !parts.ratings;
  }

  private choiceButtons(): HTMLButtonElement[] {
    return this.current?.d ? [...this.querySelectorAll<HTMLButtonElement>('[data-choice]')] : [];
  }

  private reveal() {
    if (!this.current || this.stage !== 'question') return;
    this.stage = 'answer';
    const now = new Date();
    const next = preview(recordOf(this.history, this.current.id), now);
    for (const button of this.querySelectorAll<HTMLElement>('[data-rating]')) {
      const rating = Number(button.dataset.rating) as Rating;
      button.querySelector('[data-interval]')!.textContent = `in ${describeInterval(now, next[rating])}`;
    }
    this.show({ answer: true, reveal: false, next: false, ratings: true });
    this.el('[data-answer]').focus();
  }

  /** A multiple-choice fact is rated by the outcome: Good when right, Again when wrong. */
  private choose(button: HTMLElement) {
    if (!this.current || this.stage !== 'question') return;
    const right = button.dataset.choice === 'right';
    for (const choice of this.choiceButtons()) {
      choice.disabled = true;
      if (choice.dataset.choice === 'right') choice.classList.add('is-right');
    }
    if (!right) button.classList.add('is-wrong');
    this.el('[data-verdict]').textContent = right ? 'Right: rated Good.' : 'Not quite: rated Again. The answer:';
    this.record(right ? 3 : 1);
    this.stage = 'chosen';
    this.show({ answer: true, reveal: false, next: true, ratings: false });
    this.el('[data-answer]').focus();
  }

  private rate(rating: Rating) {
    if (this.stage !== 'answer') return;
    this.record(rating);
    this.next();
  }

  /** Saves the review; a fact due again today (a lapse, a learning step) comes back later in the session. */
  private record(rating: Rating) {
    const fact = this.current!;
    const now = new Date();
    const updated = review(recordOf(this.history, fact.id), rating, now);
    this.history = { ...this.history, [fact.id]: updated };
    this.save();
    if (updated.due < dayStart(now, 1).getTime()) this.queue.push(fact.id);
  }

  private finish() {
    const now = new Date();
    const ids = this.ids();
    const from = dayStart(now, 0).getTime();
    let reviews = 0;
    let facts = 0;
    for (const id of ids) {
      const today = recordOf(this.history, id)?.reviews.filter((r) => r.length === 2 && r[0] >= from).length ?? 0;
      reviews += today;
      if (today) facts++;
    }
    const ahead = forecast(ids, this.history, now);
    this.el('[data-card]').hidden = true;
    const done = this.el('[data-done]');
    done.hidden = false;
    this.el('[data-done-title]').textContent = this.scope.kind === 'unknown' ? 'Nothing to review here' : facts ? 'Done for today' : 'Nothing is due today';
    const lines =
      this.scope.kind === 'unknown'
        ? [`This garden has no ${this.scope.asked}. Review everything instead.`]
        : [
            facts ? `Reviewed today: ${plural(facts, 'fact')} (${plural(reviews, 'review')}).` : `Nothing was due${ids.length ? '' : ': this scope has no facts'}.`,
            `Due tomorrow: ${ahead.tomorrow}. Due in the next 7 days: ${ahead.week}.`,
            ...(this.waiting ? [`${plural(this.waiting, 'new fact')} wait for the coming days (the limit is ${plural(this.store.settings().newPerDay, 'new fact')} a day; change it under Settings).`] : []),
          ];
    this.el('[data-summary]').replaceChildren(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
    this.status(this.scope.kind === 'unknown' ? '' : `All caught up${this.scope.kind === 'all' ? '' : ' here'}.`);
    done.focus();
  }

  private setLimit(value: string) {
    const newPerDay = newPerDayLimit(value);
    this.store.saveSettings({ newPerDay });
    this.el<HTMLInputElement>('[data-new-per-day]').value = String(newPerDay);
    this.start();
  }

  private exportFile() {
    const now = new Date();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([exportHistory(this.store.read(), now)], { type: 'application/json' }));
    link.download = exportFileName(now);
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  private async importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const message = this.el('[data-transfer-message]');
    const result = importHistory(this.store.read(), await file.text());
    if (!result.ok) {
      message.textContent = `${file.name} was not imported: ${result.error} Your history is unchanged.`;
      return;
    }
    const { history, changed, added } = result.merge;
    this.history = history;
    this.save();
    message.textContent = changed ? `Imported ${plural(added, 'review')} of ${plural(changed, 'fact')} from ${file.name}.` : `${file.name} holds nothing this browser does not have already.`;
    this.start();
  }
}

customElements.define('review-session', ReviewSession);
