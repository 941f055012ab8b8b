/**
 * Quiz facts hold inline Markdown (src/lib/markdown/inline-markdown.ts): a
 * formula KaTeX cannot typeset in a question, answer, explanation or
 * distractor is an error naming the fact's number and the field, on the line
 * of the field in the quiz file.
 */
import type { QuizData } from '../schema';
import { inlineFormulas } from '../markdown/inline-markdown';
import { fieldPath } from '../errors';
import { findYamlLine } from './source-lines';
import { katexFailure } from './math';

export interface FactFormulaProblem {
  field: string;
  message: string;
  line: number;
}

/** `lines` are the quiz file's lines and [first, last) the YAML's, as the checker has them. */
export function factFormulaProblems(quiz: QuizData, lines: readonly string[], [first, last]: [number, number]): FactFormulaProblem[] {
  const problems: FactFormulaProblem[] = [];
  quiz.facts.forEach((fact, index) => {
    const fields: [readonly PropertyKey[], string][] = [
      [['question'], fact.question],
      [['answer'], fact.answer],
      [['explanation'], fact.explanation],
      ...(fact.distractors ?? []).map((text, n): [readonly PropertyKey[], string] => [['distractors', n], text]),
    ];
    for (const [field, text] of fields) {
      for (const formula of inlineFormulas(text)) {
        const reason = katexFailure(formula.value, formula.display);
        if (reason === undefined) continue;
        const path = ['facts', index, ...field];
        const shown = field.map((key) => (typeof key === 'number' ? `${key + 1}` : key)).join(' ');
        problems.push({
          field: fieldPath(path),
          message: `fact ${index + 1}, ${shown}: KaTeX cannot typeset "${formula.value.replace(/\s+/g, ' ').trim()}": ${reason} (expected a valid formula; write a literal dollar sign as \\$)`,
          line: findYamlLine(lines, path, first, last) ?? first + 1,
        });
      }
    }
  });
  return problems;
}
