import { describe, expect, it } from 'vitest';
import { checkGarden, isEditorial, type GardenFile } from '../../src/lib/check/check';
import type { ContentProblem } from '../../src/lib/errors';

const file = (path: string, text: string): GardenFile => ({ path, displayPath: `content/${path}`, text });
const md = (...lines: string[]) => `${lines.join('\n')}\n`;

const GOOD: Record<string, string> = {
  'parts.yaml': md('- id: basics', '  number: 1', '  title: Basics', '- id: advanced', '  number: 2', '  title: Advanced', '  summary: Later.'),
  'chapters/basics/01-intro.md': md(
    '---',
    'title: Intro',
    'part: basics',
    'chapter: 1',
    'summary: The first chapter.',
    'tags: [Tensors, numpy]',
    '---',
    '## First section',
    '',
    'Inline $a^2$ and a price of \\$5.',
    '',
    '$$',
    '\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}',
    '$$',
    '',
    '```python',
    'x = 1',
    '```',
    '',
    '```math',
    '\\frac{1}{2}',
    '```',
  ),
  'chapters/basics/02-more.md': md('---', 'title: More', 'part: basics', 'chapter: 2', '---', 'Text.'),
  'chapters/advanced/01-deep.md': md('---', 'title: Deep', 'part: advanced', 'chapter: 1', 'draft: true', '---', 'Text.'),
  'quiz/basics-01.yaml': md(
    'chapter: basics/01-intro',
    'facts:',
    '  - question: What is 1 + 1?',
    '    answer: 2',
    '    explanation: Arithmetic.',
    '  - question: "Is the rank of shape (3, 4, 5) three?"',
    '    answer: true',
    '    explanation: Rank counts the axes.',
  ),
  'bits/binary-search.md': md(
    '---',
    'title: Binary search with a safe midpoint',
    'tags: [algorithms, Python]',
    'why: Overflow-free.',
    'date: 2026-05-02',
    'draft: false',
    '---',
    'Context.',
    '',
    '```ts',
    'const mid = lo + ((hi - lo) >> 1);',
    '```',
    '',
    '```',
    'no language is plain text',
    '```',
  ),
  'bits/with-component.mdx': md('---', 'title: With a component', 'tags: [mdx]', '---', 'Body.'),
  'shorts/kv-cache.md': md('---', 'title: The KV cache in one formula', 'summary: One formula.', 'date: "2026-06-07"', 'tags: [llm, kv-cache]', 'track: llm', '---', 'Body $n \\cdot d$.'),
  'README.md': 'This garden: {{ not yaml',
  'bits/README.md': '',
  'bits/_partial.md': 'no frontmatter',
  '.DS_Store': '\u0000\u0001',
  'images/diagram.png': 'PNG',
};

/** The good garden with some files replaced, added (a string) or removed (null), in a stable order. */
function garden(changes: Record<string, string | null> = {}): GardenFile[] {
  const all = { ...GOOD, ...changes };
  return Object.entries(all)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([path, text]) => file(path, text));
}

const error = (path: string, field: string, message: string, line?: number): ContentProblem => ({
  severity: 'error',
  file: `content/${path}`,
  field,
  message,
  ...(line === undefined ? {} : { line }),
});
const warning = (path: string, field: string, message: string, line?: number): ContentProblem => ({ ...error(path, field, message, line), severity: 'warning' });

describe('checkGarden', () => {
  it('finds nothing wrong in a good garden', () => {
    expect(checkGarden(garden())).toEqual([]);
  });

  it('finds nothing wrong in an empty garden', () => {
    expect(checkGarden([])).toEqual([]);
  });

  it('accepts Windows line endings and a byte-order mark', () => {
    const crlf = Object.fromEntries(Object.entries(GOOD).map(([path, text]) => [path, `\uFEFF${text.replace(/\n/g, '\r\n')}`]));
    expect(checkGarden(garden(crlf))).toEqual([]);
  });

  describe('frontmatter fields', () => {
    it.each<[string, string, string, ContentProblem[]]>([
      [
        'a missing field',
        'bits/no-title.md',
        md('---', 'tags: [a]', '---', 'Body.'),
        [error('bits/no-title.md', 'title', 'required field is missing (expected text)', 2)],
      ],
      [
        'a chapter number written as a word',
        'chapters/basics/03-x.md',
        md('---', 'title: X', 'part: basics', 'chapter: one', '---'),
        [error('chapters/basics/03-x.md', 'chapter', 'expected a number, got "one"', 4)],
      ],
      [
        'a fractional chapter number',
        'chapters/basics/03-x.md',
        md('---', 'title: X', 'part: basics', 'chapter: 2.5', '---'),
        [error('chapters/basics/03-x.md', 'chapter', 'expected a whole number, got number 2.5', 4)],
      ],
      [
        'tags written as text',
        'bits/x.md',
        md('---', 'title: X', 'tags: python', '---'),
        [error('bits/x.md', 'tags', 'expected a list, got "python"', 3)],
      ],
      [
        'a tag that is a number',
        'bits/x.md',
        md('---', 'title: X', 'tags: [1, python]', '---'),
        [error('bits/x.md', 'tags[0]', 'expected text, got number 1', 3)],
      ],
      [
        'draft written as text',
        'bits/x.md',
        md('---', 'title: X', 'tags: [a]', 'draft: "no"', '---'),
        [error('bits/x.md', 'draft', 'expected true or false, got "no"', 4)],
      ],
      [
        'an empty tag list',
        'bits/untagged.md',
        md('---', 'title: Untagged', 'tags: []', '---'),
        [error('bits/untagged.md', 'tags', 'expected at least one item, got an empty list', 3)],
      ],
      [
        'tags without letters or digits',
        'bits/x.md',
        md('---', 'title: X', 'tags: ["!!"]', '---'),
        [error('bits/x.md', 'tags', 'expected at least one tag with letters or digits, got a list (["!!"])', 3)],
      ],
      [
        'an empty title',
        'bits/x.md',
        md('---', 'title: ""', 'tags: [a]', '---'),
        [error('bits/x.md', 'title', 'expected non-empty text, got an empty string', 2)],
      ],
      [
        'a date written in words',
        'shorts/kv.md',
        md('---', 'title: KV', 'summary: S.', 'date: June 7', 'tags: [llm]', '---'),
        [error('shorts/kv.md', 'date', 'expected YYYY-MM-DD, got "June 7"', 4)],
      ],
      [
        'a quoted impossible date',
        'shorts/kv.md',
        md('---', 'title: KV', 'summary: S.', 'date: "2026-02-30"', 'tags: [llm]', '---'),
        [error('shorts/kv.md', 'date', 'expected YYYY-MM-DD, got "2026-02-30"', 4)],
      ],
      [
        'a missing date',
        'shorts/kv.md',
        md('---', 'title: KV', 'summary: S.', 'tags: [llm]', '---'),
        [error('shorts/kv.md', 'date', 'required field is missing (expected a date written YYYY-MM-DD)', 2)],
      ],
      [
        'a track that is not an id',
        'shorts/kv.md',
        md('---', 'title: KV', 'summary: S.', 'date: 2026-06-07', 'tags: [llm]', 'track: Time Series', '---'),
        [error('shorts/kv.md', 'track', 'expected lowercase letters, digits and hyphens (e.g. "ml-foundations"), got "Time Series"', 6)],
      ],
      [
        'frontmatter that is a list',
        'bits/x.md',
        md('---', '- title', '---'),
        [error('bits/x.md', '(file)', 'expected a mapping of fields, got a list (["title"])', 2)],
      ],
    ])('reports %s', (_name, path, text, expected) => {
      expect(checkGarden(garden({ [path]: text }))).toEqual(expected);
    });

    it('reports every mistake of a file', () => {
      const problems = checkGarden(garden({ 'shorts/x.md': md('---', 'summary: ""', 'date: 7 June', 'tags: []', '---') }));
      expect(problems).toEqual([
        error('shorts/x.md', 'title', 'required field is missing (expected text)', 2),
        error('shorts/x.md', 'summary', 'expected non-empty text, got an empty string', 2),
        error('shorts/x.md', 'date', 'expected YYYY-MM-DD, got "7 June"', 3),
        error('shorts/x.md', 'tags', 'expected at least one item, got an empty list', 4),
      ]);
    });

    it('accepts an unquoted YAML date and a quoted one', () => {
      const text = (date: string) => md('---', 'title: KV', 'summary: S.', `date: ${date}`, 'tags: [llm]', '---');
      expect(checkGarden(garden({ 'shorts/a.md': text('2026-06-07'), 'shorts/b.md': text("'2024-02-29'") }))).toEqual([]);
    });

    // Regression (check/check.ts + schema.ts): js-yaml turns an unquoted `2026-02-30` into a Date
    // that has rolled over to 2026-03-02, so the impossible date passes the checker and the
    // short is published as "Mar 2, 2026". The quoted form is rejected (see above).
    it('reports an unquoted impossible date', () => {
      const problems = checkGarden(garden({ 'shorts/kv.md': md('---', 'title: KV', 'summary: S.', 'date: 2026-02-30', 'tags: [llm]', '---') }));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ severity: 'error', file: 'content/shorts/kv.md', field: 'date', line: 4 });
      expect(problems[0]?.message).toMatch(/YYYY-MM-DD/);
      expect(problems[0]?.message).toContain('2026-02-30');
    });
  });

  describe('file structure', () => {
    it.each<[string, string, string, ContentProblem[]]>([
      ['an empty file', 'bits/empty.md', '', [error('bits/empty.md', '(file)', 'the file is empty (expected frontmatter with at least a title)', 1)]],
      ['a file of blank lines', 'bits/blank.md', '  \n\n\t\n', [error('bits/blank.md', '(file)', 'the file is empty (expected frontmatter with at least a title)', 1)]],
      ['a byte-order mark alone', 'bits/bom.md', '\uFEFF', [error('bits/bom.md', '(file)', 'the file is empty (expected frontmatter with at least a title)', 1)]],
      ['an empty quiz', 'quiz/empty.yaml', '\n', [error('quiz/empty.yaml', '(file)', 'the file is empty (expected frontmatter with at least a title)', 1)]],
      [
        'no frontmatter',
        'bits/plain.md',
        md('# Title', '', 'Body.'),
        [error('bits/plain.md', 'frontmatter', 'expected the file to start with a --- line opening the frontmatter (title, tags, …), got none', 1)],
      ],
      [
        'an unclosed frontmatter',
        'bits/open.md',
        md('---', 'title: Open', 'tags: [a]', '', 'Body.'),
        [error('bits/open.md', 'frontmatter', 'the --- block opened on line 1 is never closed (expected a second --- line after the fields)', 1)],
      ],
    ])('reports %s', (_name, path, text, expected) => {
      expect(checkGarden(garden({ [path]: text }))).toEqual(expected);
    });

    it('stops on a Markdown file the site would leave out, saying where notes go', () => {
      const places = 'bits/<slug>.md, shorts/<slug>.md or chapters/<part-id>/<file>.md';
      expect(checkGarden(garden({ 'notes/idea.md': 'anything', 'chapters/loose.md': 'x', 'bits/nested/deep.mdx': 'x', 'bits/nested/a.yaml': 'x' }))).toEqual([
        error('notes/idea.md', '(file)', `is outside the note folders, so the site leaves it out (expected ${places}; move it into one, with frontmatter as the README shows, or bring a folder of notes in with npm run import -- <folder>)`),
        error('chapters/loose.md', '(file)', 'a chapter goes in chapters/<part-id>/ (expected chapters/<part-id>/loose.md, got chapters/loose.md); as it is, the site leaves it out'),
        error('bits/nested/deep.mdx', '(file)', 'a bit goes in bits/ (expected bits/deep.mdx, got bits/nested/deep.mdx); as it is, the site leaves it out'),
        warning('bits/nested/a.yaml', '(file)', `is not where the garden looks for content (expected ${places}, quiz/<name>.yaml or parts.yaml)`),
      ]);
    });
  });

  describe('invalid YAML', () => {
    it('reports invalid YAML in frontmatter with its line in the file', () => {
      const text = md('---', 'title: Broken', 'tags: [a', 'date: 2026-01-01', '---', 'Body.');
      expect(checkGarden(garden({ 'bits/broken.md': text }))).toEqual([
        error(
          'bits/broken.md',
          '(yaml)',
          'invalid YAML: missed comma between flow collection entries (expected valid YAML; check quotes, colons and indentation)',
          4,
        ),
      ]);
    });

    it('reports an unquoted ": " in frontmatter', () => {
      const problems = checkGarden(garden({ 'bits/colon.md': md('---', 'title: Why: a colon', 'tags: [a]', '---') }));
      expect(problems).toEqual([
        error('bits/colon.md', '(yaml)', 'invalid YAML: bad indentation of a mapping entry (expected valid YAML; check quotes, colons and indentation)', 2),
      ]);
    });

    it('reports invalid YAML in a quiz with its line', () => {
      const text = md('chapter: basics/01-intro', 'facts:', '  - question: Q', '    answer: "3', '    explanation: E');
      const problems = checkGarden(garden({ 'quiz/basics-01.yaml': text }));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ severity: 'error', file: 'content/quiz/basics-01.yaml', field: '(yaml)' });
      expect(problems[0]?.message).toMatch(/^invalid YAML: .+ \(expected valid YAML; check quotes, colons and indentation\)$/);
      expect(problems[0]?.line).toBeGreaterThanOrEqual(4);
      expect(problems[0]?.line).toBeLessThanOrEqual(6);
    });

    it('reports a duplicated key in a quiz on its line', () => {
      const text = md('chapter: basics/01-intro', 'chapter: basics/02-more', 'facts:', '  - question: Q', '    answer: A', '    explanation: E');
      expect(checkGarden(garden({ 'quiz/dup.yaml': text }))).toEqual([
        error('quiz/dup.yaml', '(yaml)', 'invalid YAML: duplicated mapping key (expected valid YAML; check quotes, colons and indentation)', 2),
      ]);
    });

    it('reports invalid YAML in parts.yaml', () => {
      const problems = checkGarden(garden({ 'parts.yaml': md('- id: basics', '  number: 1', ' title: Basics') }));
      // The chapters cannot be checked against parts that could not be read.
      expect(problems.map((p) => [p.file, p.field])).toEqual([
        ['content/parts.yaml', '(yaml)'],
      ]);
    });
  });

  describe('quiz files', () => {
    it.each<[string, string, ContentProblem[]]>([
      ['text', 'just some words', [error('quiz/q.yaml', '(file)', 'expected a mapping with chapter and facts, got string', 1)]],
      ['null', '~', [error('quiz/q.yaml', '(file)', 'expected a mapping with chapter and facts, got an empty file', 1)]],
      ['a number', '42', [error('quiz/q.yaml', '(file)', 'expected a mapping with chapter and facts, got number', 1)]],
    ])('reports a quiz that is %s', (_name, text, expected) => {
      expect(checkGarden(garden({ 'quiz/q.yaml': text }))).toEqual(expected);
    });

    it('reports a fact field on its own line', () => {
      const text = md('chapter: basics/01-intro', 'facts:', '  - question: Q1', '    answer: A1', '    explanation: E1', '  - question: Q2', '    answer: ""', '    explanation: E2');
      expect(checkGarden(garden({ 'quiz/q.yaml': text }))).toEqual([error('quiz/q.yaml', 'facts[1].answer', 'expected non-empty text, got an empty string', 7)]);
    });

    it('reports a missing answer in the last fact on that fact', () => {
      const text = md('chapter: basics/01-intro', 'facts:', '  - question: Q1', '    explanation: E1');
      expect(checkGarden(garden({ 'quiz/q.yaml': text }))).toEqual([error('quiz/q.yaml', 'facts[0].answer', 'expected text or a number, got nothing', 3)]);
    });

    // Regression (check/source-lines.ts findKey, used by checkGarden): a field missing from one fact
    // is reported on the same field of the next fact.
    it('reports a missing answer in an earlier fact on that fact, not on the next one', () => {
      const text = md('chapter: basics/01-intro', 'facts:', '  - question: Q1', '    explanation: E1', '  - question: Q2', '    answer: A2', '    explanation: E2');
      expect(checkGarden(garden({ 'quiz/q.yaml': text }))).toEqual([error('quiz/q.yaml', 'facts[0].answer', 'expected text or a number, got nothing', 3)]);
    });

    it('reports a formula KaTeX cannot typeset in any field of a fact, naming the fact, the field and its line', () => {
      const text = md(
        'chapter: basics/01-intro',
        'facts:',
        '  - question: Fine $\\sqrt{d}$ and `$\\frac{1}{2$` in code',
        '    answer: $O(n^2)$',
        '    explanation: Costs \\$5.',
        '  - question: Q2',
        "    answer: '$\\sqrt{d_k$'",
        '    explanation: E2 $\\badmacro$',
        "    distractors: ['$d_k$', '$\\frac{1}{$']",
      );
      const problems = checkGarden(garden({ 'quiz/q.yaml': text }));
      expect(problems.map((p) => [p.severity, p.file, p.line, p.field])).toEqual([
        ['error', 'content/quiz/q.yaml', 7, 'facts[1].answer'],
        ['error', 'content/quiz/q.yaml', 8, 'facts[1].explanation'],
        ['error', 'content/quiz/q.yaml', 9, 'facts[1].distractors[1]'],
      ]);
      expect(problems[0]!.message).toMatch(/^fact 2, answer: KaTeX cannot typeset "\\sqrt\{d_k": .+ \(expected a valid formula; write a literal dollar sign as \\\$\)$/);
      expect(problems[1]!.message).toContain('fact 2, explanation: KaTeX cannot typeset "\\badmacro": Undefined control sequence');
      expect(problems[2]!.message).toMatch(/^fact 2, distractors 2: KaTeX cannot typeset "\\frac\{1\}\{"/);
    });

    it('reports a link in a fact to a page the build does not make, on the field’s line', () => {
      const text = md('chapter: basics/01-intro', 'facts:', '  - question: See [the intro](/cheatsheets/basics/01-intro/)?', '    answer: Yes', '    explanation: And [a typo](/cheatsheets/basics/01-intor/).');
      const problems = checkGarden(garden({ 'quiz/q.yaml': text }));
      expect(problems.map((p) => [p.file, p.line, p.field])).toEqual([['content/quiz/q.yaml', 5, 'facts[0].explanation']]);
      expect(problems[0]!.message).toMatch(/^\(\/cheatsheets\/basics\/01-intor\/\): no page of the garden has this address/);
    });

    it('reports a quiz without facts', () => {
      expect(checkGarden(garden({ 'quiz/q.yaml': md('chapter: basics/01-intro', 'facts: []') }))).toEqual([
        error('quiz/q.yaml', 'facts', 'expected at least one item, got an empty list', 2),
      ]);
    });

    it('reports a quiz naming a chapter that does not exist', () => {
      const text = md('chapter: basics/09-missing', 'facts:', '  - question: Q', '    answer: A', '    explanation: E');
      expect(checkGarden(garden({ 'quiz/basics-09.yaml': text }))).toEqual([
        error('quiz/basics-09.yaml', 'chapter', 'expected one of the chapter ids ("advanced/01-deep", "basics/01-intro", "basics/02-more"), got "basics/09-missing"', 1),
      ]);
    });

    it('lists at most five chapter ids in the hint', () => {
      const chapters = Object.fromEntries(
        [3, 4, 5, 6].map((n) => [`chapters/basics/0${n}-c.md`, md('---', `title: C${n}`, 'part: basics', `chapter: ${n}`, '---')]),
      );
      const quiz = md('facts:', '  - question: Q', '    answer: A', '    explanation: E', 'chapter: nowhere');
      expect(checkGarden(garden({ ...chapters, 'quiz/q.yaml': quiz }))).toEqual([
        error(
          'quiz/q.yaml',
          'chapter',
          'expected one of the chapter ids ("advanced/01-deep", "basics/01-intro", "basics/02-more", "basics/03-c", "basics/04-c", …), got "nowhere"',
          5,
        ),
      ]);
    });

    it('says so when the garden has no chapters at all', () => {
      const files = [file('quiz/q.yaml', md('chapter: a/b', 'facts:', '  - question: Q', '    answer: A', '    explanation: E'))];
      expect(checkGarden(files)).toEqual([error('quiz/q.yaml', 'chapter', 'expected a chapter id, but the garden has no chapters, got "a/b"', 1)]);
    });

    it('lets a quiz name a chapter whose own frontmatter has mistakes (that chapter is reported instead)', () => {
      const quiz = md('chapter: basics/03-broken', 'facts:', '  - question: Q', '    answer: A', '    explanation: E');
      expect(checkGarden(garden({ 'chapters/basics/03-broken.md': md('---', 'title: B', 'chapter: 3', '---'), 'quiz/q.yaml': quiz }))).toEqual([
        error('chapters/basics/03-broken.md', 'part', 'required field is missing (expected text)', 2),
      ]);
    });
  });

  describe('parts and chapters', () => {
    it('reports a chapter naming a part that parts.yaml does not list', () => {
      const text = md('---', 'title: X', 'part: nope', 'chapter: 3', '---');
      expect(checkGarden(garden({ 'chapters/basics/03-x.md': text }))).toEqual([
        error('chapters/basics/03-x.md', 'part', 'expected one of the parts in parts.yaml ("basics", "advanced"), got "nope"', 3),
      ]);
    });

    it('reports a chapter whose part differs from its folder', () => {
      const text = md('---', 'title: X', 'part: advanced', 'chapter: 5', '---');
      expect(checkGarden(garden({ 'chapters/basics/05-x.md': text }))).toEqual([
        error('chapters/basics/05-x.md', 'part', 'expected "basics" (the folder the chapter is in), got "advanced"', 3),
      ]);
    });

    it('reports a chapter number used twice within a part, on the later file', () => {
      const text = md('---', 'title: Again', 'part: basics', 'chapter: 1', '---');
      expect(checkGarden(garden({ 'chapters/basics/03-again.md': text }))).toEqual([
        error(
          'chapters/basics/03-again.md',
          'chapter',
          'chapter 1 of part "basics" is also content/chapters/basics/01-intro.md (expected a unique number within the part)',
          4,
        ),
      ]);
    });

    it('allows the same chapter number in different parts', () => {
      expect(GOOD['chapters/advanced/01-deep.md']).toContain('chapter: 1');
      expect(checkGarden(garden())).toEqual([]);
    });

    it('reports chapters when the garden has no parts.yaml', () => {
      expect(checkGarden(garden({ 'parts.yaml': null }))).toEqual([
        error('chapters/basics/01-intro.md', 'part', 'names part "basics", but the garden has no parts.yaml (expected a parts.yaml listing the parts)', 3),
        error('chapters/basics/02-more.md', 'part', 'names part "basics", but the garden has no parts.yaml (expected a parts.yaml listing the parts)', 3),
        error('chapters/advanced/01-deep.md', 'part', 'names part "advanced", but the garden has no parts.yaml (expected a parts.yaml listing the parts)', 3),
      ]);
    });

    it('reports a part id and a part number listed twice', () => {
      const parts = md('- id: basics', '  number: 1', '  title: Basics', '- id: advanced', '  number: 2', '  title: Advanced', '- id: basics', '  number: 2', '  title: Again');
      expect(checkGarden(garden({ 'parts.yaml': parts }))).toEqual([
        error('parts.yaml', '[2].id', '"basics" is listed twice (expected each part id once)', 7),
        error('parts.yaml', '[2].number', 'number 2 is already used by part "advanced" (expected a unique number)', 8),
      ]);
    });

    it('reports a wrong field in parts.yaml with its list position and line', () => {
      const parts = md('- id: basics', '  number: 1', '  title: Basics', '- id: Advanced', '  number: two', '  title: Advanced');
      expect(checkGarden(garden({ 'parts.yaml': parts }))).toEqual([
        error('parts.yaml', '[1].id', 'expected lowercase letters, digits and hyphens (e.g. "ml-foundations"), got "Advanced"', 4),
        error('parts.yaml', '[1].number', 'expected a number, got "two"', 5),
      ]);
    });

    it('reports an empty list of parts', () => {
      expect(checkGarden(garden({ 'parts.yaml': '[]\n' }))).toEqual([error('parts.yaml', '(file)', 'expected at least one item, got an empty list', 1)]);
    });
  });

  describe('duplicate slugs', () => {
    it('reports a bit written both as .md and .mdx', () => {
      expect(checkGarden(garden({ 'bits/binary-search.mdx': GOOD['bits/binary-search.md']! }))).toEqual([
        error('bits/binary-search.mdx', '(file)', 'has the same slug as content/bits/binary-search.md (expected one file per slug; rename or remove one)'),
      ]);
    });

    it('reports a quiz written both as .yaml and .yml', () => {
      expect(checkGarden(garden({ 'quiz/basics-01.yml': GOOD['quiz/basics-01.yaml']! }))).toEqual([
        error('quiz/basics-01.yml', '(file)', 'has the same slug as content/quiz/basics-01.yaml (expected one file per slug; rename or remove one)'),
      ]);
    });

    it('allows a bit and a short with the same file name', () => {
      const short = md('---', 'title: Binary search', 'summary: S.', 'date: 2026-01-01', 'tags: [a]', '---');
      expect(checkGarden(garden({ 'shorts/binary-search.md': short }))).toEqual([]);
    });
  });

  describe('Markdown bodies', () => {
    it('reports a formula KaTeX rejects, on its line in the file', () => {
      const text = md('---', 'title: Broken math', 'tags: [math]', '---', 'Intro.', '', '$$', '\\frac{e^{z_i}{\\sum_j e^{z_j}}', '$$');
      const problems = checkGarden(garden({ 'bits/broken-math.md': text }));
      expect(problems).toEqual([
        error(
          'bits/broken-math.md',
          'math',
          expect.stringMatching(/^KaTeX cannot typeset "\\frac\{e\^\{z_i\}\{\\sum_j e\^\{z_j\}\}": .+ \(expected a valid formula\)$/) as unknown as string,
          7,
        ),
      ]);
    });

    it('reports a broken inline formula with its exact reason', () => {
      const text = md('---', 'title: Inline', 'tags: [math]', '---', 'A $\\frac{1}{2$ here.');
      expect(checkGarden(garden({ 'bits/inline.md': text }))).toEqual([
        error(
          'bits/inline.md',
          'math',
          "KaTeX cannot typeset \"\\frac{1}{2\": Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{2 (expected a valid formula)",
          5,
        ),
      ]);
    });

    it('does not check math inside code', () => {
      const text = md('---', 'title: Code', 'tags: [a]', '---', '```python', 'cost = "$\\frac{1}{2$"', '```');
      expect(checkGarden(garden({ 'bits/code.md': text }))).toEqual([]);
    });

    it('warns about an unknown code-fence language, on its line', () => {
      const text = md('---', 'title: Odd', 'tags: [a]', '---', 'Text.', '', '```brainfudge', '+++', '```', '', '```pyhton', 'x', '```');
      const message = (lang: string) => `unknown code-fence language "${lang}" (rendered as plain text; expected a Shiki language such as python, ts, bash or text)`;
      expect(checkGarden(garden({ 'bits/odd.md': text }))).toEqual([warning('bits/odd.md', 'code', message('brainfudge'), 7), warning('bits/odd.md', 'code', message('pyhton'), 11)]);
    });

    it('warns about a callout of an unknown type, on its line, and not about known types, aliases or plain quotes', () => {
      const text = md('---', 'title: Callouts', 'tags: [a]', '---', '$x$', '', '> [!NOTE]', '> Known.', '', '> [!faq]- Alias', '> Folded.', '', '> [!todo-list] Mine', '> Body.', '', '> Just a quote with [!odd] inside.');
      expect(checkGarden(garden({ 'bits/callouts.md': text }))).toEqual([
        warning('bits/callouts.md', 'callout', 'unknown callout type "todo-list" (rendered as a note; expected one of note, abstract, info, todo, tip, success, question, warning, failure, danger, bug, example, quote)', 13),
      ]);
    });

    it('checks the bodies of chapters and .mdx files too', () => {
      const chapter = md('---', 'title: C', 'part: basics', 'chapter: 3', '---', '$\\badmacro$');
      const mdx = md('---', 'title: M', 'tags: [a]', '---', '```nope', 'x', '```');
      const problems = checkGarden(garden({ 'chapters/basics/03-c.md': chapter, 'bits/m.mdx': mdx }));
      expect(problems.map((p) => [p.severity, p.file, p.line, p.field])).toEqual([
        ['error', 'content/chapters/basics/03-c.md', 6, 'math'],
        ['warning', 'content/bits/m.mdx', 5, 'code'],
      ]);
    });
  });

  describe('file size and encoding', () => {
    /** The single problem for one file, with its wording checked for the facts that matter. */
    const only = (problems: ContentProblem[], expected: Omit<ContentProblem, 'message'>, ...mentions: RegExp[]) => {
      expect(problems).toHaveLength(1);
      const [problem] = problems;
      expect(problem).toEqual({ ...expected, message: expect.any(String) });
      for (const mention of mentions) expect(problem?.message).toMatch(mention);
    };
    const withFile = (path: string, extra: Partial<GardenFile>) => garden({ [path]: 'not even frontmatter' }).map((f) => (f.path === path ? { ...f, ...extra } : f));

    it('reports a file over the 2 MB default without parsing it', () => {
      only(checkGarden(withFile('bits/huge.md', { size: 3 * 1024 * 1024 })), { severity: 'error', file: 'content/bits/huge.md', field: '(file)' }, /expected at most 2 MB/, /got 3 MB/, /keep data and logs out of the garden/);
    });

    it('counts the bytes when the size would round to the limit', () => {
      only(checkGarden(withFile('bits/huge.md', { size: 2 * 1024 * 1024 + 1 })), { severity: 'error', file: 'content/bits/huge.md', field: '(file)' }, /expected at most 2 MB/, /got 2097153 bytes/);
    });

    it('accepts a file of exactly the limit', () => {
      const files = garden().map((f) => (f.path === 'bits/binary-search.md' ? { ...f, size: 2 * 1024 * 1024 } : f));
      expect(checkGarden(files)).toEqual([]);
    });

    it('measures text in UTF-8 bytes against a smaller maxBytes', () => {
      // 40 bytes: "é" takes two.
      const text = md('---', 'title: é', 'tags: [a]', '---', '```py', 'x', '```');
      only(checkGarden([file('bits/a.md', text)], { maxBytes: 10 }), { severity: 'error', file: 'content/bits/a.md', field: '(file)' }, /expected at most 10 bytes/, /got 40 bytes/);
      expect(checkGarden([file('bits/a.md', text)], { maxBytes: 40 })).toEqual([]);
    });

    it('reports a byte from another encoding with its value, line and column', () => {
      const files = withFile('bits/latin1.md', { text: '', invalidUtf8: { offset: 20, line: 3, column: 8, byte: 0xe9 } });
      only(checkGarden(files), { severity: 'error', file: 'content/bits/latin1.md', line: 3, field: '(encoding)' }, /\b0xE9\b/, /column 8\b/, /expected UTF-8/, /Latin-1|Windows-1252/);
    });

    it('pads a low byte to two hex digits', () => {
      const files = withFile('bits/ctl.md', { text: '', invalidUtf8: { offset: 5, line: 2, column: 1, byte: 0x8 } });
      only(checkGarden(files), { severity: 'error', file: 'content/bits/ctl.md', line: 2, field: '(encoding)' }, /\b0x08\b/);
    });

    it('says when the file is UTF-16', () => {
      const files = withFile('bits/utf16.md', { text: '', invalidUtf8: { offset: 0, line: 1, column: 1, byte: 0xff, utf16: true } });
      only(checkGarden(files), { severity: 'error', file: 'content/bits/utf16.md', line: 1, field: '(encoding)' }, /UTF-16/, /expected UTF-8/);
    });
  });

  describe('editorial warnings', () => {
    const files = [
      file('bits/a.md', md('---', 'title: A', 'tags: [python, pyhton]', '---', 'Just prose.')),
      file('bits/b.md', md('---', 'title: B', 'tags:', '  - python', '  - numpy', '---', '```python', 'x', '```')),
      file('bits/m.md', md('---', 'title: M', 'tags: [numpy]', '---', 'Only $x^2$.')),
      file('shorts/c.md', md('---', 'title: C', 'summary: S.', 'date: 2026-01-01', 'tags: [numpy]', '---', 'Prose is fine in a short.')),
    ];

    it('are off unless asked for', () => {
      expect(checkGarden(files)).toEqual([]);
    });

    it('warn about a bit of prose only and a tag no other entry has when it is a typo away from one in use', () => {
      expect(checkGarden(files, { editorial: true })).toEqual([
        warning('bits/a.md', '(body)', 'a bit without code or formula (expected a code block or math; a note of prose only reads better as a short)', 5),
        warning('bits/a.md', 'tags', 'tag "pyhton" is used only once in the garden, and "python" is used by other entries (expected "python", if that is what was meant)', 3),
      ]);
    });

    it('point at a lone tag written as a list item on its own line, and leave a tag of its own alone', () => {
      const lone = file('bits/d.md', md('---', 'title: D', 'tags:', '  - python', '  - zebra', '  - numpi', '---', '```text', 'x', '```'));
      expect(checkGarden([...files, lone], { editorial: true }).filter((p) => p.file === 'content/bits/d.md')).toEqual([
        warning('bits/d.md', 'tags', 'tag "numpi" is used only once in the garden, and "numpy" is used by other entries (expected "numpy", if that is what was meant)', 6),
      ]);
    });
  });

  it('counts the lines of what a body shows from the file as written, blank lines above the body included', () => {
    const text = md('---', 'title: Linked', 'tags: [algorithms]', 'why: W.', '---', '', '', 'Intro $\\frac{$.', '', 'See [gone](/bits/gone/).');
    const problems = checkGarden(garden({ 'bits/linked.md': text })).filter((p) => p.file === 'content/bits/linked.md');
    expect(problems.map((p) => `${p.line}: ${p.field}`).sort()).toEqual(['10: link', '8: math']);
  });

  it('reports problems from several files in one pass', () => {
    const problems = checkGarden(
      garden({
        'bits/no-title.md': md('---', 'tags: [a]', '---'),
        'shorts/bad-date.md': md('---', 'title: T', 'summary: S.', 'date: June 7', 'tags: [a]', '---'),
        'bits/empty.md': '',
      }),
    );
    expect(problems.map((p) => `${p.file}:${p.line ?? '-'}: ${p.field}`).sort()).toEqual([
      'content/bits/empty.md:1: (file)',
      'content/bits/no-title.md:2: title',
      'content/shorts/bad-date.md:4: date',
    ]);
  });
});

describe('isEditorial', () => {
  const p = (severity: 'error' | 'warning', field: string): ContentProblem => ({ severity, file: 'f', field, message: 'm' });
  it.each<[ContentProblem, boolean]>([
    [p('warning', 'tags'), true],
    [p('warning', '(body)'), true],
    [p('error', 'tags'), false],
    [p('warning', 'code'), false],
    [p('warning', '(file)'), false],
    [p('error', '(body)'), false],
  ])('%o → %s', (problem, expected) => {
    expect(isEditorial(problem)).toBe(expected);
  });
});
