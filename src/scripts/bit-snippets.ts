/**
 * <bit-snippets>: on a large /bits/ grid the cards are compact (see
 * src/lib/listing.ts); "Show snippet" fetches the bit's page, takes its body
 * ([data-note-body]) and shows it in the card, loading KaTeX's stylesheet the
 * first time a snippet has math. Without JavaScript the buttons stay hidden
 * and the title links to the bit's page.
 */
import { loadKatexStylesheet } from './katex-stylesheet';

class BitSnippets extends HTMLElement {
  connectedCallback() {
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-snippet-toggle]')) button.hidden = false;
    // One listener for every card, so the cards a filter draws later (listing-cards.ts) work too.
    this.addEventListener('click', (event) => {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-snippet-toggle]');
      if (button && this.contains(button)) void this.toggle(button);
    });
  }

  private async toggle(button: HTMLButtonElement) {
    const box = button.closest('[data-slug]')?.querySelector<HTMLElement>('[data-snippet]');
    const href = button.dataset.href;
    if (!box || !href) return;
    if (button.getAttribute('aria-expanded') === 'true') {
      box.hidden = true;
      this.label(button, false);
      return;
    }
    if (box.dataset.loaded !== 'true') {
      button.disabled = true;
      button.textContent = 'Loading…';
      try {
        const response = await fetch(href);
        if (!response.ok) throw new Error(String(response.status));
        const page = new DOMParser().parseFromString(await response.text(), 'text/html');
        const body = page.querySelector('[data-note-body]');
        box.replaceChildren(...[...(body?.childNodes ?? [])].map((node) => document.importNode(node, true)));
        box.dataset.loaded = 'true';
        for (const copy of box.querySelectorAll<HTMLButtonElement>('button[data-copy-code]')) copy.hidden = false;
        if (box.querySelector('.katex')) loadKatexStylesheet(this.dataset.katexCss);
      } catch {
        location.assign(href);
        return;
      } finally {
        button.disabled = false;
      }
    }
    box.hidden = false;
    this.label(button, true);
  }

  private label(button: HTMLButtonElement, open: boolean) {
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Hide snippet' : 'Show snippet';
  }
}

customElements.define('bit-snippets', BitSnippets);
