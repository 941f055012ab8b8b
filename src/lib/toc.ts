export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocEntry {
  slug: string;
  text: string;
  children: { slug: string; text: string }[];
}

/** Nests h3s under the h2 before them; an h3 before any h2 becomes a top-level entry. */
export function buildToc(headings: readonly Heading[]): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const heading of headings) {
    const text = heading.text.trim();
    if (heading.depth === 2) toc.push({ slug: heading.slug, text, children: [] });
    else if (heading.depth === 3) {
      const parent = toc.at(-1);
      if (parent) parent.children.push({ slug: heading.slug, text });
      else toc.push({ slug: heading.slug, text, children: [] });
    }
  }
  return toc;
}
