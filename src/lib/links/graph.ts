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
  const byDateAndTitle = (a: LinkTarget, b: LinkTarget) => compareNewestFirst(a.date as IsoDate | undefined, b.date as IsoDate | undefined) || a.title.localeCompare(b.title);
  // Notes the comparison cannot tell apart share a rank; relatedNotes keeps them in the garden's order, and so does this.
  const rank = new Int32Array(all.length);
  const sorted = all.map((_, index) => index).sort((a, b) => byDateAndTitle(all[a]!, all[b]!) || a - b);
  sorted.forEach((index, place) => {
    const previous = sorted[place - 1];
    rank[index] = previous !== undefined && byDateAndTitle(all[previous]!, all[index]!) === 0 ? rank[previous]! : place;
  });
  const byTag = new Map<string, number[]>();
  all.forEach((target, index) => {
    for (const tag of target.tags) {
      const list = byTag.get(tag) ?? [];
      list.push(index);
      byTag.set(tag, list);
    }
  });
  // Numbers in typed arrays and a running top `max` instead of sorting every candidate: this runs on every build.
  const shared = new Int32Array(all.length);
  const before = (a: number, b: number) => shared[a]! - shared[b]! > 0 || (shared[a] === shared[b] && (rank[a]! < rank[b]! || (rank[a] === rank[b] && a < b)));
  const related = new Map<string, NoteRef[]>();
  all.forEach((target, self) => {
    const candidates: number[] = [];
    for (const tag of new Set(target.tags)) {
      for (const other of byTag.get(tag) ?? []) {
        if (other === self) continue;
        if (shared[other] === 0) candidates.push(other);
        shared[other]!++;
      }
    }
    const best: number[] = [];
    for (const other of candidates) {
      if (best.length === max && !before(other, best[max - 1]!)) continue;
      let at = best.length;
      while (at > 0 && before(other, best[at - 1]!)) at--;
      best.splice(at, 0, other);
      if (best.length > max) best.pop();
    }
    for (const other of candidates) shared[other] = 0;
    related.set(target.key, best.map((index) => refOf(all[index]!)));
  });
  return related;
}
