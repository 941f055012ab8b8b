/**
 * How the /bits/ grid shows a bit. Up to LISTING_SNIPPET_LIMIT bits, every
 * card carries its rendered snippet (code, formulas) — the grid is for
 * scanning and grabbing. Past that, shipping every snippet makes the page
 * heavy (a rendered snippet with highlighted code and typeset math weighs
 * 3–5 KB gzipped, so 600 of them are about 2 MB), so each card shows its
 * title, tags, "why it matters" (or the first lines as plain text) and date,
 * and a "Show snippet" button that fetches the snippet from the bit's own
 * page when a reader asks. The limit is no more than a listing page
 * (LISTING_PAGE_SIZE, pagination.ts), so a grid of snippets is always one
 * page, filtered in place; a listing of several pages is compact throughout,
 * like the cards its filter draws from the listing index (listing-cards.ts).
 */
export const LISTING_SNIPPET_LIMIT = 50;

export function listingShowsSnippets(bitCount: number, limit: number = LISTING_SNIPPET_LIMIT): boolean {
  return bitCount <= limit;
}
