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
 * relatedNotes() for every note at once. Only notes sharing a tag are compared,
 * through a tag → notes index, so a garden of thousands of notes does not pay
 * for comparing every pair.
 */
export function relatedNotesForAll(targets: ReadonlyMap<string, LinkTarget>, max = 5): Map<string, NoteRef[]> {
  const byTag = new Map<string, LinkTarget[]>();
  for (const target of targets.values()) {
    for (const tag of target.tags) {
      const list = byTag.get(tag) ?? [];
      list.push(target);
      byTag.set(tag, list);
    }
  }
  const related = new Map<string, NoteRef[]>();
  for (const target of targets.values()) {
    const candidates = new Set(target.tags.flatMap((tag) => byTag.get(tag) ?? []));
    related.set(target.key, relatedNotes(target, candidates, max));
  }
  return related;
}
