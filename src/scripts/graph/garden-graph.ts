/**
 * <garden-graph data-src data-focus>: the map's loader, the only graph code a
 * page ships up front. The map itself (graph-view.ts and its data) is fetched
 * when the element first comes near the viewport, so a reader who never
 * scrolls to it pays nothing.
 */
class GardenGraphElement extends HTMLElement {
  #observer: IntersectionObserver | undefined;

  connectedCallback() {
    if (this.#observer || this.dataset.state) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.#observer?.disconnect();
        this.dataset.state = 'loading';
        import('./graph-view')
          .then(({ mountGraph }) => mountGraph(this))
          .catch(() => {
            this.dataset.state = 'failed';
          });
      },
      { rootMargin: '100px 0px' },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}

customElements.define('garden-graph', GardenGraphElement);
