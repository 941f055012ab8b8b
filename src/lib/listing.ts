/**
 * How the /bits/ grid shows a bit. Up to LISTING_SNIPPET_LIMIT bits, every
 * card carries its rendered snippet (code, formulas) — the grid is for
 * scanning and grabbing. Past that, shipping every snippet makes the page
 * heavy (a rendered snippet with highlighted code and typeset math weighs
 * 3–5 KB gzipped, so 600 of them are about 2 MB), so each card shows its
 * title, tags, "why it matters" (or the first lines as plain text) and date,
 * and a "Show snippet" button that fetches the snippet from the bit's own
 * page when a reader asks. Every card stays in the page, so tag and keyword
 * filtering (which hides and shows cards) works the same in both modes.
 */
export const LISTING_SNIPPET_LIMIT = 60;

export function listingShowsSnippets(bitCount: number, limit: number = LISTING_SNIPPET_LIMIT): boolean {
  return bitCount <= limit;
}
