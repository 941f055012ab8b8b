/**
 * Every internal URL the site links to, in one place, so that a deploy under
 * a sub-path (`base`) changes them all at once.
 */
export function joinBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base.slice(0, -1) : base;
  const tail = path.startsWith('/') ? path : `/${path}`;
  return `${head}${tail}`;
}

export function gardenUrls(base: string) {
  const at = (path: string) => joinBase(base, path);
  return {
    home: () => at('/'),
    bits: () => at('/bits/'),
    bit: (slug: string) => at(`/bits/${slug}/`),
    shorts: () => at('/shorts/'),
    short: (slug: string) => at(`/shorts/${slug}/`),
    cheatsheets: () => at('/cheatsheets/'),
    part: (partId: string) => at(`/cheatsheets/${partId}/`),
    chapter: (chapterId: string) => at(`/cheatsheets/${chapterId}/`),
    tags: () => at('/tags/'),
    tag: (tag: string) => at(`/tags/${tag}/`),
    rss: () => at('/rss.xml'),
    asset: (path: string) => at(path),
  };
}

export type GardenUrls = ReturnType<typeof gardenUrls>;
