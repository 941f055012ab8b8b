/**
 * Putting a deck fact's HTML on the page. The HTML is the build's own
 * rendering of the fact's inline Markdown (src/lib/markdown/inline-markdown.ts,
 * which shows raw HTML as text), so it is set as HTML; anything a reader typed
 * goes in as text, never through here.
 */
import type { Deck, DeckFact } from '../lib/study/deck';

export function setFactHtml(element: Element, html: string): void {
  element.innerHTML = html;
}

/** A choice button: its key number, then the choice's HTML. */
export function choiceButton(choice: { html: string; right: boolean }, index: number): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'fact__choice';
  button.dataset.choice = choice.right ? 'right' : 'wrong';
  button.setAttribute('aria-keyshortcuts', String(index + 1));
  const text = document.createElement('span');
  setFactHtml(text, choice.html);
  button.append(Object.assign(document.createElement('kbd'), { textContent: String(index + 1) }), ' ', text);
  return button;
}

/** The fact a follow-up follows, for the line shown above it. */
export function parentFact(facts: readonly DeckFact[], fact: DeckFact): DeckFact | undefined {
  return fact.p === undefined ? undefined : facts.find((other) => other.id === fact.p);
}

/** The review deck (/review/facts.json); a failure is thrown with the reason, for the page to say. */
export async function fetchDeck(src: string): Promise<Deck> {
  const response = await fetch(src);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as Deck;
}
