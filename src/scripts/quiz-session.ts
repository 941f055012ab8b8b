/**
 * <quiz-session>: the study mode over server-rendered quiz facts. Each fact is
 * an <li data-fact-id> that already holds its question, answer, explanation,
 * choices and buttons; this script only switches classes and attributes, so
 * the page without it is the plain sheet. Marks persist through the safe
 * store in src/lib/study/storage.ts, shared by every page of the site.
 */
import { countProgress, isFilter, isMark, MARKS, matchesFilter, printedLine, progressLine, progressShares, type Filter, type Mark } from '../lib/study/progress';
import { createMarkStore, STORAGE_KEY, type MarkMap } from '../lib/study/storage';
import { shuffled } from '../lib/study/shuffle';

const EMPTY: Record<Filter, string> = {
  all: '',
  weak: 'Nothing here is marked shaky or unknown.',
  unmarked: 'Every fact here is marked. Try “Only shaky and unknown”.',
};
const FACT = '[data-fact-id]';

class QuizSession extends HTMLElement {
  private store = createMarkStore(() => window.localStorage);
  private marks: MarkMap = {};
  private facts: HTMLElement[] = [];
  private homes = new Map<HTMLElement, HTMLElement>();
  private filter: Filter = 'all';
  /** The level shown ('' for all), from the level filter a sheet whose facts carry levels has. */
  private level = '';
  private testing = false;
  private mixed = false;
  private current: HTMLElement | undefined;

  connectedCallback() {
    this.facts = [...this.querySelectorAll<HTMLElement>(FACT)];
    for (const fact of this.facts) this.homes.set(fact, fact.parentElement!);
    this.marks = this.store.read();
    for (const tools of this.querySelectorAll<HTMLElement>('[data-study-tools]')) tools.hidden = false;
    this.dataset.mode = 'read';
    this.addEventListener('click', this);
    this.addEventListener('focusin', this);
    document.addEventListener('keydown', this);
    window.addEventListener('storage', this);
    this.render();
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this);
    window.removeEventListener('storage', this);
  }

  handleEvent(event: Event) {
    if (event.type === 'click') this.onClick(event.target as Element);
    else if (event.type === 'keydown') this.onKey(event as KeyboardEvent);
    else if (event.type === 'focusin') this.current = (event.target as Element).closest<HTMLElement>(FACT) ?? this.current;
    else if ((event as StorageEvent).key === STORAGE_KEY) {
      this.marks = this.store.read();
      this.render();
    }
  }

  private el<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  private onClick(target: Element) {
    const button = target.closest('button');
    const fact = target.closest<HTMLElement>(FACT);
    const action = button?.dataset.action;
    if (action === 'mode') this.setMode(!this.testing);
    else if (action === 'shuffle') this.setMixed(!this.mixed);
    else if (action === 'reset') this.askReset();
    else if (action === 'reset-no') this.closeReset(true);
    else if (action === 'reset-yes') this.reset();
    else if (action === 'reveal' && fact) this.reveal(fact, !fact.classList.contains('is-revealed'));
    else if (isFilter(button?.dataset.filter)) this.setFilter(button.dataset.filter);
    else if (button?.dataset.levelFilter !== undefined) {
      this.level = button.dataset.levelFilter;
      this.render();
    }
    else if (button && isMark(button.dataset.mark) && fact) this.mark(fact, button.dataset.mark);
    else if (button?.dataset.choice && fact) this.choose(fact, button);
    else if (!button && fact && this.testing && !target.closest('a')) this.reveal(fact, true);
  }

  private onKey(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    if (!this.testing || event.altKey || event.ctrlKey || event.metaKey) return;
    if (target !== document.body && !this.contains(target)) return;
    const inFact = target.closest<HTMLElement>(FACT);
    const fact = inFact ?? (target === document.body ? this.current : undefined);
    const key = event.key;
    if (key === 'ArrowDown' || key === 'j') this.move(1);
    else if (key === 'ArrowUp' || key === 'k') this.move(-1);
    else if ((key === 'Enter' || key === ' ') && fact && (target === fact || target === document.body)) this.reveal(fact, !fact.classList.contains('is-revealed'));
    else if (fact && (key === '1' || key === '2' || key === '3')) this.mark(fact, MARKS[Number(key) - 1]!);
    else return;
    event.preventDefault();
  }

  private visible(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>(FACT)].filter((fact) => !fact.hidden && !fact.closest('[hidden]'));
  }

  private move(step: number) {
    const visible = this.visible();
    const from = this.current ? visible.indexOf(this.current) : -1;
    const index = from === -1 ? (step > 0 ? 0 : visible.length - 1) : Math.max(0, Math.min(visible.length - 1, from + step));
    visible[index]?.focus();
  }

  private setMode(testing: boolean) {
    this.testing = testing;
    this.dataset.mode = testing ? 'test' : 'read';
    const button = this.el('[data-action="mode"]');
    button.setAttribute('aria-pressed', String(testing));
    button.textContent = testing ? 'Back to the sheet' : 'Test yourself';
    this.closeReset(false);
    this.fresh();
    if (!testing) {
      this.filter = 'all';
      this.setMixed(false);
    }
    this.render();
    if (testing) this.visible()[0]?.focus();
  }

  /** Every answer hidden again and every choice unpicked, in a new order. */
  private fresh() {
    for (const fact of this.facts) {
      this.reveal(fact, false);
      delete fact.dataset.answered;
      const choices = fact.querySelector('.fact__choices');
      if (!choices) continue;
      fact.querySelector('.fact__verdict')!.textContent = '';
      for (const choice of choices.children) choice.classList.remove('is-right', 'is-wrong');
      choices.append(...shuffled([...choices.children]));
    }
  }

  private reveal(fact: HTMLElement, show: boolean) {
    fact.classList.toggle('is-revealed', show);
    const button = fact.querySelector<HTMLElement>('[data-action="reveal"]')!;
    button.setAttribute('aria-expanded', String(show));
    button.textContent = show ? 'Hide answer' : 'Show answer';
  }

  private choose(fact: HTMLElement, button: HTMLElement) {
    if (!this.testing || fact.dataset.answered) return;
    fact.dataset.answered = 'true';
    const right = button.dataset.choice === 'right';
    button.classList.add(right ? 'is-right' : 'is-wrong');
    fact.querySelector('[data-choice="right"]')!.classList.add('is-right');
    fact.querySelector('.fact__verdict')!.textContent = right ? 'Right.' : 'Not quite. The answer:';
    this.reveal(fact, true);
  }

  private mark(fact: HTMLElement, mark: Mark) {
    const id = fact.dataset.factId!;
    const before = this.visible();
    const focused = fact === this.current;
    this.marks = this.store.set(id, this.marks[id] === mark ? undefined : mark);
    this.render();
    // Under a filter the fact may have just left the list: keep the reader's place.
    if (fact.hidden && focused) {
      const after = this.visible();
      (before.slice(before.indexOf(fact) + 1).find((f) => after.includes(f)) ?? after.at(-1))?.focus();
    }
  }

  private setFilter(filter: Filter) {
    this.filter = filter;
    this.render();
  }

  private setMixed(mixed: boolean) {
    this.mixed = mixed;
    this.current = undefined;
    const list = this.el('[data-shuffled]');
    if (mixed) list.append(...shuffled(this.facts));
    else for (const fact of this.facts) this.homes.get(fact)!.append(fact);
    list.hidden = !mixed;
    this.el('[data-deck]').hidden = mixed;
    this.classList.toggle('is-shuffled', mixed);
    this.el('[data-action="shuffle"]').setAttribute('aria-pressed', String(mixed));
  }

  private ids(): string[] {
    return this.facts.map((fact) => fact.dataset.factId!);
  }

  private askReset() {
    const marked = this.ids().filter((id) => this.marks[id]).length;
    this.el('[data-confirm-text]').textContent = `Clear ${marked === 1 ? 'the 1 mark' : `all ${marked} marks`} on this page?`;
    this.el('[data-confirm]').hidden = false;
    this.el('[data-action="reset-yes"]').focus();
  }

  private closeReset(refocus: boolean) {
    this.el('[data-confirm]').hidden = true;
    if (refocus) this.el('[data-action="reset"]').focus();
  }

  private reset() {
    this.marks = this.store.clear(this.ids());
    this.fresh();
    this.render();
    this.closeReset(true);
  }

  private render() {
    const progress = countProgress(this.ids(), this.marks);
    this.el('[data-progress]').textContent = progressLine(progress);
    // Printing prints what the filter shows: the heading above the facts says so.
    const filter = this.testing ? this.filter : 'all';
    this.el('[data-printed]').textContent = printedLine(progress, filter);
    this.toggleAttribute('data-filtered', filter !== 'all');
    const shares = progressShares(progress);
    for (const mark of MARKS) this.el(`[data-bar="${mark}"]`).style.width = `${shares[mark]}%`;
    for (const fact of this.facts) {
      const mark = this.marks[fact.dataset.factId!];
      if (mark) fact.dataset.mark = mark;
      else delete fact.dataset.mark;
      fact.hidden = (this.testing && !matchesFilter(mark, this.filter)) || (this.level !== '' && fact.dataset.level !== this.level);
      for (const button of fact.querySelectorAll<HTMLElement>('[data-mark]')) button.setAttribute('aria-pressed', String(button.dataset.mark === mark));
    }
    for (const group of this.querySelectorAll<HTMLElement>('[data-chapter-group]')) group.hidden = !group.querySelector(`${FACT}:not([hidden])`);
    for (const button of this.querySelectorAll<HTMLElement>('[data-filter]')) button.setAttribute('aria-pressed', String(button.dataset.filter === this.filter));
    for (const button of this.querySelectorAll<HTMLElement>('[data-level-filter]')) button.setAttribute('aria-pressed', String(button.dataset.levelFilter === this.level));
    const empty = this.el('[data-empty]');
    empty.textContent = EMPTY[this.filter];
    empty.hidden = !this.testing || this.filter === 'all' || this.visible().length > 0;
    this.el<HTMLButtonElement>('[data-action="reset"]').disabled = progress.unmarked === progress.total;
    this.el('[data-storage-note]').hidden = this.store.persistent;
  }
}

customElements.define('quiz-session', QuizSession);
