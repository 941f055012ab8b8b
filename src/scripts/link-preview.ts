/**
 * Shows a small card with the target's title and first lines when a reader
 * hovers or focuses an internal link. The text comes from the link's own
 * data-* attributes (set at build time), so nothing is fetched. Touch devices
 * get nothing: there is no hover there, and a tap should just follow the link.
 */
class LinkPreview extends HTMLElement {
  #card = document.createElement('div');
  #current: HTMLAnchorElement | undefined;

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
    const box = link.getBoundingClientRect();
    const left = Math.min(box.left + scrollX, scrollX + document.documentElement.clientWidth - this.#card.offsetWidth - 12);
    this.#card.style.left = `${Math.max(scrollX + 12, left)}px`;
    this.#card.style.top = `${box.bottom + scrollY + 6}px`;
    link.setAttribute('aria-describedby', this.#card.id);
    this.#current = link;
  }

  #hide() {
    this.#current?.removeAttribute('aria-describedby');
    this.#current = undefined;
    this.#card.hidden = true;
  }
}
customElements.define('link-preview', LinkPreview);
