/**
 * Finds the 1-based line where a YAML path is written, so an error can point at
 * it. Good enough for frontmatter and quiz files: top-level keys, list items
 * and keys inside them. Returns undefined when the path is not written at all
 * (a missing field), in which case the caller points at the block's start.
 */
export function findYamlLine(lines: readonly string[], path: readonly PropertyKey[], firstLine = 0, lastLine = lines.length): number | undefined {
  let from = firstLine;
  let indent = -1;
  let found: number | undefined;
  for (const key of path) {
    const hit = typeof key === 'number' ? findListItem(lines, from, lastLine, key, indent) : findKey(lines, from, lastLine, String(key), indent);
    if (hit === undefined) return found;
    found = hit.line + 1;
    from = typeof key === 'number' ? hit.line : hit.line + 1;
    indent = hit.indent;
  }
  return found;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function findKey(lines: readonly string[], from: number, to: number, key: string, parentIndent: number) {
  const pattern = new RegExp(`^\\s*(?:-\\s+)?["']?${escapeRegExp(key)}["']?\\s*:`);
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    // A line no deeper than the parent ends its block: a dedent, or the next item of the same list.
    if (i > from && indentOf(line) <= parentIndent) break;
    if (pattern.test(line)) return { line: i, indent: indentOf(line) };
  }
  return undefined;
}

function findListItem(lines: readonly string[], from: number, to: number, index: number, parentIndent: number) {
  let seen = -1;
  let itemIndent: number | undefined;
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? '';
    const trimmed = line.trimStart();
    if (!trimmed.startsWith('-')) continue;
    const indent = indentOf(line);
    if (indent < parentIndent) break;
    itemIndent ??= indent;
    if (indent !== itemIndent) continue;
    seen += 1;
    if (seen === index) return { line: i, indent };
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
