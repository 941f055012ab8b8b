/**
 * How text becomes search terms, the same at build time and in the browser:
 * lowercase, accents dropped, split at anything that is not a letter, digit or
 * underscore; an identifier also yields its parts (`masked_fill` gives
 * `masked_fill`, `masked` and `fill`; `maskedFill` gives `maskedfill`,
 * `masked` and `fill`). One-letter words and a few very common English words
 * are left out of the index: they would match nearly every entry.
 */

export const STOPWORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for from has have in into is it its of on or that the their then there these this to was were which with'.split(' '),
);

const WORD = /[\p{L}\p{N}_]+/gu;

const ASCII = /^[\x00-\x7f]*$/;

/** Lowercase without accents: `Café` → `cafe`. ASCII has nothing to decompose, so it is only lowercased (most text is ASCII; highlighting folds every word of a result). */
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The parts of one identifier-like word, before folding: `maskedFill_v2` → `masked`, `fill`, `v2`. */
function identifierParts(word: string): string[] {
  return word
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[_\s]+/)
    .filter(Boolean);
}

const keep = (term: string) => term.length > 1 && !STOPWORDS.has(term);

const PLAIN = /^[a-z0-9]+$/;

/** Every distinct term of a text, in order of first appearance. */
export function terms(text: string): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  for (const word of text.match(WORD) ?? []) {
    // A word met before adds nothing; a lowercase ASCII word is its own only term. Most words of prose are one or the other.
    if (seen.has(word)) continue;
    seen.add(word);
    if (PLAIN.test(word)) {
      if (keep(word)) out.add(word);
      continue;
    }
    const whole = fold(word);
    if (keep(whole)) out.add(whole);
    const parts = identifierParts(word);
    if (parts.length > 1) for (const part of parts) if (keep(fold(part))) out.add(fold(part));
  }
  return [...out];
}

/**
 * The words of a query, folded, in order, without repeats. Stopwords are
 * dropped unless the query is nothing but stopwords; one-letter words only
 * when they are all there is.
 */
export function queryWords(query: string): string[] {
  const words = [...new Set((fold(query).match(WORD) ?? []).filter((w) => w.length > 0))];
  const useful = words.filter(keep);
  return useful.length > 0 ? useful : words.filter((w) => w.length > 1);
}
