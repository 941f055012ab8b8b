import katex from 'katex';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';

export interface MathFailure {
  /** 1-based line in the body handed in. */
  line: number;
  formula: string;
  reason: string;
}

const parser = unified().use(remarkParse).use(remarkMath);

/**
 * Every formula in a Markdown body that KaTeX cannot typeset. The build renders
 * math with rehype-katex, which would only print a warning and paint the
 * formula red; checking first lets the build stop with the file and the line.
 */
export function findMathFailures(body: string): MathFailure[] {
  if (!body.includes('$') && !body.includes('```math')) return [];
  const tree = parser.parse(body) as Root;
  const failures: MathFailure[] = [];
  visit(tree, (node) => {
    if (node.type !== 'math' && node.type !== 'inlineMath') return;
    const formula = (node as { value: string }).value;
    try {
      katex.renderToString(formula, { displayMode: node.type === 'math', throwOnError: true, strict: 'ignore' });
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error);
      failures.push({ line: node.position?.start.line ?? 1, formula, reason });
    }
  });
  return failures;
}
