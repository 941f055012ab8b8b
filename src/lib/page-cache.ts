/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a
 * page returned from `getStaticPaths()` with a `cacheKey` is copied from the
 * previous build while its key and its modules are unchanged. Our key is a
 * digest of everything the page is drawn from: its props (see pages.ts) and
 * the digest of the project's own code the build hands in (src/build/code-digest.ts),
 * so that no change to data, code, styles or client scripts can leave a stale
 * page behind.
 */
import { createHash } from 'node:crypto';

/** What a content entry contributes to a key: who it is, the file it came from, and the HTML the note renderer made of it. */
interface EntryLike {
  id: string;
  collection: string;
  data: unknown;
  digest?: string | number | undefined;
  filePath?: string | undefined;
  body?: string | undefined;
  rendered?: { metadata?: Record<string, unknown> | undefined } | undefined;
}

function isEntry(value: unknown): value is EntryLike {
  return typeof value === 'object' && value !== null && 'collection' in value && 'id' in value && 'data' in value;
}

/**
 * A page's props as stable text. Entries stand in by their source digest and
 * the path of their rendered HTML, whose name is itself a digest of the body
 * and of every link in it (note-cache.ts), rather than by the whole entry.
 */
export function propsFingerprint(props: unknown): string {
  return JSON.stringify(props, (_key, value: unknown) => {
    if (value instanceof Map) return { map: [...value] };
    if (value instanceof Set) return { set: [...value] };
    if (isEntry(value)) {
      return {
        entry: `${value.collection}/${value.id}`,
        file: value.filePath ?? null,
        source: value.digest ?? createHash('sha256').update(value.body ?? '').update(JSON.stringify(value.data)).digest('hex'),
        html: value.rendered?.metadata?.gardenHtml ?? null,
      };
    }
    return value;
  });
}

const keyOf = (text: string, codeDigest: string) => createHash('sha256').update(codeDigest).update('\0').update(text).digest('base64url').slice(0, 32);

export function pageCacheKey(props: unknown, codeDigest: string): string {
  return keyOf(propsFingerprint(props), codeDigest);
}

/**
 * The key of plain JSON data (no Map, Set or content entry in it, such as a
 * search index part or a listing slice): the same key `pageCacheKey` gives,
 * without calling a replacer for every value (keying the search index's
 * parts took ≈ 0.46 s of an edit build at 10,000 notes that way).
 */
export function dataCacheKey(data: unknown, codeDigest: string): string {
  return keyOf(JSON.stringify(data), codeDigest);
}
