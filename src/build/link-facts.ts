/**
 * What each file gave the link targets (LinkFacts), remembered between builds
 * in the build's cache folder by the file's path and a hash of its text: a
 * build after an edit parses the frontmatter and scans the headings of the
 * edited files only. Stale while the code that works the facts out changes,
 * so that code's digest guards the whole file.
 */
import type { GardenFile } from '../lib/garden-file';
import type { TextMemo } from './file-memo';
import { filesDigest } from './code-digest';
import { linkSourceOfFile } from '../lib/links/sources';
import { linkFactsOf, type LinkFacts } from '../lib/links/targets';

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

/** The link facts of every file that makes a link target, taken from the memo where the file's text is unchanged. */
export function linkFactsOfFiles(files: readonly GardenFile[], memo?: TextMemo<LinkFacts | null>): LinkFacts[] {
  return files.flatMap((file) => {
    const known = memo?.get(file.path, file.text);
    const facts = known !== undefined ? known : factsOfFile(file);
    memo?.set(file.path, file.text, facts);
    return facts ?? [];
  });
}

export function factsOfFile(file: GardenFile): LinkFacts | null {
  const source = linkSourceOfFile(file);
  return source ? linkFactsOf(source) : null;
}
