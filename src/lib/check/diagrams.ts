/**
 * A ```mermaid diagram Mermaid cannot parse is an error of the check, named by
 * file and line. Mermaid's own parser runs in Node (the caller hands it in:
 * src/build/mermaid-thread.ts runs it on a thread, with a stand-in for the
 * DOMPurify it wants); should it still fail for want of a DOM (a TypeError or
 * ReferenceError, not a parse error), the diagram is left to the build, which
 * draws it in a browser and reports its errors with file and line too
 * (rehype-mermaid.ts). The build skips the diagrams it has drawn before.
 */
import type { ContentProblem } from '../errors';
import type { GardenFile } from '../garden-file';

export interface DiagramFence {
  source: string;
  /** The 1-based line, in the file, of the fence's ``` line. */
  line: number;
}

/** Each top-level ```mermaid (or ~~~mermaid) fence of a note, its lines counted from the file's top. */
export function mermaidFences(text: string): DiagramFence[] {
  if (!/mermaid/.test(text)) return [];
  const lines = text.split(/\r?\n/);
  const found: DiagramFence[] = [];
  let open: { fence: string; indent: number; line: number; lines: string[] | undefined } | undefined;
  lines.forEach((line, index) => {
    const match = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
    if (open) {
      const closes = match && match[2]![0] === open.fence[0] && match[2]!.length >= open.fence.length && match[3] === '';
      if (!closes) return void open.lines?.push(line.replace(new RegExp(`^ {0,${open.indent}}`), ''));
      if (open.lines) found.push({ source: open.lines.join('\n'), line: open.line });
      open = undefined;
      return;
    }
    if (match) open = { fence: match[2]!, indent: match[1]!.length, line: index + 1, lines: match[3] === 'mermaid' ? [] : undefined };
  });
  return found;
}

/** The few functions of Mermaid's API the check uses. */
export interface MermaidParser {
  parse(text: string): Promise<unknown>;
}

export interface CheckDiagramsOptions {
  /** Mermaid's parser, asked for on the first diagram to parse (loading Mermaid takes about a second). */
  parser: () => MermaidParser;
  /** Diagrams known to parse (the build's: the ones it has drawn before). */
  known?: (source: string) => boolean;
}

export async function checkDiagrams(files: readonly GardenFile[], options: CheckDiagramsOptions): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  let parser: MermaidParser | undefined;
  for (const file of files) {
    if (!/\.mdx?$/.test(file.path)) continue;
    for (const fence of mermaidFences(file.text)) {
      if (options.known?.(fence.source)) continue;
      parser ??= options.parser();
      const problem = await parseProblem(parser, fence);
      if (problem) problems.push({ severity: 'error', file: file.displayPath, field: 'diagram', ...problem });
    }
  }
  return problems;
}

async function parseProblem(parser: MermaidParser, fence: DiagramFence): Promise<{ line: number; message: string } | undefined> {
  try {
    await parser.parse(fence.source);
    return undefined;
  } catch (error) {
    const e = error as { message?: unknown; hash?: { loc?: { first_line?: number } } };
    const message = typeof e.message === 'string' ? e.message : String(error);
    // Not a parse error but Mermaid wanting a DOM (DOMPurify, document): the build, in a browser, will tell.
    if (error instanceof TypeError || error instanceof ReferenceError) return undefined;
    const line = e.hash?.loc?.first_line ?? Number(/on line (\d+)/.exec(message)?.[1] ?? 1);
    return { line: fence.line + line, message: `Mermaid cannot parse the diagram: ${mermaidErrorReason(message)} (expected a valid Mermaid diagram; see mermaid.js.org)` };
  }
}

/** Mermaid's message on one line, without the excerpt and the caret under it (the line number says where). */
export function mermaidErrorReason(message: string): string {
  return message
    .split('\n')
    .filter((part) => part.trim() !== '' && !/^-*\^$/.test(part.trim()) && !part.startsWith('...'))
    .join(' ');
}
