import { describe, expect, it } from 'vitest';
import { parseRule, planImport, type ImportSource } from '../../src/lib/import/plan';
import { readSourceNote } from '../../src/lib/import/source-note';
import type { IsoDate } from '../../src/lib/dates';

const today = '2026-06-01' as IsoDate;
const note = (path: string, text: string, dates: ImportSource['dates'] = { modified: '2026-05-05' as IsoDate }): ImportSource => ({ path, text, dates });
const fileText = (plan: ReturnType<typeof planImport>, to: string) => plan.create.find((file) => file.to === to)?.text;

describe('readSourceNote', () => {
  it('takes the title from the frontmatter, else the first # heading (dropped from the body), else the file name', () => {
    expect(readSourceNote('A.md', '---\ntitle: From frontmatter\n---\n# Heading\nBody.').title).toBe('From frontmatter');
    const headed = readSourceNote('A.md', '\n# From the heading\n\nBody.');
    expect([headed.title, headed.body]).toEqual(['From the heading', 'Body.']);
    expect(readSourceNote('My note.md', 'Intro.\n\n# A later heading\n').title).toBe('My note');
  });

  it('gathers tags from the frontmatter (list or text) and #tags in the prose, not in code or headings', () => {
    const read = readSourceNote('a.md', '---\ntags: "#Time Series, llm"\n---\nAbout #retrieval and #nested/tag, not #123.\n\n```py\n# comment #notatag\n```\n\n`#inline`');
    expect(read.tags).toEqual(['time', 'series', 'llm', 'retrieval', 'nested-tag']);
    expect(readSourceNote('a.md', '---\ntags: [Time Series]\n---\nx').tags).toEqual(['time-series']);
  });

  it('dates a note by its frontmatter, else its last commit, else its modification time', () => {
    const dates = { git: '2026-02-02' as IsoDate, modified: '2026-03-03' as IsoDate };
    expect(readSourceNote('a.md', '---\ndate: 2026-01-01\n---\nx', dates).date).toBe('2026-01-01');
    expect(readSourceNote('a.md', '---\ncreated: 2026-01-15T09:30\n---\nx', dates).date).toBe('2026-01-15');
    expect(readSourceNote('a.md', 'x', dates).date).toBe('2026-02-02');
    expect(readSourceNote('a.md', 'x', { modified: dates.modified }).date).toBe('2026-03-03');
  });

  it('sums a note up by its description, else its first sentence, and names the fields it leaves out', () => {
    const read = readSourceNote('a.md', '---\naliases: [x]\ncssclass: wide\n---\nFirst **bold** sentence [[Other|here]]. Second one.');
    expect(read.summary).toBe('First bold sentence here.');
    expect(read.droppedFields).toEqual(['aliases', 'cssclass']);
    expect(readSourceNote('a.md', '---\ndescription: Said so.\n---\nBody.').summary).toBe('Said so.');
  });
});

describe('planImport', () => {
  const sources: ImportSource[] = [
    note('Idea.md', 'An idea about #llm. See [[Snippet]], [[Chapter One#First part|the chapter]] and [[Nowhere]].\n\n![[pic.png|300]]'),
    note('code/Snippet.md', '---\ntags: [python]\n---\n```python\nx = "[[Idea]]"\n```'),
    note('course/Chapter One.md', '# Chapter one\n\n## First part\n\nText.'),
    note('course/Chapter Two.md', 'Links back to [the idea](../Idea.md).'),
    { path: 'img/pic.png' },
    { path: 'Board.canvas' },
  ];
  const rules = [parseRule('bit', 'code'), parseRule('chapter', 'course=Basics')];

  it('makes shorts by default, bits and chapters by rule, and keeps wikilinks pointing at the new names', () => {
    const plan = planImport(sources, rules, { paths: new Set() }, today);
    expect(plan.create.map((file) => `${file.to} ← ${file.from ?? ''}`)).toEqual([
      'parts.yaml ← ',
      'bits/snippet.md ← code/Snippet.md',
      'chapters/basics/01-chapter-one.md ← course/Chapter One.md',
      'chapters/basics/02-chapter-two.md ← course/Chapter Two.md',
      'shorts/idea.md ← Idea.md',
      'shorts/pic.png ← img/pic.png',
    ]);
    expect(fileText(plan, 'parts.yaml')).toBe('- id: basics\n  number: 1\n  title: course\n');
    expect(fileText(plan, 'shorts/idea.md')).toBe(
      '---\ntitle: Idea\nsummary: \'An idea about #llm.\'\ndate: 2026-05-05\ntags: [llm]\n---\nAn idea about #llm. See [[snippet]], [[basics/01-chapter-one#first-part|the chapter]] and Nowhere.\n\n![pic](pic.png)\n',
    );
    expect(fileText(plan, 'bits/snippet.md')).toBe('---\ntitle: Snippet\ntags: [python]\ndate: 2026-05-05\n---\n```python\nx = "[[Idea]]"\n```\n');
    expect(fileText(plan, 'chapters/basics/01-chapter-one.md')).toBe('---\ntitle: Chapter one\npart: basics\nchapter: 1\nsummary: Text.\n---\n## First part\n\nText.\n');
    expect(fileText(plan, 'chapters/basics/02-chapter-two.md')).toContain('Links back to [[idea|the idea]].');
    expect(plan.report).toEqual([
      { path: 'Board.canvas', message: 'not a Markdown note or an image: left out' },
      { path: 'Idea.md', message: '[[Nowhere]]: no such note in the folder, kept as text' },
      { path: 'img/pic.png', message: 'copied to shorts/pic.png, beside the notes that show it' },
    ]);
  });

  it('plans nothing the garden has already, so a second run writes nothing', () => {
    const first = planImport(sources, rules, { paths: new Set() }, today);
    const paths = new Set(first.create.map((file) => file.to));
    const second = planImport(sources, rules, { paths, parts: ['basics'], chapterNumbers: new Map([['basics', [1, 2]]]) }, today);
    expect(second.create).toEqual([]);
    expect(second.existing.map((file) => file.to).sort()).toEqual([...paths].filter((path) => path !== 'parts.yaml').sort());
  });

  it('numbers chapters after those of the part, and leaves out chapters of a part parts.yaml lacks', () => {
    const numbered = planImport(sources, rules, { paths: new Set(['parts.yaml']), parts: ['basics'], chapterNumbers: new Map([['basics', [1, 4]]]) }, today);
    expect(numbered.create.map((file) => file.to).filter((to) => to.startsWith('chapters/'))).toEqual(['chapters/basics/05-chapter-one.md', 'chapters/basics/06-chapter-two.md']);
    const lacking = planImport(sources, rules, { paths: new Set(['parts.yaml']), parts: ['other'] }, today);
    expect(lacking.create.some((file) => file.to.startsWith('chapters/'))).toBe(false);
    expect(lacking.report).toContainEqual({ path: 'course/Chapter One.md', message: 'part "basics" is not in the garden\'s parts.yaml: left out (add the part, then import again)' });
  });

  it('maps by tag too, names clashing slugs apart, and tags an untagged note by its folder', () => {
    const plan = planImport(
      [note('a/Same.md', 'One.'), note('b/Same.md', 'Two #snippet.\n\n$x$'), note('Loose.md', 'No tags at all.')],
      [parseRule('bit', '#snippet')],
      { paths: new Set() },
      today,
    );
    expect(plan.create.map((file) => `${file.to} ← ${file.from}`)).toEqual(['shorts/same.md ← a/Same.md', 'bits/same.md ← b/Same.md', 'shorts/loose.md ← Loose.md']);
    expect(fileText(plan, 'shorts/same.md')).toContain('tags: [a]');
    expect(fileText(plan, 'shorts/loose.md')).toContain('tags: [imported]');
    expect(plan.report).toContainEqual({ path: 'Loose.md', message: 'no tags: tagged "imported"' });
  });

  it('asks for a part with a chapters rule', () => {
    expect(() => parseRule('chapter', 'course')).toThrow(/--chapters needs a part/);
    expect(parseRule('bit', '#Code Snippets')).toEqual({ kind: 'bit', tag: 'code-snippets', part: undefined, partTitle: 'Code Snippets' });
  });
});
