import { bundledLanguages, bundledLanguagesAlias } from 'shiki';

/** Fence languages that render as plain text on purpose, or are handled by remark-math. */
const PLAIN = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'ansi', 'math', 'latex-math']);

/** Shiki's language ids are case-sensitive: ```Python renders as plain text, so it is not known. */
export function isKnownFenceLanguage(lang: string): boolean {
  return PLAIN.has(lang) || Object.hasOwn(bundledLanguages, lang) || Object.hasOwn(bundledLanguagesAlias, lang);
}

/** The language named on each fenced code block's opening line, with its 1-based line. */
export function fenceLanguages(body: string, firstLine: number): { lang: string; line: number }[] {
  const found: { lang: string; line: number }[] = [];
  let open: string | undefined;
  body.split('\n').forEach((text, index) => {
    const match = /^\s{0,3}(`{3,}|~{3,})\s*([^\s`{]*)/.exec(text);
    if (!match) return;
    const fence = match[1] ?? '';
    if (open === undefined) {
      open = fence;
      found.push({ lang: match[2] ?? '', line: firstLine + index });
    } else if (fence[0] === open[0] && fence.length >= open.length && (match[2] ?? '') === '') {
      open = undefined;
    }
  });
  return found;
}
