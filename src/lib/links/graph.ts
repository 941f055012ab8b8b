/**
 * The garden as a web: who links to whom (backlinks) and which notes share
 * tags (related notes). Computed once per build from the bodies as written.
 */
import { findLinks } from './find';
import { resolveFileLink, resolveWikiLink } from './resolve';
import type { LinkTarget } from './targets';
import { compareNewestFirst, type IsoDate } from '../dates';

export interface NoteRef {
  key: string;
  title: string;
  url: string;
  collection: LinkTarget['collection'];
}

export interface LinkingNote {
  target: LinkTarget;
  /** Path under the garden folder, for relative links: `bits/kv-cache.md`. */
  path: string;
  body: string;
}

function refOf(target: LinkTarget): NoteRef {
  return { key: target.key, title: target.title, url: target.url, collection: target.collection };
}

/** The keys each note links to, in order of first appearance, without itself. */
export function outgoingLinks(note: LinkingNote, targets: ReadonlyMap<string, LinkTarget>): string[] {
  const keys = new Set<string>();
  for (const link of findLinks(note.body)) {
    const resolution =
      link.kind === 'wiki'
        ? resolveWikiLink(link.target, targets, { allowDrafts: false })
        : resolveFileLink(link.target, note.path, targets, { allowDrafts: false });
    if (resolution?.ok && resolution.target.key !== note.target.key) keys.add(resolution.target.key);
  }
  return [...keys];
}

/** For every note, the notes that link to it, by title; `outgoing` maps a note's key to outgoingLinks(). */
export function backlinks(outgoing: ReadonlyMap<string, readonly string[]>, targets: ReadonlyMap<string, LinkTarget>): Map<string, NoteRef[]> {
  const incoming = new Map<string, NoteRef[]>();
  for (const [from, keys] of outgoing) {
    const source = targets.get(from);
    if (!source) continue;
    for (const key of keys) {
      const list = incoming.get(key) ?? [];
      list.push(refOf(source));
      incoming.set(key, list);
    }
  }
  for (const list of incoming.values()) list.sort((a, b) => a.title.localeCompare(b.title));
  return incoming;
}

/** Up to `max` other notes sharing the most tags with this one; ties go to the more recent, then by title. */
export function relatedNotes(target: LinkTarget, all: Iterable<LinkTarget>, max = 5): NoteRef[] {
  if (target.tags.length === 0) return [];
  const own = new Set(target.tags);
  return [...all]
    .filter((other) => other.key !== target.key)
    .map((other) => ({ other, shared: other.tags.filter((tag) => own.has(tag)).length }))
    .filter(({ shared }) => shared > 0)
    .sort(
      (a, b) =>
        b.shared - a.shared ||
        compareNewestFirst(a.other.date as IsoDate | undefined, b.other.date as IsoDate | undefined) ||
        a.other.title.localeCompare(b.other.title),
    )
    .slice(0, max)
    .map(({ other }) => refOf(other));
}

/**
 * relatedNotes() for every note at once, with the same lists. Only notes
 * sharing a tag are compared, through a tag → notes index, and the order by
 * date and title is worked out once for the whole garden (a rank per note),
 * so a garden of thousands of notes pays neither for comparing every pair nor
 * for comparing titles again for every note.
 */
export function relatedNotesForAll(targets: ReadonlyMap<string, LinkTarget>, max = 5): Map<string, NoteRef[]> {
  const all = [...targets.values()];
  const position = new Map(all.map((target, index) => [target, index]));
  const byDateAndTitle = (a: LinkTarget, b: LinkTarget) => compareNewestFirst(a.date as IsoDate | undefined, b.date as IsoDate | undefined) || a.title.localeCompare(b.title);
  // Notes the comparison cannot tell apart share a rank; relatedNotes keeps them in the garden's order, and so does this.
  const rank = new Map<LinkTarget, number>();
  [...all].sort(byDateAndTitle).forEach((target, index, sorted) => {
    const previous = sorted[index - 1];
    rank.set(target, previous && byDateAndTitle(previous, target) === 0 ? rank.get(previous)! : index);
  });
  const byTag = new Map<string, LinkTarget[]>();
  for (const target of all) {
    for (const tag of target.tags) {
      const list = byTag.get(tag) ?? [];
      list.push(target);
      byTag.set(tag, list);
    }
  }
  const related = new Map<string, NoteRef[]>();
  for (const target of all) {
    const shared = new Map<LinkTarget, number>();
    for (const tag of new Set(target.tags)) {
      for (const other of byTag.get(tag) ?? []) if (other.key !== target.key) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    const list = [...shared]
      .sort(([a, sa], [b, sb]) => sb - sa || rank.get(a)! - rank.get(b)! || position.get(a)! - position.get(b)!)
      .slice(0, max)
      .map(([other]) => refOf(other));
    related.set(target.key, list);
  }
  return related;
}
