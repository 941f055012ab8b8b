import type { Utf8Error } from './check/utf8';

/** One file of the garden folder as read (check/read-garden.ts): what every reader of the garden starts from. */
export interface GardenFile {
  /** Path under the garden folder, with forward slashes: `shorts/kv-cache.md`. */
  path: string;
  /** The path shown to the author: `content/shorts/kv-cache.md`. */
  displayPath: string;
  text: string;
  /** Size in bytes on disk; when absent, the UTF-8 length of `text`. */
  size?: number | undefined;
  /** Set by the reader when the bytes are not UTF-8 (`text` is then empty). */
  invalidUtf8?: Utf8Error | undefined;
  /** Set by the reader for a symbolic link that leads out of the garden (or nowhere): where it leads, as shown to the author (`text` is then empty). */
  linksOutside?: { target: string; missing?: boolean } | undefined;
}
