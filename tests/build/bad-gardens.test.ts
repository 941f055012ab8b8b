import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildGarden, ROOT } from '../helpers/build';

/** Each bad garden holds one mistake; the build must stop and say where and what. */
const cases: { garden: string; expected: RegExp }[] = [
  { garden: 'missing-title', expected: /bits\/no-title\.md:\d+: title: required field is missing \(expected text\)/ },
  { garden: 'wrong-type', expected: /chapters\/basics\/01-intro\.md:4: chapter: expected a number, got "one"/ },
  { garden: 'empty-tags', expected: /bits\/untagged\.md:3: tags: expected at least one item, got an empty list/ },
  { garden: 'bad-date', expected: /shorts\/kv-cache\.md:4: date: expected YYYY-MM-DD, got "June 7"/ },
  { garden: 'unknown-part', expected: /chapters\/basics\/01-intro\.md:3: part: expected one of the parts in parts\.yaml \("basics"\), got "advanced"/ },
  { garden: 'quiz-missing-chapter', expected: /quiz\/basics-02\.yaml:1: chapter: expected one of the chapter ids \("basics\/01-intro"\), got "basics\/02-missing"/ },
  { garden: 'duplicate-chapter-number', expected: /chapters\/basics\/02-more\.md:4: chapter: chapter 1 of part "basics" is also tests\/fixtures\/bad\/duplicate-chapter-number\/chapters\/basics\/01-intro\.md/ },
  { garden: 'invalid-yaml', expected: /bits\/broken\.md:\d+: \(yaml\): invalid YAML: .*expected valid YAML/ },
  { garden: 'invalid-quiz-yaml', expected: /quiz\/basics-01\.yaml:\d+: \(yaml\): invalid YAML/ },
  { garden: 'bad-formula', expected: /bits\/broken-math\.md:7: math: KaTeX cannot typeset "\\frac\{e\^\{z_i\}\{\\sum_j e\^\{z_j\}\}"/ },
];

describe('a garden with a mistake', () => {
  for (const { garden, expected } of cases) {
    it(`stops the build and names the file and field: ${garden}`, async () => {
      const result = await buildGarden(`bad-${garden}`, join(ROOT, 'tests/fixtures/bad', garden));
      expect(result.code).not.toBe(0);
      expect(result.output).toContain(`tests/fixtures/bad/${garden}/`);
      expect(result.output).toMatch(expected);
      expect(result.output).not.toContain('Complete!');
    }, 60_000);
  }
});
