/**
 * The first lines of a note's page, as rendered, for a link preview
 * (link-preview.ts): the first few blocks of its body ([data-note-body]), or
 * of the section a link points to, until about two short paragraphs' worth of
 * text. Headings, diagrams and embeds are left out, and what would clash
 * with the page showing the preview goes: ids, focus stops (links are taken out
 * of the tab order), copy buttons.
 */
const MAX_BLOCKS = 3;
const ENOUGH_TEXT = 220;
const MAX_CODE_LINES = 8;
const HEADING = 'h1, h2, h3, h4, h5, h6, .heading-wrapper';
const SKIPPED = `${HEADING}, figure.diagram, .embed, hr, script, style`;

export function previewBlocks(page: Document, section: string): Element[] {
  const body = page.querySelector('[data-note-body]');
  if (!body) return [];
  const heading = section ? body.querySelector(`[id="${CSS.escape(section)}"]`) : null;
  // A link to a section starts after its heading (in the body itself, or in its anchor's wrapper).
  let block = heading ? topLevel(body, heading)?.nextElementSibling : body.firstElementChild;
  const blocks: Element[] = [];
  let text = 0;
  for (; block && blocks.length < MAX_BLOCKS && text < ENOUGH_TEXT; block = block.nextElementSibling) {
    if (block.matches(SKIPPED)) {
      // A section's preview ends at the next heading.
      if (heading && block.matches(HEADING)) break;
      continue;
    }
    const copy = block.cloneNode(true) as Element;
    tidy(copy);
    blocks.push(copy);
    text += copy.textContent?.length ?? 0;
  }
  return blocks;
}

function topLevel(body: Element, node: Element): Element | undefined {
  let current: Element | null = node;
  while (current && current.parentElement !== body) current = current.parentElement;
  return current ?? undefined;
}

function tidy(block: Element) {
  for (const node of [block, ...block.querySelectorAll('*')]) {
    node.removeAttribute('id');
    node.removeAttribute('tabindex');
  }
  // The card is a tooltip: Tab goes on through the page, never into it.
  for (const node of block.querySelectorAll('a[href], summary')) node.setAttribute('tabindex', '-1');
  for (const node of block.querySelectorAll('.code-block__bar, button, figure.diagram, .embed')) node.remove();
  for (const code of block.querySelectorAll('pre code')) {
    const lines = code.querySelectorAll(':scope > .line');
    for (const extra of [...lines].slice(MAX_CODE_LINES)) {
      // Shiki puts a newline text node after each line: it goes with it.
      if (extra.previousSibling?.nodeType === Node.TEXT_NODE) extra.previousSibling.remove();
      extra.remove();
    }
  }
}
