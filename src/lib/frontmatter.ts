import yaml from 'js-yaml';

/**
 * YAML as the garden reads it: without implicit timestamps, because js-yaml
 * would turn an unquoted `2026-02-30` into a Date that silently rolls over to
 * March 2. Kept as text, the date check sees exactly what the author wrote.
 */
export const GARDEN_YAML: yaml.LoadOptions = { schema: yaml.CORE_SCHEMA };

/**
 * Splits a Markdown file into its frontmatter fields and body. Returns
 * undefined when there is no closed `---` block; throws on YAML that does not
 * parse (callers that report problems catch it; the checker says which line).
 */
export function readFrontmatter(text: string): { data: Record<string, unknown>; body: string } | undefined {
  const { lines, close } = split(text);
  if (close === -1) return undefined;
  const parsed: unknown = yaml.load(lines.slice(1, close).join('\n'), GARDEN_YAML);
  const data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  return { data, body: lines.slice(close + 1).join('\n') };
}

/** The body of a Markdown file: all of it after a closed `---` block, or all of it when there is none. */
export function bodyOf(text: string): string {
  const { lines, close } = split(text);
  return lines.slice(close + 1).join('\n');
}

/** A file's lines and the index of the line closing its frontmatter (-1 without one). */
function split(text: string): { lines: string[]; close: number } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { lines, close: -1 };
  return { lines, close: lines.findIndex((line, index) => index > 0 && line.trim() === '---') };
}
