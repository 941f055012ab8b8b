/**
 * The garden as one model: each file read once (read-garden.ts) and, on first
 * need, split into lines and its YAML parsed once — a note's frontmatter or a
 * whole data file — by one parser. The checker, the link targets and the link
 * check all read this model, so a file is never parsed twice in a run. (Astro's
 * content loader reads the notes again for the pages, and the note renderer
 * splits a note as that loader does, because it must render the very body
 * Astro hands it.)
 */
import yaml from 'js-yaml';
import { GARDEN_YAML, splitFrontmatter } from './frontmatter';
import type { GardenFile } from './garden-file';
import { NOTE_COLLECTIONS, noteAtPath, type NoteCollection, type Registry } from './collections';
import { classifyGardenPath, type GardenPathKind } from './paths';

/** A file's YAML as parsed, with the 0-based [first, last) lines it spans, or why it could not be. */
export type YamlReading =
  | { ok: true; data: Record<string, unknown>; yamlRange: [number, number] }
  | { ok: false; field: string; message: string; line?: number | undefined };

export interface ModelFile {
  file: GardenFile;
  kind: GardenPathKind;
  /** The collection and id of a note; undefined for any other file. */
  note?: { collection: NoteCollection; id: string } | undefined;
  /** The file's lines as authors number them (no byte-order mark, LF or CRLF). */
  readonly lines: string[];
  /** The 0-based line where the body starts: after a closed frontmatter block, else 0. */
  readonly bodyStart: number;
  /** The Markdown after the frontmatter. */
  readonly body: string;
  /** The YAML, parsed on first use: a note's frontmatter (parts.yaml as `{ parts }`), or a whole quiz file. */
  readonly yaml: YamlReading;
}

/** Every file of a garden in the model; nothing is split or parsed until asked for. */
export function gardenModel(files: readonly GardenFile[], registry: Registry = NOTE_COLLECTIONS): ModelFile[] {
  return files.map((file) => modelFile(file, registry));
}

export function modelFile(file: GardenFile, registry: Registry = NOTE_COLLECTIONS): ModelFile {
  const kind = classifyGardenPath(file.path, registry);
  let parts: { lines: string[]; close: number } | undefined;
  let reading: YamlReading | undefined;
  const split = () => (parts ??= splitFrontmatter(file.text));
  return {
    file,
    kind,
    // A file the garden ignores (`_draft.md`, a README) is no note, wherever it lies.
    note: kind === 'ignored' ? undefined : noteAtPath(file.path, registry),
    get lines() {
      return split().lines;
    },
    get bodyStart() {
      return split().close + 1;
    },
    get body() {
      const { lines, close } = split();
      return lines.slice(close + 1).join('\n');
    },
    get yaml() {
      reading ??= readYaml(file, kind, split().lines, split().close);
      return reading;
    },
  };
}

function readYaml(file: GardenFile, kind: GardenPathKind, lines: string[], close: number): YamlReading {
  if (file.text.replace(/^\uFEFF/, '').trim() === '') return { ok: false, field: '(file)', message: 'the file is empty (expected frontmatter with at least a title)', line: 1 };
  if (kind === 'parts' || kind === 'quiz') {
    try {
      const data: unknown = yaml.load(file.text.replace(/^\uFEFF/, ''), GARDEN_YAML);
      return { ok: true, data: (kind === 'parts' ? { parts: data } : data) as Record<string, unknown>, yamlRange: [0, lines.length] };
    } catch (error) {
      return yamlError(error);
    }
  }
  if (lines[0]?.trim() !== '---') {
    return { ok: false, field: 'frontmatter', message: 'expected the file to start with a --- line opening the frontmatter (title, tags, …), got none', line: 1 };
  }
  if (close === -1) {
    return { ok: false, field: 'frontmatter', message: 'the --- block opened on line 1 is never closed (expected a second --- line after the fields)', line: 1 };
  }
  try {
    // Parsed as Astro's loader does (js-yaml over the lines between the fences, line numbers kept).
    const frontmatter: unknown = yaml.load(`\n${lines.slice(1, close).join('\n')}\n`, GARDEN_YAML);
    const data = (frontmatter && typeof frontmatter === 'object' ? frontmatter : {}) as Record<string, unknown>;
    return { ok: true, data, yamlRange: [1, close] };
  } catch (error) {
    return yamlError(error);
  }
}

function yamlError(error: unknown): YamlReading {
  const mark = (error as { mark?: { line?: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
  return { ok: false, field: '(yaml)', message: `invalid YAML: ${reason} (expected valid YAML; check quotes, colons and indentation)`, line: mark?.line !== undefined ? mark.line + 1 : undefined };
}
