/**
 * A quiz fact's `level` names one of the levels the site declares
 * (`levels` in src/site.config.ts); any other is an error naming the quiz
 * file, the line of the field and the fact.
 */
import type { QuizData } from '../schema';
import { findYamlLine } from './source-lines';
import type { ParsedEntry, Report } from './entry';

export function checkLevels(parsed: readonly ParsedEntry[], valid: Map<ParsedEntry, Record<string, unknown>>, levels: Readonly<Record<number, string>>, report: Report) {
  const known = Object.keys(levels).map(Number);
  const listed = known.map((level) => `${level} "${levels[level]}"`).join(', ');
  for (const entry of parsed) {
    const quiz = entry.kind === 'quiz' ? (valid.get(entry) as QuizData | undefined) : undefined;
    quiz?.facts.forEach((fact, index) => {
      if (fact.level === undefined || known.includes(fact.level)) return;
      const question = fact.question.length > 60 ? `${fact.question.slice(0, 57)}…` : fact.question;
      report(
        entry.file,
        `facts[${index}].level`,
        `fact ${index + 1} ("${question}"): expected one of the levels in src/site.config.ts (${listed || 'none declared'}), got ${fact.level} (use one of those, or add it to levels there)`,
        findYamlLine(entry.lines, ['facts', index, 'level'], ...entry.yamlRange),
      );
    });
  }
}
