/** Marking the matched words of a text, for search results. Pure. */
import { fold } from './tokens';

const CAMEL = /\p{Ll}\p{Lu}/u;

/** Splits `text` into runs, marking the words whose folded form (or one of its parts) is among `terms`. */
export function highlight(text: string, terms: ReadonlySet<string>): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let last = 0;
  const push = (piece: string, match: boolean) => {
    if (piece === '') return;
    const previous = parts.at(-1);
    if (previous && previous.match === match) previous.text += piece;
    else parts.push({ text: piece, match });
  };
  for (const found of text.matchAll(/[\p{L}\p{N}_]+/gu)) {
    const word = found[0];
    const folded = fold(word);
    // Identifier parts are looked for only in words that have them.
    const hit =
      terms.has(folded) ||
      (folded.includes('_') && folded.split('_').some((part) => terms.has(part))) ||
      (CAMEL.test(word) && word.split(/(?<=\p{Ll})(?=\p{Lu})/u).some((part) => terms.has(fold(part))));
    if (!hit) continue;
    push(text.slice(last, found.index), false);
    push(word, true);
    last = found.index + word.length;
  }
  push(text.slice(last), false);
  return parts;
}
