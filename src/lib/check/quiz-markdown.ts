/**
 * Quiz facts hold inline Markdown (src/lib/markdown/inline-markdown.ts): a
 * formula KaTeX cannot typeset in a question, answer, explanation or
 * distractor is an error naming the fact's number and the field, on the line
 * of the field in the quiz file; so is a link from the site root to a page
 * the build does not make (checked with the notes' links, check.ts).
 */
import type { QuizData } from '../schema';
import { inlineFormulas, inlineSource } from '../markdown/inline-markdown';
import { parseMarkdown } from '../markdown/parse';
import { walk } from '../markdown/walk';
import { isRootLink } from './body-scan';
import { fieldPath } from '../errors';
import { findYamlLine } from './source-lines';
import { katexFailure } from './math';

export interface FactFormulaProblem {
  field: string;
  message: string;
  line: number;
}

/** Each text field of each fact, with its path in the quiz file (`facts[1].distractors[0]`) and how a message names it. */
function factFields(quiz: QuizData): { path: PropertyKey[]; name: string; text: string }[] {
  return quiz.facts.flatMap((fact, index) => {
    const fields: [PropertyKey[], string][] = [
      [['question'], fact.question],
      [['answer'], fact.answer],
      [['explanation'], fact.explanation],
      ...(fact.distractors ?? []).map((text, n): [PropertyKey[], string] => [['distractors', n], text]),
      ...(fact.followups ?? []).flatMap((followup, n): [PropertyKey[], string][] => [
        [['followups', n, 'question'], followup.question],
        [['followups', n, 'answer'], followup.answer],
      ]),
    ];
    return fields.map(([field, text]) => ({
      path: ['facts', index, ...field],
      name: `fact ${index + 1}, ${field.map((key) => (typeof key === 'number' ? `${key + 1}` : key)).join(' ')}`,
      text,
    }));
  });
}

/** `lines` are the quiz file's lines and [first, last) the YAML's, as the checker has them. */
export function factFormulaProblems(quiz: QuizData, lines: readonly string[], [first, last]: [number, number]): FactFormulaProblem[] {
  const problems: FactFormulaProblem[] = [];
  for (const { path, name, text } of factFields(quiz)) {
    for (const formula of inlineFormulas(text)) {
      const reason = katexFailure(formula.value, formula.display);
      if (reason === undefined) continue;
      problems.push({
        field: fieldPath(path),
        message: `${name}: KaTeX cannot typeset "${formula.value.replace(/\s+/g, ' ').trim()}": ${reason} (expected a valid formula; write a literal dollar sign as \\$)`,
        line: findYamlLine(lines, path, first, last) ?? first + 1,
      });
    }
  }
  return problems;
}

/** The links from the site root written in facts (`[the bit](/bits/x/)`), with the field and line of each. */
export function factRootLinks(quiz: QuizData, lines: readonly string[], [first, last]: [number, number]): { url: string; field: string; line: number }[] {
  const found: { url: string; field: string; line: number }[] = [];
  for (const { path, text } of factFields(quiz)) {
    if (!text.includes('](/') && !text.includes(']: /')) continue;
    walk(parseMarkdown(inlineSource(text)), (node) => {
      if ((node.type === 'link' || node.type === 'definition') && isRootLink(node.url)) {
        found.push({ url: node.url, field: fieldPath(path), line: findYamlLine(lines, path, first, last) ?? first + 1 });
      }
    });
  }
  return found;
}
