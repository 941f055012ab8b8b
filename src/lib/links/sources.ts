import type { GardenFile } from '../garden-file';
import { NOTE_COLLECTIONS, summaryOf, type Registry } from '../collections';
import { modelFile, type ModelFile } from '../garden-model';
import { normaliseTags } from '../tags';
import { parseIsoDate } from '../dates';
import type { LinkCollection, LinkTargetSource } from './targets';

/**
 * Link targets read straight from the garden's files. Tolerant on purpose: a
 * file with broken frontmatter is skipped here, because the checker reports it.
 */
export function linkSourcesFromFiles(files: readonly (GardenFile | ModelFile)[], registry: Registry = NOTE_COLLECTIONS): LinkTargetSource[] {
  return files.flatMap((file) => linkSourceOfFile(file, registry) ?? []);
}

/** The link target a note file makes; none for any other file or for one whose frontmatter does not parse. */
export function linkSourceOfFile(file: GardenFile | ModelFile, registry: Registry = NOTE_COLLECTIONS): LinkTargetSource | undefined {
  const modelled = 'yaml' in file ? file : modelFile(file, registry);
  const { note } = modelled;
  if (!note) return undefined;
  const reading = modelled.yaml;
  const title = reading.ok ? reading.data.title : undefined;
  if (!reading.ok || typeof title !== 'string') return undefined;
  const { data } = reading;
  const content = modelled.body;
  try {
    return {
      collection: note.collection.id as LinkCollection,
      id: note.id,
      title,
      body: content,
      draft: data.draft === true,
      tags: Array.isArray(data.tags) ? normaliseTags(data.tags.filter((t): t is string => typeof t === 'string')) : [],
      date: parseIsoDate(data.date),
      blurb: summaryOf(note.collection, data),
      file: modelled.file.path,
    };
  } catch {
    return undefined;
  }
}
