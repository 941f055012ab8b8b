/**
 * <site-search>: the header's search. This part is all a page loads up
 * front: it shows the button (hidden without JavaScript, so no dead control),
 * opens the dialog with the button, `/` and Ctrl/Cmd-K, and gives focus back
 * on close (Esc included). The dialog's inside (search/search-dialog.ts),
 * Fuse and the index's manifest load on first use, and each query fetches
 * the parts of the index it needs.
 */
import type { SearchDialog } from './search/search-dialog';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

class SiteSearch extends HTMLElement {
  private dialog!: HTMLDialogElement;
  private input!: HTMLInputElement;
  private opener: HTMLElement | null = null;
  private inside?: Promise<SearchDialog>;

  connectedCallback() {
    const dialog = this.querySelector('dialog');
    const input = this.querySelector<HTMLInputElement>('[data-search-input]');
    const button = this.querySelector<HTMLButtonElement>('[data-search-open]');
    if (!dialog || !input || !button) return;
    this.dialog = dialog;
    this.input = input;
    button.hidden = false;
    button.addEventListener('click', () => this.open());
    // Hovering the button is a good hint: start loading before the click.
    button.addEventListener('pointerenter', () => void this.load().then((inside) => inside.prefetch()), { once: true });
    this.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener('search-navigate', () => (this.opener = null));
    dialog.addEventListener('close', () => {
      const opener = this.opener;
      this.opener = null;
      if (opener?.isConnected) opener.focus();
    });
    document.addEventListener('keydown', (event) => {
      const ctrlK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      if (!ctrlK && !slash) return;
      if (slash && document.querySelector('dialog[open]') && !dialog.open) return;
      event.preventDefault();
      this.open();
    });
  }

  private load(): Promise<SearchDialog> {
    if (!this.inside) {
      const status = this.querySelector<HTMLElement>('[data-search-status]')!;
      const list = this.querySelector<HTMLElement>('[data-search-results]')!;
      this.inside = import('./search/search-dialog').then(({ SearchDialog }) => new SearchDialog(this.dataset.searchIndex ?? '/search/', this.dataset.searchPage ?? '/search/', this.dialog, this.input, status, list));
      this.inside.catch(() => (this.inside = undefined));
    }
    return this.inside;
  }

  open() {
    if (!this.dialog.open) {
      this.opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      this.dialog.showModal();
    }
    this.input.focus();
    this.input.select();
    void this.load().then((inside) => inside.run());
  }
}

customElements.define('site-search', SiteSearch);
