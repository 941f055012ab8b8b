import type { ContentProblem } from '../errors';
import { findLinks } from '../links/find';
import { resolveFileLink, resolveWikiLink } from '../links/resolve';
import { buildLinkTargets, type LinkTarget } from '../links/targets';
import { linkSourcesFromFiles } from '../links/sources';
import { gardenUrls } from '../urls';
import type { ModelFile } from '../garden-model';
import type { Registry } from '../collections';
import { checkEmbedCycles } from './embeds';
import { isImageFile } from '../images/find';

export interface LinkCheckOptions {
  /** `astro dev` shows drafts, so links to them work there; a production build leaves them out. */
  allowDrafts: boolean;
  /** The note collections links may reach (default: the garden's). */
  registry?: Registry | undefined;
}

/**
 * Every wikilink and relative note link that points nowhere (or to a draft, in
 * production), with its line. `targets` are the link targets of these same
 * files, when the caller has them already (the build's provider does).
 */
export function checkGardenLinks(model: readonly ModelFile[], options: LinkCheckOptions, targets?: ReadonlyMap<string, LinkTarget>): ContentProblem[] {
  targets ??= buildLinkTargets(linkSourcesFromFiles(model, options.registry), gardenUrls('/'), { registry: options.registry });
  const problems: ContentProblem[] = [];
  for (const modelled of model) {
    const { file } = modelled;
    if (!modelled.note) continue;
    // A file with no `[[` and no `](` writes no link (findLinks looks for nothing else).
    if (!file.text.includes('[[') && !file.text.includes('](')) continue;
    const bodyStart = modelled.bodyStart;
    const source = file.path;
    for (const link of findLinks(modelled.body)) {
      // `![[x.png]]` shows an image, which the image check looks for (images.ts).
      if (link.embed && isImageFile(link.target)) continue;
      const resolution =
        link.kind === 'wiki'
          ? resolveWikiLink(link.target, targets, options)
          : resolveFileLink(link.target, source, targets, options);
      if (!resolution || resolution.ok) continue;
      const written = link.kind === 'wiki' ? `${link.embed ? '!' : ''}[[${link.target}${link.label ? `|${link.label}` : ''}]]` : `(${link.target})`;
      problems.push({
        severity: 'error',
        file: file.displayPath,
        line: bodyStart + link.line,
        field: 'link',
        message: `${written}: ${resolution.reason} (expected a link to an existing bit, short or chapter)`,
      });
    }
  }
  problems.push(...checkEmbedCycles(model, targets));
  return problems;
}
