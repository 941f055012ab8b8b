import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { relativeToCwd } from '../display-path';

/**
 * rehype-katex only records a formula it cannot parse as a file message and
 * renders it in red. A broken formula must not reach readers, so this stops
 * the build and names the file, the line and the formula.
 */
export function rehypeMathErrors() {
  return (_tree: Root, file: VFile) => {
    const failures = file.messages.filter((message) => message.source === 'rehype-katex');
    if (failures.length === 0) return;
    const where = file.path ? relativeToCwd(file.path) : '(unknown file)';
    const lines = failures.map((failure) => {
      const formula = formulaOf(failure.ancestors?.at(-1));
      // Display math has no position of its own; the <pre> or paragraph around it does.
      const line = failure.line ?? failure.ancestors?.findLast((node) => node.position)?.position?.start.line ?? '?';
      const reason = failure.cause instanceof Error ? failure.cause.message.replace(/^KaTeX parse error: /, '') : failure.reason;
      return `${where}:${line}: math: KaTeX cannot typeset "${formula}": ${reason}`;
    });
    throw new Error(`A formula cannot be typeset (expected valid KaTeX):\n  ${lines.join('\n  ')}`);
  };
}

function formulaOf(node: unknown): string {
  const parts: string[] = [];
  const visit = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const { value, children } = n as { value?: unknown; children?: unknown[] };
    if (typeof value === 'string') parts.push(value);
    children?.forEach(visit);
  };
  visit(node);
  return parts.join('').trim();
}
