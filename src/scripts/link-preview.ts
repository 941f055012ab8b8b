/**
 * Shows a small card with the target's title and first lines when a reader
 * hovers or focuses an internal link. The title and a plain-text excerpt come
 * from the link's own data-* attributes (set at build time), so the card
 * appears at once; the target's page is then fetched (once per page, and the
 * browser keeps it for the click that may follow) and its first blocks, as
 * rendered — formulas typeset, code highlighted — take the excerpt's place
 * (previewBlocks). KaTeX's stylesheet is loaded the first time a preview has
 * math. Touch devices get nothing: there is no hover there, and a tap should
 * just follow the link.
 */
import { previewBlocks } from './preview-blocks';
import { loadKatexStylesheet } from './katex-stylesheet';

class LinkPreview extends HTMLElement {
  #card = document.createElement('div');
  #current: HTMLAnchorElement | undefined;
  #pages = new Map<string, Promise<Node[]>>();

  connectedCallback() {
    if (!matchMedia('(hover: hover) and (pointer: fine)').matches) return;
    this.#card.className = 'link-preview';
    this.#card.id = 'link-preview-card';
    this.#card.setAttribute('role', 'tooltip');
    this.#card.hidden = true;
    document.body.append(this.#card);
    const show = (event: Event) => {
      const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a.internal-link');
      if (link) this.#show(link);
    };
    const hide = (event: Event) => {
      if ((event.target as Element | null)?.closest?.('a.internal-link')) this.#hide();
    };
    document.addEventListener('mouseover', show);
    document.addEventListener('focusin', show);
    document.addEventListener('mouseout', hide);
    document.addEventListener('focusout', hide);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.#hide();
    });
  }

  #show(link: HTMLAnchorElement) {
    if (this.#current === link) return;
    this.#hide();
    const title = document.createElement('strong');
    title.textContent = link.dataset.previewTitle ?? '';
    const text = document.createElement('p');
    text.textContent = link.dataset.previewText ?? '';
    this.#card.replaceChildren(title, ...(text.textContent ? [text] : []));
    this.#card.hidden = false;
    this.#place(link);
    link.setAttribute('aria-describedby', this.#card.id);
    this.#current = link;
    void this.#enrich(link, title);
  }

  /** Puts the card under the link, inside the viewport. */
  #place(link: HTMLAnchorElement) {
    const box = link.getBoundingClientRect();
    const left = Math.min(box.left + scrollX, scrollX + document.documentElement.clientWidth - this.#card.offsetWidth - 12);
    this.#card.style.left = `${Math.max(scrollX + 12, left)}px`;
    this.#card.style.top = `${box.bottom + scrollY + 6}px`;
  }

  /** The target's first blocks in place of the plain excerpt, if the card still shows that link by the time they arrive. */
  async #enrich(link: HTMLAnchorElement, title: HTMLElement) {
    const url = new URL(link.href);
    const page = url.href.replace(/#.*$/, '');
    let blocks = this.#pages.get(url.href);
    if (!blocks) {
      blocks = fetch(page)
        .then((response) => (response.ok ? response.text() : ''))
        .then((html) => previewBlocks(new DOMParser().parseFromString(html, 'text/html'), decodeURIComponent(url.hash.slice(1))))
        .catch(() => []);
      this.#pages.set(url.href, blocks);
    }
    const nodes = await blocks;
    if (this.#current !== link || nodes.length === 0) return;
    const body = document.createElement('div');
    body.className = 'link-preview__body';
    body.append(...nodes.map((node) => document.importNode(node, true)));
    this.#card.replaceChildren(title, body);
    if (body.querySelector('.katex')) loadKatexStylesheet(this.dataset.katexCss);
    this.#place(link);
  }

  #hide() {
    this.#current?.removeAttribute('aria-describedby');
    this.#current = undefined;
    this.#card.hidden = true;
  }
}
customElements.define('link-preview', LinkPreview);
