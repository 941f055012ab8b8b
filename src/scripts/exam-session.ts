/**
 * <exam-session>: an exam on /exam/. Draws the facts of the address's scope
 * (src/lib/study/exam.ts), asks them all on one form with no answer shown,
 * keeps the time limit, then shows the score and the missed facts, which one
 * button records in the review history as due now. Every time is read at the
 * moment it is needed, so a test can move the clock.
 */
import { deckScope, scopeFacts, type Deck, type Scope } from '../lib/study/deck';
import { describeTimeLeft, drawExam, examPool, examSettings, scoreExam, sendToReview, timeLeft, type ExamAnswer, type ExamQuestion, type ExamScore } from '../lib/study/exam';
import { createReviewStore } from '../lib/study/review-store';
import { plural } from '../lib/plural';
import { fetchDeck, setFactHtml } from './fact-html';

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | boolean> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const made = document.createElement(tag);
  Object.assign(made, props);
  made.append(...children);
  return made;
};
const html = (tag: 'p' | 'span' | 'div', className: string, markup: string) => {
  const made = element(tag, { className });
  setFactHtml(made, markup);
  return made;
};

class ExamSession extends HTMLElement {
  private deck: Deck = { levels: [], parts: [], chapters: [], facts: [] };
  private questions: ExamQuestion[] = [];
  private answers = new Map<string, ExamAnswer>();
  private startedAt = 0;
  private minutes = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private score: ExamScore | undefined;

  async connectedCallback() {
    this.el('[data-nojs]').hidden = true;
    this.el('[data-app]').hidden = false;
    try {
      this.deck = await fetchDeck(this.dataset.src!);
    } catch (error) {
      this.status(`The facts could not be loaded (${(error as Error).message}). Reload the page to try again.`);
      return;
    }
    const search = new URLSearchParams(location.search);
    const scope = deckScope(this.deck, search);
    if (scope.kind === 'unknown') return this.status(`This garden has no ${scope.asked}. Pick a part from the cheat sheets.`);
    const facts = examPool(scopeFacts(this.deck, scope));
    this.el('[data-scope-title]').textContent = this.el('[data-paper-title]').textContent = scopeLabel(scope);
    this.keepScope(search);
    if (!search.has('start') || facts.length === 0) {
      this.el('[data-setup]').hidden = false;
      return this.status(facts.length ? `${plural(facts.length, 'fact')} to draw from.` : 'No facts here to draw from.');
    }
    const settings = examSettings(search, Math.floor(Math.random() * 2 ** 32));
    // The seed goes in the address, so a reload or a shared link draws the same facts.
    search.set('seed', String(settings.seed));
    history.replaceState(null, '', `?${search}`);
    this.begin(drawExam(facts, settings.size, settings.seed), settings.minutes);
  }

  disconnectedCallback() {
    clearInterval(this.timer);
  }

  private el<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  private status(text: string) {
    this.el('[data-status]').textContent = text;
  }

  /** The setup form keeps the address's part or chapter (and level) when it starts the exam. */
  private keepScope(search: URLSearchParams) {
    for (const input of this.querySelectorAll<HTMLInputElement>('[data-keep]')) {
      const value = search.get(input.name);
      input.disabled = value === null;
      input.value = value ?? '';
    }
    const level = this.querySelector<HTMLSelectElement>('[data-level]');
    if (level) level.value = search.get('level') ?? '';
  }

  private begin(questions: ExamQuestion[], minutes: number) {
    this.questions = questions;
    this.minutes = minutes;
    this.startedAt = Date.now();
    const paper = this.el<HTMLFormElement>('[data-paper]');
    this.el('[data-questions]').replaceChildren(...questions.map((question, index) => this.questionItem(question, index)));
    paper.hidden = false;
    paper.addEventListener('submit', (event) => {
      event.preventDefault();
      this.finish(false);
    });
    paper.addEventListener('input', (event) => this.record(event.target as HTMLInputElement));
    // Enter in a typed answer goes on to the next question rather than ending the exam.
    paper.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement;
      if (event.key !== 'Enter' || !target.matches('input[type="text"]')) return;
      event.preventDefault();
      const next = target.closest('li')?.nextElementSibling?.querySelector<HTMLElement>('input');
      (next ?? paper.querySelector<HTMLElement>('button[type="submit"]'))!.focus();
    });
    this.el('[data-results]').addEventListener('click', (event) => this.onResultsClick(event));
    this.status(`${plural(questions.length, 'question')}${minutes ? `, ${minutes} minutes` : ', no time limit'}. Answers are shown when you finish.`);
    if (minutes) {
      this.el('[data-timer]').hidden = false;
      this.tick();
      this.timer = setInterval(() => this.tick(), 1000);
    }
    paper.querySelector<HTMLElement>('input')?.focus();
  }

  private questionItem(question: ExamQuestion, index: number): HTMLLIElement {
    const id = `exam-q-${index}`;
    const item = element('li', { className: 'exam-question' }, html('p', 'exam-question__q', question.fact.q));
    item.firstElementChild!.id = id;
    if (question.kind === 'choice') {
      const group = element('div', { className: 'exam-choices' });
      group.setAttribute('role', 'radiogroup');
      group.setAttribute('aria-labelledby', id);
      question.choices.forEach((choice, n) => {
        const input = element('input', { type: 'radio', name: `q${index}`, value: String(n) });
        input.dataset.fact = question.fact.id;
        group.append(element('label', { className: 'exam-choice' }, input, ' ', html('span', '', choice.html)));
      });
      item.append(group);
    } else {
      const input = element('input', { type: 'text', autocomplete: 'off', spellcheck: false, className: 'exam-typed' });
      input.dataset.fact = question.fact.id;
      input.setAttribute('aria-labelledby', id);
      item.append(input);
    }
    return item;
  }

  private record(input: HTMLInputElement) {
    const id = input.dataset.fact;
    if (!id) return;
    this.answers.set(id, input.type === 'radio' ? { choice: Number(input.value) } : { typed: input.value });
  }

  private tick() {
    const left = timeLeft(this.startedAt, this.minutes, Date.now());
    this.el('[data-timer]').textContent = `Time left: ${describeTimeLeft(left)}`;
    if (left === 0) this.finish(true);
  }

  private finish(timeUp: boolean) {
    clearInterval(this.timer);
    this.el('[data-paper]').hidden = true;
    this.status(timeUp ? 'Time is up: your answers so far are scored.' : 'Finished.');
    this.showScore();
    this.el('[data-results]').focus();
  }

  private showScore() {
    const score = (this.score = scoreExam(this.questions, this.answers));
    this.el('[data-results]').hidden = false;
    this.el('[data-score]').textContent = `Score: ${score.right} of ${score.total} (${score.percent} %)`;
    this.el('[data-score-note]').textContent = score.missed.length ? `You missed ${plural(score.missed.length, 'fact')}:` : 'You missed nothing. Well done.';
    this.el('[data-missed]').replaceChildren(...score.missed.map((result) => this.missedItem(result)));
    const send = this.el<HTMLButtonElement>('[data-action="send"]');
    send.hidden = score.missed.length === 0;
    send.textContent = `Send the ${plural(score.missed.length, 'missed fact')} to review`;
  }

  private missedItem({ question, gradable }: ExamScore['missed'][number]): HTMLLIElement {
    const answer = this.answers.get(question.fact.id);
    const given = question.kind === 'choice' ? (answer?.choice === undefined ? undefined : question.choices[answer.choice]?.html) : answer?.typed?.trim() || undefined;
    const yours = element('p', { className: 'exam-missed__yours' }, element('span', { textContent: 'You answered: ' }));
    if (given === undefined) yours.append('nothing');
    else if (question.kind === 'choice') yours.append(html('span', '', given));
    else yours.append(given);
    const item = element(
      'li',
      { className: 'exam-missed__fact' },
      html('p', 'exam-question__q', question.fact.q),
      yours,
      html('p', 'fact__a', `<span>Answer:</span> ${question.fact.a}`),
    );
    if (question.fact.e) item.append(html('p', 'fact__e', `<span>Why:</span> ${question.fact.e}`));
    if (gradable) {
      const button = element('button', { type: 'button', className: 'study-button', textContent: 'I had it right' });
      button.dataset.selfGrade = question.fact.id;
      item.append(element('p', {}, button));
    }
    return item;
  }

  private onResultsClick(event: Event) {
    const button = (event.target as HTMLElement).closest('button');
    const id = button?.dataset.selfGrade;
    if (id) {
      this.answers.set(id, { ...this.answers.get(id), selfGraded: true });
      this.showScore();
      this.el('[data-score]').focus();
    } else if (button?.dataset.action === 'send') this.send(button);
  }

  private send(button: HTMLButtonElement) {
    const ids = this.score!.missed.map((result) => result.question.fact.id);
    const store = createReviewStore(() => window.localStorage);
    const saved = store.write(sendToReview(store.read(), ids, new Date()));
    button.disabled = true;
    const sent = this.el('[data-sent]');
    sent.replaceChildren(
      saved ? `Sent: ${plural(ids.length, 'fact')} due now in ` : `This browser is not saving review history, so ${plural(ids.length, 'fact')} could not be kept for `,
      element('a', { href: this.dataset.review!, textContent: 'review' }),
      '.',
    );
    this.querySelectorAll<HTMLButtonElement>('[data-self-grade]').forEach((b) => (b.disabled = true));
  }
}

function scopeLabel(scope: Exclude<Scope, { kind: 'unknown' }>): string {
  const place = scope.kind === 'part' ? scope.part.label : scope.kind === 'chapter' ? scope.chapter.label : 'Every chapter';
  return scope.level ? `${place} · ${scope.level.label}` : place;
}

customElements.define('exam-session', ExamSession);
