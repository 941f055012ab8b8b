/**
 * The callout types the garden knows (callouts.ts renders them), apart from
 * the renderer so the checker can read them without loading it.
 */
import type { Blockquote } from 'mdast';

/** Each type and its aliases (Obsidian's list; GitHub's five alerts are among them). The stylesheet gives each its colour. */
export const CALLOUT_TYPES = {
  note: [],
  abstract: ['summary', 'tldr'],
  info: [],
  todo: [],
  tip: ['hint', 'important'],
  success: ['check', 'done'],
  question: ['help', 'faq'],
  warning: ['caution', 'attention'],
  failure: ['fail', 'missing'],
  danger: ['error'],
  bug: [],
  example: [],
  quote: ['cite'],
} as const satisfies Record<string, readonly string[]>;

const KNOWN = new Set<string>(Object.entries(CALLOUT_TYPES).flatMap(([type, aliases]) => [type, ...aliases]));

/** `[!type]` with its fold sign and the rest of the first line (the title), as rehype-callouts reads it. */
export const CALLOUT_MARKER = /^\[!([\w-]+)\]([+-]?)([^\n]*)/;

export function isKnownCalloutType(type: string): boolean {
  return KNOWN.has(type.toLowerCase());
}

/** The type of a blockquote that is a callout as written (`[!type]` first), known or not; undefined for a plain quote. */
export function calloutTypeOf(quote: Blockquote): string | undefined {
  const first = quote.children[0];
  const text = first?.type === 'paragraph' ? first.children[0] : undefined;
  return text?.type === 'text' ? CALLOUT_MARKER.exec(text.value)?.[1] : undefined;
}
