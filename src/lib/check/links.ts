import type { ContentProblem } from '../errors';
import { classifyGardenPath } from '../paths';
import { findLinks } from '../links/find';
import { resolveFileLink, resolveWikiLink } from '../links/resolve';
import { buildLinkTargets, type LinkTarget } from '../links/targets';
import { linkSourcesFromFiles } from '../links/sources';
import { gardenUrls } from '../urls';
import type { GardenFile } from '../garden-file';

export interface LinkCheckOptions {
  /** `astro dev` shows drafts, so links to them work there; a production build leaves them out. */
  allowDrafts: boolean;
}

/**
 * Every wikilink and relative note link that points nowhere (or to a draft, in
 * production), with its line. `targets` are the link targets of these same
 * files, when the caller has them already (the build's provider does).
 */
export function checkGardenLinks(files: readonly GardenFile[], options: LinkCheckOptions, targets?: ReadonlyMap<string, LinkTarget>): ContentProblem[] {
  targets ??= buildLinkTargets(linkSourcesFromFiles(files), gardenUrls('/'));
  const problems: ContentProblem[] = [];
  for (const file of files) {
    const kind = classifyGardenPath(file.path);
    if (kind !== 'bit' && kind !== 'short' && kind !== 'chapter') continue;
    // A file with no `[[` and no `](` writes no link (findLinks looks for nothing else).
    if (!file.text.includes('[[') && !file.text.includes('](')) continue;
    const lines = file.text.split(/\r?\n/);
    const close = lines[0]?.trim() === '---' ? lines.findIndex((line, i) => i > 0 && line.trim() === '---') : -1;
    const bodyStart = close === -1 ? 0 : close + 1;
    const source = file.path;
    for (const link of findLinks(lines.slice(bodyStart).join('\n'))) {
      const resolution =
        link.kind === 'wiki'
          ? resolveWikiLink(link.target, targets, options)
          : resolveFileLink(link.target, source, targets, options);
      if (!resolution || resolution.ok) continue;
      const written = link.kind === 'wiki' ? `[[${link.target}${link.label ? `|${link.label}` : ''}]]` : `(${link.target})`;
      problems.push({
        severity: 'error',
        file: file.displayPath,
        line: bodyStart + link.line,
        field: 'link',
        message: `${written}: ${resolution.reason} (expected a link to an existing bit, short or chapter)`,
      });
    }
  }
  return problems;
}
