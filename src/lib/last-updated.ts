/**
 * When each note last changed: `updated:` in its frontmatter, else the last
 * commit of its file when the garden is kept in git, else nothing. Pure: the
 * build runs `git log` once for the whole garden (src/build/last-updated.ts)
 * and hands its output here.
 */
import { parseIsoDate, type IsoDate } from './dates';
import type { ModelFile } from './garden-model';
import type { LinkTarget } from './links/targets';

/** The line `git log --format=COMMIT_MARK%cI` writes before each commit's files. */
export const COMMIT_MARK = '@@commit ';

/**
 * The last commit date (UTC calendar day) of every file in the output of
 * `git log --format=@@commit %cI --name-only`, newest commit first, paths as
 * git wrote them: a file's first appearance is its last change.
 */
export function parseGitLog(output: string): Map<string, IsoDate> {
  const dates = new Map<string, IsoDate>();
  let current: IsoDate | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith(COMMIT_MARK)) {
      const time = new Date(line.slice(COMMIT_MARK.length).trim());
      current = Number.isNaN(time.getTime()) ? undefined : (time.toISOString().slice(0, 10) as IsoDate);
    } else if (line !== '' && current !== undefined && !dates.has(line)) {
      dates.set(line, current);
    }
  }
  return dates;
}

/** A note's last change: what the author wrote in `updated:`, else its file's last commit. */
export function lastUpdated(frontmatter: IsoDate | undefined, committed: IsoDate | undefined): IsoDate | undefined {
  return frontmatter ?? committed;
}

/**
 * Every note page's last change by its address (`/bits/kv-cache/`), for the
 * sitemap: from the notes' frontmatter in the garden's model and the commit
 * dates by path in the garden (`bits/kv-cache.md`).
 */
export function lastUpdatedByUrl(model: readonly ModelFile[], targets: ReadonlyMap<string, LinkTarget>, commits: ReadonlyMap<string, IsoDate>): Map<string, IsoDate> {
  const files = new Map(model.map((modelled) => [modelled.file.path, modelled]));
  const dates = new Map<string, IsoDate>();
  for (const target of targets.values()) {
    if (!target.file) continue;
    const yaml = files.get(target.file)?.yaml;
    const date = lastUpdated(yaml?.ok ? parseIsoDate(yaml.data.updated) : undefined, commits.get(target.file));
    if (date) dates.set(target.url, date);
  }
  return dates;
}
