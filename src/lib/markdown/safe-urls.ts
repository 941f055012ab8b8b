/**
 * Link targets that run code or show attacker-made pages from the site's own
 * origin: `javascript:`, `vbscript:` and `data:` (except `data:image/…`, which
 * only ever shows a picture). The checker reports them with file and line;
 * rehypeSafeUrls removes them from the rendered HTML as well, so a note that
 * reaches a page anyway (in `astro dev`, where errors do not stop the server)
 * carries no live one.
 */
import { decodeHTMLAttribute } from 'entities';

/** The unsafe scheme of a URL as a browser reads it (`javascript:`), or undefined when it is safe. */
export function unsafeScheme(url: string): string | undefined {
  // Browsers drop leading and trailing controls and spaces, and tabs and line breaks anywhere: `java\tscript:` is `javascript:`.
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme === 'javascript' || scheme === 'vbscript') return `${scheme}:`;
  if (scheme === 'data' && !/^data:image\//i.test(cleaned)) return 'data:';
  return undefined;
}

/** Attributes whose value a browser loads or follows as a URL. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'cite', 'data', 'background']);

/** The same attributes as hast names them (`formAction`, `xLinkHref`). */
export const URL_PROPERTIES: ReadonlySet<string> = new Set(['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'cite', 'data', 'background']);

/** One URL attribute in raw HTML: ` href="…"`, ` src='…'`, ` href=bare` or, in MDX, ` href={"…"}`. */
const ATTRIBUTE = /(\s)([a-z:]+)(\s*=\s*)("[^"]*"|'[^']*'|\{\s*(["'`])[^"'`]*\5\s*\}|[^\s"'>{}`]+)/gi;

/** The URL an attribute's written value holds, quotes and character references undone. */
function attributeUrl(written: string): string {
  const jsx = /^\{\s*["'`]([^"'`]*)["'`]\s*\}$/.exec(written);
  if (jsx) return jsx[1] ?? '';
  const unquoted = /^(["'])([\s\S]*)\1$/.exec(written)?.[2] ?? written;
  return decodeHTMLAttribute(unquoted);
}

/** Every unsafe URL in a piece of raw HTML, with the offset of its attribute. */
export function unsafeUrlsInHtml(html: string): { url: string; scheme: string; index: number }[] {
  if (!html.includes(':') && !html.includes('&')) return [];
  const found: { url: string; scheme: string; index: number }[] = [];
  for (const match of html.matchAll(ATTRIBUTE)) {
    if (!URL_ATTRIBUTES.has((match[2] ?? '').toLowerCase())) continue;
    const url = attributeUrl(match[4] ?? '');
    const scheme = unsafeScheme(url);
    if (scheme) found.push({ url, scheme, index: match.index ?? 0 });
  }
  return found;
}

/** Raw HTML with every unsafe URL attribute taken out (`<a href="javascript:…">` → `<a>`). */
export function withoutUnsafeUrls(html: string): string {
  if (!html.includes(':') && !html.includes('&')) return html;
  return html.replace(ATTRIBUTE, (whole: string, _space: string, name: string, _equals: string, written: string) =>
    URL_ATTRIBUTES.has(name.toLowerCase()) && unsafeScheme(attributeUrl(written)) ? '' : whole,
  );
}

/** What the checker says about an unsafe link. */
export function unsafeUrlMessage(url: string, scheme: string): string {
  const shown = url.length > 60 ? `${url.slice(0, 57)}…` : url;
  const why = scheme === 'data:' ? 'opens a page made of the link itself' : "runs code in the reader's browser";
  return `(${shown}): a ${scheme} link ${why}, so pages never carry it (expected an https: link, a page address or a note link; data: only for images)`;
}
