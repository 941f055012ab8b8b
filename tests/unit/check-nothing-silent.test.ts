/**
 * What a garden gets wrong without Astro noticing: files it would leave out,
 * links out of the garden, nesting too deep to render, misspelt fields and
 * tracks, fences never closed. Each is said, with the file and the line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkGarden, type GardenFile } from '../../src/lib/check/check';
import { checkGardenFolder } from '../../src/lib/check/run';
import { readGardenFiles } from '../../src/lib/check/read-garden';
import { scanBody } from '../../src/lib/check/body-scan';
import { closestField, unknownFields } from '../../src/lib/check/unknown-fields';
import { MarkdownNestingError, parseMarkdown } from '../../src/lib/markdown/parse';
import { bitSchema, partsFileSchema, quizSchema } from '../../src/lib/schema';
import { ROOT } from '../helpers/build';

const file = (path: string, text: string): GardenFile => ({ path, displayPath: `content/${path}`, text });
const md = (...lines: string[]) => `${lines.join('\n')}\n`;
const bit = (...body: string[]) => md('---', 'title: A bit', 'tags: [python]', '---', ...body);

describe('nesting too deep to render', () => {
  it('stops the parse at the line where the limit is passed', () => {
    const body = md('Intro.', '', '> '.repeat(10_000) + 'quoted');
    expect(() => parseMarkdown(body)).toThrow(MarkdownNestingError);
    try {
      parseMarkdown(body);
    } catch (error) {
      expect((error as MarkdownNestingError).line).toBe(3);
    }
  });

  it('accepts a hundred levels', () => {
    expect(() => parseMarkdown('> '.repeat(100) + 'x')).not.toThrow();
    expect(() => parseMarkdown(Array.from({ length: 100 }, (_, level) => `${'  '.repeat(level)}- item`).join('\n'))).not.toThrow();
  });

  it.each([
    ['blockquotes', '> '.repeat(10_000) + 'x'],
    ['list items', '- '.repeat(10_000) + 'x'],
    ['emphasis', `${'*'.repeat(400)}x${'*'.repeat(400)}`],
  ])('is an error of the check, with file and line, for %s', (_name, deep) => {
    const problems = checkGarden([file('bits/deep.md', bit('```py', 'x', '```', '', deep))]);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', file: 'content/bits/deep.md', line: 9, field: '(body)', message: expect.stringContaining('nested more than 100 levels deep') }),
    ]);
  });
});

describe('unclosed code fences', () => {
  it('are found in the body, in lists and quotes too, and closed ones are not', () => {
    const body = md('```py', 'ok', '```', '', '- ```py', '  in a list', '  ```', '', '> ~~~', '> quoted', '> ~~~', '', '````md', '```', 'inner', '```', '````', '', 'Text.', '', '```python', 'never closed');
    expect(scanBody(body).unclosedFences).toEqual([21]);
    expect(scanBody('- ```py\n  open in a list\n\nNext paragraph.').unclosedFences).toEqual([1]);
    expect(scanBody('```').unclosedFences).toEqual([1]);
    expect(scanBody('```py\nx\n``').unclosedFences).toEqual([1]);
    expect(scanBody('    ```\n    indented code').unclosedFences).toEqual([]);
  });

  it('are a warning with the line of the opening fence', () => {
    const problems = checkGarden([file('bits/open.md', bit('Text.', '', '```python', 'x = 1'))]);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'content/bits/open.md', line: 7, field: 'code', message: expect.stringContaining('never closed') }),
    ]);
  });
});

describe('unknown frontmatter fields', () => {
  it('are read from the schema, at any depth', () => {
    expect(unknownFields(bitSchema, { title: 'T', tags: ['a'], whyy: 'x', colour: 'red' })).toEqual([
      { path: ['whyy'], known: ['title', 'tags', 'why', 'date', 'updated', 'draft'], near: 'why' },
      { path: ['colour'], known: ['title', 'tags', 'why', 'date', 'updated', 'draft'], near: undefined },
    ]);
    const quiz = { chapter: 'a/b', facts: [{ question: 'Q', answer: 'A', explanation: 'E' }, { question: 'Q', answer: 'A', explanaton: 'E', hint: 'h' }] };
    expect(unknownFields(quizSchema, quiz).map((field) => [field.path, field.near])).toEqual([
      [['facts', 1, 'explanaton'], 'explanation'],
      [['facts', 1, 'hint'], undefined],
    ]);
    expect(unknownFields(partsFileSchema, [{ id: 'a', number: 1, title: 'A', summery: 'S' }]).map((field) => [field.path, field.near])).toEqual([[[0, 'summery'], 'summary']]);
  });

  it('suggest a field only when it is close', () => {
    expect(closestField('tittle', ['title', 'tags'])).toBe('title');
    expect(closestField('Tags', ['title', 'tags'])).toBe('tags');
    expect(closestField('colour', ['title', 'tags', 'why'])).toBeUndefined();
    expect(closestField('by', ['title', 'tags', 'why'])).toBeUndefined();
  });

  it('are a warning with the line and the closest field', () => {
    const problems = checkGarden([file('bits/x.md', md('---', 'title: T', 'tags: [python]', 'colour: red', 'whyy: Because.', '---', '```py', 'x', '```'))]);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', line: 4, field: 'colour', message: 'unknown field, which the site ignores (expected one of title, tags, why, date, updated, draft)' }),
      expect.objectContaining({ severity: 'warning', line: 5, field: 'whyy', message: 'unknown field, which the site ignores (expected one of title, tags, why, date, updated, draft; did you mean "why"?)' }),
    ]);
  });

  it('explain a missing field once, in its error', () => {
    const problems = checkGarden([file('bits/x.md', md('---', 'tags: [python]', 'tittle: Binary search', '---', '```py', 'x', '```'))]);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', line: 2, field: 'title', message: 'required field is missing (expected text); "tittle" on line 3 looks like a misspelling of it' }),
    ]);
  });
});

describe('tracks', () => {
  const short = (track: string) => file('shorts/s.md', md('---', 'title: S', 'summary: S.', 'date: 2026-01-01', 'tags: [llm]', `track: ${track}`, '---', 'Body.'));
  const tracks = ['llm', 'retrieval', 'time-series'];

  it('must be one of the site\'s, the closest suggested', () => {
    expect(checkGarden([short('retrieval')], { tracks })).toEqual([]);
    expect(checkGarden([short('retreival')], { tracks })).toEqual([
      expect.objectContaining({ severity: 'error', line: 6, field: 'track', message: 'expected one of the tracks in src/site.config.ts ("llm", "retrieval", "time-series"), got "retreival" (did you mean "retrieval"?)' }),
    ]);
    expect(checkGarden([short('cooking')], { tracks })[0]?.message).toBe(
      'expected one of the tracks in src/site.config.ts ("llm", "retrieval", "time-series"), got "cooking" (add it to tracks in src/site.config.ts to start a new track)',
    );
  });

  it('are not checked when the caller names none', () => {
    expect(checkGarden([short('cooking')])).toEqual([]);
  });
});

describe('a garden folder', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'garden-silent-'));
    write('garden/bits/own.md', bit('$x$'));
    write('outside/secret.md', bit('Not for publishing.'));
    write('outside/folder/more.md', bit('$y$'));
    symlinkSync('../../outside/secret.md', join(root, 'garden/bits/secret.md'));
    symlinkSync('../../outside/folder', join(root, 'garden/bits/folder'));
    symlinkSync('own.md', join(root, 'garden/bits/alias.md'));
    symlinkSync('../../nowhere.md', join(root, 'garden/bits/dangling.md'));
    symlinkSync('../../outside/secret.md', join(root, 'garden/bits/.hidden.md'));
    write('empty/README.md', '# Nothing yet\n');
    write('flat/idea.md', '# An idea\n\nWith a #tag.\n');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports every symbolic link out of the garden (but to a file it ignores), reads one inside as its file, and never enters a linked folder', () => {
    const files = readGardenFiles(join(root, 'garden'), root);
    expect(files.map((f) => [f.path, f.linksOutside?.target, f.linksOutside?.missing, f.text !== ''])).toEqual([
      ['bits/alias.md', undefined, undefined, true],
      ['bits/dangling.md', 'nowhere.md', true, false],
      ['bits/folder', 'outside/folder', undefined, false],
      ['bits/own.md', undefined, undefined, true],
      ['bits/secret.md', 'outside/secret.md', undefined, false],
    ]);
    const errors = checkGarden(files).filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'garden/bits/dangling.md: is a symbolic link to nowhere.md, which does not exist (expected a file inside the garden folder)',
      'garden/bits/folder: is a symbolic link to outside/folder, outside the garden (expected a file inside the garden folder; copy it in instead, so nothing outside the garden is published)',
      'garden/bits/secret.md: is a symbolic link to outside/secret.md, outside the garden (expected a file inside the garden folder; copy it in instead, so nothing outside the garden is published)',
    ]);
  });

  it('with no notes is an error naming the folder and where notes go', () => {
    for (const folder of ['empty', 'flat']) {
      const { problems } = checkGardenFolder(join(root, folder), { projectRoot: ROOT, cwd: root });
      expect(problems).toContainEqual({
        severity: 'error',
        file: `${folder}/`,
        field: '(garden)',
        message: 'the garden has no notes (expected at least one note at bits/<slug>.md, shorts/<slug>.md or chapters/<part-id>/<file>.md; npm run new writes one, npm run import -- <folder> brings a folder of notes in)',
      });
    }
    expect(checkGardenFolder(join(root, 'garden'), { projectRoot: ROOT, cwd: root }).problems.some((p) => p.field === '(garden)')).toBe(false);
  });
});
