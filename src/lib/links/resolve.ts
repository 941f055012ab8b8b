/**
 * Resolves what an author wrote — `[[kv-cache]]`, `[[shorts/kv-cache]]`,
 * `[[ml-foundations/01-tensors#strides]]`, `../bits/kv-cache.md` — to one
 * target, or says precisely why it cannot.
 */
import { posix } from 'node:path';
import { targetKey, type LinkCollection, type LinkTarget } from './targets';
import { NOTE_COLLECTIONS, type Registry } from '../collections';

export type Resolution =
  | { ok: true; target: LinkTarget; heading?: string | undefined; url: string }
  | { ok: false; reason: string };

export interface ResolveOptions {
  /** In a production build a draft is as good as missing. */
  allowDrafts: boolean;
  /** The note collections links may reach (default: the garden's). */
  registry?: Registry | undefined;
}

/** `[[name#heading]]`: name is a bare slug, `collection/slug`, a chapter id, or `chapters/<chapter id>`. */
export function resolveWikiLink(raw: string, targets: ReadonlyMap<string, LinkTarget>, options: ResolveOptions): Resolution {
  const [namePart = '', heading] = splitHeading(raw.trim());
  const name = namePart.replace(/\.(md|mdx)$/i, '').replace(/^\/+|\/+$/g, '');
  if (name === '') return { ok: false, reason: 'the link names no note (expected [[slug]] or [[collection/slug]])' };

  const candidates = candidatesFor(name, targets, options.registry ?? NOTE_COLLECTIONS);
  if (candidates.length === 0) return { ok: false, reason: `no bit, short or chapter is called "${name}"` };
  if (candidates.length > 1) {
    return { ok: false, reason: `"${name}" is ambiguous: it could be ${candidates.map((c) => `[[${c.key}]]`).join(' or ')} (qualify it)` };
  }
  return finish(candidates[0]!, heading, options);
}

/** A plain Markdown link to another content file, relative to the linking file (both paths under the garden folder). */
export function resolveFileLink(href: string, fromPath: string, targets: ReadonlyMap<string, LinkTarget>, options: ResolveOptions): Resolution | undefined {
  const [pathPart = '', heading] = splitHeading(href);
  if (!/\.(md|mdx)$/i.test(pathPart) || /^[a-z]+:/i.test(pathPart) || pathPart.startsWith('/')) return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(fromPath), decodeURI(pathPart))).replace(/\.(md|mdx)$/i, '');
  const [folder, ...rest] = joined.split('/');
  const collection = (options.registry ?? NOTE_COLLECTIONS).find((c) => c.folder === folder);
  const target = collection ? targets.get(targetKey(collection.id as LinkCollection, rest.join('/'))) : undefined;
  if (!target) return { ok: false, reason: `no content file at "${joined}.md" (linked as "${href}")` };
  return finish(target, heading, options);
}

function finish(target: LinkTarget, heading: string | undefined, options: ResolveOptions): Resolution {
  if (target.draft && !options.allowDrafts) return { ok: false, reason: `"${target.key}" is a draft and is left out of the built site` };
  if (heading !== undefined && !target.headings.has(heading)) {
    const known = [...target.headings].slice(0, 6).map((h) => `#${h}`).join(', ');
    return { ok: false, reason: `"${target.key}" has no heading #${heading}${known ? ` (it has ${known}${target.headings.size > 6 ? ', …' : ''})` : ''}` };
  }
  return { ok: true, target, heading, url: heading ? `${target.url}#${heading}` : target.url };
}

function splitHeading(raw: string): [string, string | undefined] {
  const hash = raw.indexOf('#');
  if (hash === -1) return [raw, undefined];
  return [raw.slice(0, hash), raw.slice(hash + 1).trim() || undefined];
}

const nestedIndexes = new WeakMap<ReadonlyMap<string, LinkTarget>, Map<string, LinkTarget[]>>();

/**
 * The notes of nested collections (chapters, in their part's folder) by the
 * last part of their id (`01-tensors`), built once per set of targets: a garden
 * resolves thousands of links.
 */
function nestedByName(targets: ReadonlyMap<string, LinkTarget>, registry: Registry): Map<string, LinkTarget[]> {
  let index = nestedIndexes.get(targets);
  if (!index) {
    const nested = new Set(registry.filter((c) => c.depth > 0).map((c) => c.id));
    index = new Map();
    for (const target of targets.values()) {
      if (!nested.has(target.collection)) continue;
      const name = target.id.split('/').at(-1) ?? target.id;
      index.set(name, [...(index.get(name) ?? []), target]);
    }
    nestedIndexes.set(targets, index);
  }
  return index;
}

/** `collection/id` names one note; a path names a nested note by its id (`part/01-tensors`); a bare name may match one of each collection. */
function candidatesFor(name: string, targets: ReadonlyMap<string, LinkTarget>, registry: Registry): LinkTarget[] {
  const [first, ...rest] = name.split('/');
  if (registry.some((c) => c.id === first) && rest.length > 0) {
    const exact = targets.get(targetKey(first as LinkCollection, rest.join('/')));
    return exact ? [exact] : [];
  }
  if (name.includes('/')) {
    return registry.filter((c) => c.depth > 0).flatMap((c) => targets.get(targetKey(c.id as LinkCollection, name)) ?? []);
  }
  return registry.flatMap((collection) => {
    if (collection.depth > 0) return (nestedByName(targets, registry).get(name) ?? []).filter((t) => t.collection === collection.id);
    const target = targets.get(targetKey(collection.id as LinkCollection, name));
    return target ? [target] : [];
  });
}
