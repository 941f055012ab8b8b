/** A tag as it appears in URLs and listings: lowercase kebab-case. */
export type TagSlug = string & { readonly __brand: 'TagSlug' };

/**
 * Normalises an author's tag so `Time Series`, `time_series` and `TIME-series`
 * all become `time-series`, and `PyTorch` the same tag as `pytorch`: tag pages
 * and filters must never split one topic in two. `+` and `#` are spelled out
 * (`C++` → `c-plus-plus`, `C#` → `c-sharp`) because the slug is a URL segment.
 */
export function toTagSlug(raw: string): TagSlug {
  const slug = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\+/g, '-plus-')
    .replace(/#/g, '-sharp-')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.+(?=-|$)/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return slug as TagSlug;
}

/** Normalises and de-duplicates a tag list, keeping the author's order. */
export function normaliseTags(raw: readonly string[]): TagSlug[] {
  return [...new Set(raw.map(toTagSlug).filter((tag) => tag.length > 0))];
}

export interface TagCount {
  tag: TagSlug;
  count: number;
}

/** Counts tags over entries, most used first, then alphabetically. */
export function countTags(entries: readonly { tags: readonly TagSlug[] }[]): TagCount[] {
  const counts = new Map<TagSlug, number>();
  for (const entry of entries) {
    for (const tag of entry.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Splits a tag list for compact display: the first `max`, and how many were held back. */
export function visibleTags<T>(tags: readonly T[], max: number): { shown: T[]; hidden: number } {
  return { shown: tags.slice(0, max), hidden: Math.max(0, tags.length - max) };
}
