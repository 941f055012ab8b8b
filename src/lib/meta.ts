import { joinBase } from './urls';
import { cardPath } from './social-card/cards';

export interface PageMetaInput {
  title: string;
  description?: string | undefined;
  site: { title: string; description: string };
  pathname: string;
  siteUrl?: URL | undefined;
}

/**
 * The URL of a page's social card (cards.ts places it), absolute when the
 * site's URL is known, as Open Graph wants. `pathname` carries the base.
 */
export function cardImageUrl(pathname: string, base: string, siteUrl?: URL | undefined): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  const within = pathname.startsWith(head) ? pathname.slice(head.length - 1) : pathname;
  const path = joinBase(base, cardPath(within));
  return siteUrl ? new URL(path, siteUrl).href : path;
}

/** Title, description and canonical URL for a page's <head> and Open Graph tags. */
export function pageMeta({ title, description, site, pathname, siteUrl }: PageMetaInput) {
  const isHome = title === site.title;
  const text = (description ?? site.description).replace(/\s+/g, ' ').trim();
  return {
    title: isHome ? site.title : `${title} · ${site.title}`,
    ogTitle: title,
    description: text.length > 200 ? `${text.slice(0, 197)}…` : text,
    canonical: siteUrl ? new URL(pathname, siteUrl).href : pathname,
  };
}
