/**
 * A garden file as the checker sees it once its YAML is parsed, shared by the
 * checks of one file (file-alone.ts) and those across files (cross-references.ts,
 * check.ts).
 */
import type { GardenFile } from '../garden-file';
import type { GardenPathKind } from '../paths';
import type { NoteCollection } from '../collections';

export interface ParsedEntry {
  file: GardenFile;
  kind: GardenPathKind;
  /** The collection and id of a note; undefined for a data file. */
  note?: { collection: NoteCollection; id: string } | undefined;
  data: Record<string, unknown>;
  lines: string[];
  /** 0-based [first, last) line range of the YAML (frontmatter or whole file). */
  yamlRange: [number, number];
}

export type Report = (file: GardenFile, field: string, message: string, line?: number, severity?: 'error' | 'warning') => void;

export function slugOf(path: string): string {
  return path.replace(/\.(md|mdx|ya?ml)$/i, '');
}
