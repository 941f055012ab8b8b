/**
 * What each file gave the link targets (LinkFacts), remembered between builds
 * in the build's cache folder by the file's path and a hash of its text: a
 * build after an edit parses the frontmatter and scans the headings of the
 * edited files only. Stale while the code that works the facts out changes,
 * so that code's digest guards the whole file.
 */
import { createHash } from 'node:crypto';
import type { GardenFile } from '../check/check';
import { readCacheFile, writeCacheFile } from '../cache-file';
import { filesDigest } from '../files-digest';
import { linkSourceOfFile } from './sources';
import { linkFactsOf, type LinkFacts } from './targets';

interface Stored {
  digest: string;
  /** By garden path: the hash of the text, and the file's facts (null: it makes no link target). */
  files: Record<string, [string, LinkFacts | null]>;
}

/** The code whose change makes stored facts stale: the link code, the frontmatter reader and the slugger and YAML versions. */
export function linkFactsDigest(projectRoot: string): string {
  return filesDigest(projectRoot, [
    'src/lib/links',
    'src/lib/frontmatter.ts',
    'src/lib/paths.ts',
    'src/lib/tags.ts',
    'src/lib/dates.ts',
    'node_modules/github-slugger/package.json',
    'node_modules/js-yaml/package.json',
  ]);
}

export class LinkFactsMemo {
  private readonly file: string;
  private readonly stored: Stored['files'];
  private readonly next: Stored;

  constructor(file: string, digest: string) {
    this.file = file;
    this.stored = readCacheFile<Stored>(file, digest)?.files ?? {};
    this.next = { digest, files: {} };
  }

  /** The facts of every file that makes a link target, remembered for the next build. */
  factsOf(files: readonly GardenFile[]): LinkFacts[] {
    return files.flatMap((file) => {
      const hash = createHash('sha1').update(file.text).digest('base64');
      const known = this.stored[file.path];
      const facts = known && known[0] === hash ? known[1] : factsOfFile(file);
      this.next.files[file.path] = [hash, facts];
      return facts ?? [];
    });
  }

  save(): void {
    writeCacheFile(this.file, this.next);
  }
}

export function factsOfFile(file: GardenFile): LinkFacts | null {
  const source = linkSourceOfFile(file);
  return source ? linkFactsOf(source) : null;
}
