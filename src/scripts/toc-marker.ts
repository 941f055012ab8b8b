/**
 * <toc-marker>: marks the table of contents' link to the section being read
 * (`aria-current="location"`), the last heading that has scrolled past the
 * top of the window, and closes the folded list once a link in it is
 * followed on a phone.
 */

/** How far below the window's top a heading counts as reached: below the sticky header. */
const READ_LINE_PX = 96;

class TocMarker extends HTMLElement {
  private links: { link: HTMLAnchorElement; heading: HTMLElement }[] = [];
  private current: HTMLAnchorElement | undefined;
  private queued = false;

  connectedCallback() {
    this.links = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].flatMap((link) => {
      const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      return heading ? [{ link, heading }] : [];
    });
    if (this.links.length === 0) return;
    const update = () => {
      if (this.queued) return;
      this.queued = true;
      requestAnimationFrame(() => {
        this.queued = false;
        this.mark();
      });
    };
    addEventListener('scroll', update, { passive: true });
    addEventListener('resize', update, { passive: true });
    this.mark();
    const fold = this.querySelector('details');
    this.addEventListener('click', (event) => {
      if (fold?.open && (event.target as Element).closest('a') && matchMedia('(max-width: 60rem)').matches) fold.open = false;
    });
  }

  private mark() {
    let reached: HTMLAnchorElement | undefined;
    for (const { link, heading } of this.links) {
      if (heading.getBoundingClientRect().top <= READ_LINE_PX) reached = link;
      else break;
    }
    if (reached === this.current) return;
    this.current?.removeAttribute('aria-current');
    reached?.setAttribute('aria-current', 'location');
    this.current = reached;
  }
}

customElements.define('toc-marker', TocMarker);
