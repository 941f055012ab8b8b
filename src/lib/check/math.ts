import katex from 'katex';
import { scanBody } from './body-scan';

export interface MathFailure {
  /** 1-based line in the body handed in. */
  line: number;
  formula: string;
  reason: string;
}

/**
 * Every formula in a Markdown body that KaTeX cannot typeset: `$…$`, `$$…$$`
 * and ```math fences, which rehype-katex typesets too. The build renders math
 * with rehype-katex, which would only print a warning and paint the formula
 * red; checking first lets the build stop with the file and the line.
 */
export function findMathFailures(body: string): MathFailure[] {
  if (!body.includes('$') && !body.includes('```math')) return [];
  return scanBody(body).formulas.flatMap((formula) => {
    const reason = katexFailure(formula.value, formula.display);
    return reason === undefined ? [] : [{ line: formula.line, formula: formula.value, reason }];
  });
}

/** Why KaTeX cannot typeset one formula, with the settings the build uses; undefined when it can. */
export function katexFailure(formula: string, displayMode: boolean): string | undefined {
  try {
    katex.renderToString(formula, { displayMode, throwOnError: true, strict: 'ignore' });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error);
  }
}

/** Checks formulas as katexFailure does, typesetting each distinct formula once: a garden repeats many (`$n$`, `$O(n)$`). */
export type FormulaCheck = (formula: string, displayMode: boolean) => string | undefined;

/** A FormulaCheck for one run of the checker; what it learns is forgotten with it. */
export function formulaCheck(): FormulaCheck {
  const known = new Map<string, string | null>();
  return (formula, displayMode) => {
    const key = `${displayMode ? 'D' : 'I'}${formula}`;
    let reason = known.get(key);
    if (reason === undefined) {
      reason = katexFailure(formula, displayMode) ?? null;
      known.set(key, reason);
    }
    return reason ?? undefined;
  };
}
