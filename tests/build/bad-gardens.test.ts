import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { buildGarden, ROOT } from '../helpers/build';
import { hashTree, runCheck } from '../helpers/check';

/**
 * Each bad garden holds one mistake. `npm run check` and `npm run build` must
 * both fail, name the file and the field or line, say the same thing, and
 * leave every file of the garden as it was.
 */
const cases: { garden: string; expected: RegExp; env?: Record<string, string>; warning?: true }[] = [
  // Schema: missing fields, wrong types, empty values, bad dates and ids
  // On worker threads: the check stops the build without waiting for them (see broken-inline-formula).
  { garden: 'missing-title', env: { GARDEN_RENDER_WORKER_THRESHOLD: '1' }, expected: /bits\/no-title\.md:2: title: required field is missing \(expected text\)/ },
  { garden: 'missing-tags', expected: /bits\/no-tags\.md:2: tags: required field is missing \(expected a list\)/ },
  { garden: 'missing-summary', expected: /shorts\/no-summary\.md:2: summary: required field is missing \(expected text\)/ },
  { garden: 'missing-date', expected: /shorts\/undated\.md:2: date: required field is missing \(expected a date written YYYY-MM-DD\)/ },
  { garden: 'wrong-type', expected: /chapters\/basics\/01-intro\.md:4: chapter: expected a number, got "one"/ },
  { garden: 'fractional-chapter', expected: /chapters\/basics\/01-intro\.md:4: chapter: expected a whole number, got number 1\.5/ },
  { garden: 'tags-not-a-list', expected: /bits\/one-tag\.md:3: tags: expected a list, got "python"/ },
  { garden: 'draft-not-boolean', expected: /bits\/maybe\.md:4: draft: expected true or false, got "yes"/ },
  { garden: 'empty-tags', expected: /bits\/untagged\.md:3: tags: expected at least one item, got an empty list/ },
  { garden: 'empty-title', expected: /bits\/untitled\.md:2: title: expected non-empty text, got an empty string/ },
  { garden: 'bad-date', expected: /shorts\/kv-cache\.md:4: date: expected YYYY-MM-DD, got "June 7"/ },
  { garden: 'impossible-date', expected: /shorts\/feb-30\.md:4: date: expected YYYY-MM-DD, got "2026-02-30"/ },
  { garden: 'bad-track', expected: /shorts\/tracked\.md:6: track: expected lowercase letters, digits and hyphens \(e\.g\. "ml-foundations"\), got "Time Series"/ },
  { garden: 'frontmatter-is-a-list', expected: /bits\/listed\.md:2: \(file\): expected a mapping of fields, got a list/ },
  // Parts, chapters and quizzes against each other
  { garden: 'unknown-part', expected: /chapters\/basics\/01-intro\.md:3: part: expected one of the parts in parts\.yaml \("basics"\), got "advanced"/ },
  { garden: 'part-not-folder', expected: /chapters\/basics\/01-intro\.md:3: part: expected "basics" \(the folder the chapter is in\), got "advanced"/ },
  { garden: 'no-parts-file', expected: /chapters\/basics\/01-intro\.md:3: part: names part "basics", but the garden has no parts\.yaml/ },
  { garden: 'duplicate-part-id', expected: /parts\.yaml:4: \[1\]\.id: "basics" is listed twice \(expected each part id once\)/ },
  { garden: 'part-number-not-a-number', expected: /parts\.yaml:2: \[0\]\.number: expected a number, got "one"/ },
  { garden: 'duplicate-chapter-number', expected: /chapters\/basics\/02-more\.md:4: chapter: chapter 1 of part "basics" is also tests\/fixtures\/bad\/duplicate-chapter-number\/chapters\/basics\/01-intro\.md/ },
  { garden: 'quiz-missing-chapter', expected: /quiz\/basics-02\.yaml:1: chapter: expected one of the chapter ids \("basics\/01-intro"\), got "basics\/02-missing"/ },
  { garden: 'quiz-without-facts', expected: /quiz\/basics-01\.yaml:2: facts: expected at least one item, got an empty list/ },
  { garden: 'quiz-missing-answer', expected: /quiz\/basics-01\.yaml:3: facts\[0\]\.answer: expected text or a number, got nothing/ },
  { garden: 'quiz-bad-formula', expected: /quiz\/basics-01\.yaml:9: facts\[1\]\.distractors\[1\]: fact 2, distractors 2: KaTeX cannot typeset "\\frac\{1\}\{"/ },
  { garden: 'quiz-not-a-mapping', expected: /quiz\/basics-01\.yaml:1: \(file\): expected a mapping with chapter and facts, got string/ },
  // One slug, two files
  { garden: 'duplicate-slug', expected: /bits\/twice\.mdx: \(file\): has the same slug as tests\/fixtures\/bad\/duplicate-slug\/bits\/twice\.md/ },
  { garden: 'duplicate-quiz-slug', expected: /quiz\/basics-01\.yml: \(file\): has the same slug as tests\/fixtures\/bad\/duplicate-quiz-slug\/quiz\/basics-01\.yaml/ },
  // Files that cannot be read as entries
  { garden: 'invalid-yaml', expected: /bits\/broken\.md:4: \(yaml\): invalid YAML: missed comma between flow collection entries \(expected valid YAML/ },
  { garden: 'unquoted-colon', expected: /bits\/colon\.md:2: \(yaml\): invalid YAML: bad indentation of a mapping entry/ },
  { garden: 'invalid-quiz-yaml', expected: /quiz\/basics-01\.yaml:5: \(yaml\): invalid YAML: tab characters must not be used in indentation/ },
  { garden: 'unclosed-frontmatter', expected: /bits\/open\.md:1: frontmatter: the --- block opened on line 1 is never closed/ },
  { garden: 'no-frontmatter', expected: /bits\/plain\.md:1: frontmatter: expected the file to start with a --- line/ },
  { garden: 'empty-file', expected: /shorts\/empty\.md:1: \(file\): the file is empty \(expected frontmatter with at least a title\)/ },
  { garden: 'blank-file', expected: /chapters\/basics\/01-intro\.md:1: \(file\): the file is empty/ },
  { garden: 'not-utf8', expected: /bits\/latin1\.md:2: \(encoding\): byte 0xE9 at column 11 is not UTF-8 \(expected UTF-8 text/ },
  { garden: 'utf16-file', expected: /shorts\/wide\.md:1: \(encoding\): the file is UTF-16 \(expected UTF-8 text/ },
  { garden: 'too-large', env: { GARDEN_MAX_BYTES: '32768' }, expected: /bits\/pasted-log\.md: \(file\): the file is over the 32 KB size limit \(expected at most 32 KB, got 51\.7 KB/ },
  // Formulas KaTeX cannot typeset
  { garden: 'bad-formula', expected: /bits\/broken-math\.md:7: math: KaTeX cannot typeset "\\frac\{e\^\{z_i\}\{\\sum_j e\^\{z_j\}\}"/ },
  // Rendered on worker threads (as a large garden is), whose parse gives the check its scan of each body.
  { garden: 'broken-inline-formula', env: { GARDEN_RENDER_WORKER_THRESHOLD: '1' }, expected: /shorts\/inline\.md:7: math: KaTeX cannot typeset "\\frac\{1\}\{2": Unexpected end of input/ },
  { garden: 'broken-math-fence', expected: /bits\/fence\.md:7: math: KaTeX cannot typeset "\\sqrt\{x": Expected '\}', got 'EOF'/ },
  { garden: 'unknown-macro', expected: /chapters\/basics\/01-intro\.md:8: math: KaTeX cannot typeset "\\norm\{x\}": Undefined control sequence/ },
  // Internal links to pages the build does not generate
  { garden: 'broken-internal-link', expected: /bits\/linker\.md:5: link: \(\/bits\/other-bti\/\): no page of the garden has this address \(expected the address of a generated page, such as "\/bits\/other-bit\/", got "\/bits\/other-bti\/"\)/ },
  { garden: 'broken-html-link', env: { GARDEN_RENDER_WORKER_THRESHOLD: '1' }, expected: /shorts\/html\.md:7: link: \(\/cheatsheets\/nowhere\/\): no page of the garden has this address/ },
  { garden: 'embed-draft', expected: /bits\/published\.md:7: link: !\[\[secret\]\]: "bits\/secret" is a draft and is left out of the built site/ },
  { garden: 'embed-cycle', expected: /bits\/chicken\.md:9: embed: !\[\[egg\]\] makes an embed cycle: bits\/chicken → bits\/egg → bits\/chicken/ },
  { garden: 'missing-image', expected: /bits\/figure\.md:9: image: !\[The missing diagram\]\(\.\/img\/diagram\.png\): no such file: looked for bits\/img\/diagram\.png/ },
  { garden: 'link-to-draft', expected: /bits\/published\.md:5: link: \(\/bits\/secret\/\): "\/bits\/secret\/" is a draft, left out of the built site/ },
  { garden: 'link-to-missing-tag', expected: /bits\/tagged\.md:5: link: \(\/tags\/rust\/\): no page of the garden has this address/ },
  // Nothing left out without a word
  { garden: 'notes-outside-folders', expected: /\/reading-list\.md: \(file\): is outside the note folders, so the site leaves it out \(expected bits\/<slug>\.md, shorts\/<slug>\.md or chapters\/<part-id>\/<file>\.md/ },
  { garden: 'no-notes', expected: /no-notes\/: \(garden\): the garden has no notes \(expected at least one note at bits\/<slug>\.md/ },
  { garden: 'chapter-outside-part', expected: /chapters\/02-shapes\.md: \(file\): a chapter goes in chapters\/<part-id>\/ \(expected chapters\/<part-id>\/02-shapes\.md, got chapters\/02-shapes\.md\)/ },
  { garden: 'symlink-outside', expected: /bits\/borrowed\.md: \(file\): is a symbolic link to tests\/fixtures\/good\/bits\/stable-softmax\.md, outside the garden/ },
  { garden: 'deep-blockquote', expected: /shorts\/quoted\.md:9: \(body\): blockquotes, lists or emphasis nested more than 100 levels deep/ },
  { garden: 'deep-list', env: { GARDEN_RENDER_WORKER_THRESHOLD: '1' }, expected: /bits\/outline\.md:9: \(body\): blockquotes, lists or emphasis nested more than 100 levels deep/ },
  { garden: 'unsafe-link', expected: /bits\/click-me\.md:10: link: \(javascript:alert\(document\.cookie\)\): a javascript: link runs code in the reader's browser/ },
  { garden: 'unsafe-data-link', expected: /shorts\/inline-page\.md:9: link: \(data:text\/html;base64,[^)]*\): a data: link opens a page made of the link itself/ },
  { garden: 'unknown-track', expected: /shorts\/hybrid\.md:6: track: expected one of the tracks in src\/site\.config\.ts \("llm", "retrieval", [^)]*\), got "retreival" \(did you mean "retrieval"\?\)/ },
  { garden: 'misspelt-title', expected: /bits\/typo\.md:2: title: required field is missing \(expected text\); "tittle" on line 2 looks like a misspelling of it/ },
  // MDX the build could not compile or render, found by the check with the file's own line
  { garden: 'mdx-unclosed-tag', expected: /bits\/figure\.mdx:7: \(mdx\): Expected a closing tag for `<figure>`/ },
  { garden: 'mdx-missing-import', expected: /shorts\/chart\.mdx:7: \(mdx\): cannot find the module "\.\.\/components\/LossCurve\.astro" that this note imports/ },
  { garden: 'mdx-undefined-component', expected: /bits\/callout\.mdx:7: \(mdx\): component <Callout> is used but never imported or defined/ },
  // Warnings: listed by the check and the build, which both go on
  { garden: 'unknown-field', warning: true, expected: /warning: \S+\/bits\/colourful\.md:4: whyy: unknown field, which the site ignores \(expected one of title, tags, why, date, updated, draft; did you mean "why"\?\)/ },
  { garden: 'unclosed-fence', warning: true, expected: /warning: \S+\/shorts\/open-fence\.md:9: code: the code fence opened here is never closed/ },
];

const BAD = join(ROOT, 'tests/fixtures/bad');

describe('the corpus of bad gardens', () => {
  it('has at least 30 gardens, each with a case here', () => {
    const gardens = readdirSync(BAD).sort();
    expect(gardens.length).toBeGreaterThanOrEqual(30);
    expect(cases.map((c) => c.garden).sort()).toEqual(gardens);
  });
});

// Each case reads only its own garden and builds into a folder of its own, so the cases run two at a
// time (the build project's maxConcurrency in vitest.config.ts): a case is mostly the start-up of two
// Node processes, one at a time, and two cases keep both cores busy. Concurrent tests take `expect`
// from their context.
describe.concurrent('a garden with a mistake', () => {
  for (const { garden, expected, env = {}, warning } of cases) {
    it(`${warning ? 'is warned about by check and build' : 'fails check and build'}, naming the file and field, and writes nothing: ${garden}`, async ({ expect }) => {
      const dir = join(BAD, garden);
      const before = hashTree(dir);
      const prefix = `${warning ? 'warning: ' : ''}tests/fixtures/bad/${garden}/`;

      const check = await runCheck(dir, env);
      expect(check.code, check.output).toBe(warning ? 0 : 1);
      expect(check.output).toMatch(expected);
      // Editorial warnings (a tag used once) are counted by the build, not listed: a warning case compares its own line.
      const problemLines = check.output.split('\n').filter((line) => line.startsWith(prefix) && (!warning || expected.test(line)));
      expect(problemLines.length, check.output).toBeGreaterThan(0);
      expect(check.output).toMatch(warning ? /✓ 0 errors, \d+ warnings?/ : /✗ \d+ errors?, /);

      const build = await buildGarden(`author-bad-${garden}`, dir, env);
      if (warning) expect(build.code, build.output.slice(-2000)).toBe(0);
      else {
        expect(build.code).not.toBe(0);
        expect(build.output).not.toContain('Complete!');
      }
      // The build prints the very lines `npm run check` printed.
      for (const line of problemLines) expect(build.output).toContain(line.replace(/^warning: /, ''));

      expect(hashTree(dir)).toBe(before);
    }, 90_000);
  }
});
