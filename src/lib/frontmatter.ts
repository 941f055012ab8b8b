import yaml from 'js-yaml';

/**
 * YAML as the garden reads it: without implicit timestamps, because js-yaml
 * would turn an unquoted `2026-02-30` into a Date that silently rolls over to
 * March 2. Kept as text, the date check sees exactly what the author wrote.
 */
export const GARDEN_YAML: yaml.LoadOptions = { schema: yaml.CORE_SCHEMA };

/** The body of a Markdown file: all of it after a closed `---` block, or all of it when there is none. */
export function bodyOf(text: string): string {
  const { lines, close } = splitFrontmatter(text);
  return lines.slice(close + 1).join('\n');
}

/** A file's lines as authors number them (no byte-order mark, LF or CRLF) and the index of the line closing its frontmatter (-1 without one). */
export function splitFrontmatter(text: string): { lines: string[]; close: number } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { lines, close: -1 };
  return { lines, close: lines.findIndex((line, index) => index > 0 && line.trim() === '---') };
}
