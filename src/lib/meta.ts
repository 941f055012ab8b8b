export interface PageMetaInput {
  title: string;
  description?: string | undefined;
  site: { title: string; description: string };
  pathname: string;
  siteUrl?: URL | undefined;
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
