import { readFrontmatter } from '../frontmatter';
import type { GardenFile } from '../check/check';
import { classifyGardenPath, chapterIdFromPath, slugFromFileName } from '../paths';
import { normaliseTags } from '../tags';
import { parseIsoDate } from '../dates';
import type { LinkTargetSource } from './targets';

/**
 * Link targets read straight from the garden's files. Tolerant on purpose: a
 * file with broken frontmatter is skipped here, because the checker reports it.
 */
export function linkSourcesFromFiles(files: readonly GardenFile[]): LinkTargetSource[] {
  const sources: LinkTargetSource[] = [];
  for (const file of files) {
    const kind = classifyGardenPath(file.path);
    if (kind !== 'bit' && kind !== 'short' && kind !== 'chapter') continue;
    try {
      const parsed = readFrontmatter(file.text);
      const title = parsed?.data.title;
      if (!parsed || typeof title !== 'string') continue;
      const { data, body: content } = parsed;
      const blurb = typeof data.why === 'string' ? data.why : typeof data.summary === 'string' ? data.summary : undefined;
      sources.push({
        collection: kind === 'bit' ? 'bits' : kind === 'short' ? 'shorts' : 'chapters',
        id: kind === 'chapter' ? chapterIdFromPath(file.path.replace(/^chapters\//, '')) : slugFromFileName(file.path),
        title,
        body: content,
        draft: data.draft === true,
        tags: Array.isArray(data.tags) ? normaliseTags(data.tags.filter((t): t is string => typeof t === 'string')) : [],
        date: parseIsoDate(data.date),
        blurb,
      });
    } catch {
      continue;
    }
  }
  return sources;
}
