import { readFrontmatter } from '../frontmatter';
import type { GardenFile } from '../garden-file';
import { classifyGardenPath, chapterIdFromPath, slugFromFileName } from '../paths';
import { normaliseTags } from '../tags';
import { parseIsoDate } from '../dates';
import type { LinkTargetSource } from './targets';

/**
 * Link targets read straight from the garden's files. Tolerant on purpose: a
 * file with broken frontmatter is skipped here, because the checker reports it.
 */
export function linkSourcesFromFiles(files: readonly GardenFile[]): LinkTargetSource[] {
  return files.flatMap((file) => linkSourceOfFile(file) ?? []);
}

/** The link target a bit, short or chapter file makes; none for any other file or for one whose frontmatter does not parse. */
export function linkSourceOfFile(file: GardenFile): LinkTargetSource | undefined {
  const kind = classifyGardenPath(file.path);
  if (kind !== 'bit' && kind !== 'short' && kind !== 'chapter') return undefined;
  try {
    const parsed = readFrontmatter(file.text);
    const title = parsed?.data.title;
    if (!parsed || typeof title !== 'string') return undefined;
    const { data, body: content } = parsed;
    const blurb = typeof data.why === 'string' ? data.why : typeof data.summary === 'string' ? data.summary : undefined;
    return {
      collection: kind === 'bit' ? 'bits' : kind === 'short' ? 'shorts' : 'chapters',
      id: kind === 'chapter' ? chapterIdFromPath(file.path.replace(/^chapters\//, '')) : slugFromFileName(file.path),
      title,
      body: content,
      draft: data.draft === true,
      tags: Array.isArray(data.tags) ? normaliseTags(data.tags.filter((t): t is string => typeof t === 'string')) : [],
      date: parseIsoDate(data.date),
      blurb,
    };
  } catch {
    return undefined;
  }
}
