import { describe, expect, it } from 'vitest';
import {
  chapterNumberOf,
  findChapter,
  localIsoDate,
  nextChapterNumber,
  parseNewArgs,
  scaffold,
  slugify,
  yamlText,
  type NewRequest,
  type ScaffoldContext,
} from '../../src/lib/scaffold';
import { checkGarden } from '../../src/lib/check/check';

const NOW = new Date(2026, 5, 7, 23, 30); // 7 June 2026, late evening, local time
const CONTEXT: ScaffoldContext = {
  now: NOW,
  parts: ['basics', 'advanced'],
  chapterNumbers: new Map([['basics', [1, 2, 5]]]),
  chapters: [
    { id: 'basics/01-shapes', title: 'Shapes and axes', part: 'basics', chapter: 1 },
    { id: 'basics/02-gradients', title: 'Gradients', part: 'basics', chapter: 2 },
    { id: 'advanced/01-gradients', title: 'Gradients', part: 'advanced', chapter: 1 },
  ],
};
const request = (kind: NewRequest['kind'], title: string, extra: Partial<NewRequest> = {}): NewRequest => ({ kind, title, tags: [], draft: false, ...extra });

/** What the generated file looks like to the checker, in a garden with the parts and chapters above. */
function checkScaffold(path: string, text: string) {
  const parts = '- id: basics\n  number: 1\n  title: Basics\n- id: advanced\n  number: 2\n  title: Advanced\n';
  const chapter = (id: string, n: number) => `---\ntitle: C\npart: ${id.split('/')[0]}\nchapter: ${n}\n---\nx\n`;
  const files = [
    { path: 'parts.yaml', text: parts },
    { path: 'chapters/basics/01-shapes.md', text: chapter('basics/01-shapes', 1) },
    { path: 'chapters/basics/02-gradients.md', text: chapter('basics/02-gradients', 2) },
    { path: path, text },
  ];
  return checkGarden(files.map((f) => ({ ...f, displayPath: f.path })));
}

describe('slugify', () => {
  it.each<[string, string]>([
    ['Binary search with a safe midpoint', 'binary-search-with-a-safe-midpoint'],
    ['Binary search: a safe midpoint!', 'binary-search-a-safe-midpoint'],
    ['Café au lait — naïve', 'cafe-au-lait-naive'],
    ["Don't repeat yourself", 'dont-repeat-yourself'],
    ['  KV cache / GQA (2026)  ', 'kv-cache-gqa-2026'],
    ['C++ & Rust', 'c-rust'],
    ['!!!', ''],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts a long title at a word, within 60 characters', () => {
    const slug = slugify('A very long title about the numerically stable computation of softmax and log-sum-exp in practice');
    expect(slug).toBe('a-very-long-title-about-the-numerically-stable-computation');
    expect(slug.length).toBeLessThanOrEqual(60);
  });
});

describe('dates and numbers', () => {
  it('dates a short by the author’s local day', () => {
    expect(localIsoDate(NOW)).toBe('2026-06-07');
    expect(localIsoDate(new Date(2026, 0, 1, 0, 5))).toBe('2026-01-01');
  });

  it('numbers a chapter after the part’s highest', () => {
    expect(nextChapterNumber([])).toBe(1);
    expect(nextChapterNumber([1, 2, 5])).toBe(6);
    expect(nextChapterNumber([3, 1])).toBe(4);
  });

  it('reads a chapter number from frontmatter, else from the file name', () => {
    expect(chapterNumberOf('07-x.md', '---\ntitle: X\nchapter: 9\n---\n')).toBe(9);
    expect(chapterNumberOf('07-x.md', '---\ntitle: [broken\n---\n')).toBe(7);
    expect(chapterNumberOf('07-x.md', 'no frontmatter')).toBe(7);
    expect(chapterNumberOf('intro.md', '---\nchapter: one\n---\n')).toBeUndefined();
  });

  it('quotes YAML text only when it must', () => {
    expect(yamlText('Plain title')).toBe('Plain title');
    expect(yamlText('Why: a colon')).toBe("'Why: a colon'");
    expect(yamlText('#hash first')).toBe("'#hash first'");
    expect(yamlText('yes')).toBe("'yes'");
  });
});

describe('parseNewArgs', () => {
  it('reads the kind, the title and the options', () => {
    expect(parseNewArgs(['short', 'The KV cache', '--tags', 'llm,KV Cache', '--track=llm', '--draft'])).toEqual({
      kind: 'short',
      title: 'The KV cache',
      tags: ['llm', 'KV Cache'],
      part: undefined,
      track: 'llm',
      date: undefined,
      draft: true,
    });
    expect(parseNewArgs(['chapter', 'Broadcasting', 'rules', '--part', 'basics'])).toMatchObject({ title: 'Broadcasting rules', part: 'basics' });
  });

  it.each<[string[], RegExp]>([
    [[], /expected one of bit, short, chapter, quiz first, got nothing/],
    [['essay', 'X'], /expected one of bit, short, chapter, quiz first, got "essay"/],
    [['bit'], /expected a title after "bit", got nothing/],
    [['bit', 'X', '--tags'], /--tags needs a value/],
    [['bit', 'X', '--colour', 'red'], /unknown option --colour/],
    [['bit', 'X', '--tags', '!!,??'], /--tags: expected tags with letters or digits, got "!!,\?\?"/],
    [['short', 'X', '--track', 'Time Series'], /--track: expected lowercase letters, digits and hyphens/],
    [['short', 'X', '--date', 'June 7'], /--date: expected YYYY-MM-DD, got "June 7"/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseNewArgs(argv)).toThrow(message);
  });
});

describe('scaffold', () => {
  it('writes a bit at bits/<slug>.md, dated today, that the checker accepts', () => {
    const file = scaffold(request('bit', 'Binary search: a safe midpoint', { tags: ['Algorithms', 'python'] }), CONTEXT);
    expect(file.path).toBe('bits/binary-search-a-safe-midpoint.md');
    expect(file.clashes).toEqual(['bits/binary-search-a-safe-midpoint.mdx']);
    expect(file.text).toBe("---\ntitle: 'Binary search: a safe midpoint'\ntags: [algorithms, python]\ndate: 2026-06-07\n---\nThe idea in a line or two.\n\n```python\n# the snippet\n```\n");
    expect(checkScaffold(file.path, file.text)).toEqual([]);
  });

  it('writes a short dated today, with its track, that the checker accepts', () => {
    const file = scaffold(request('short', 'The KV cache', { tags: ['llm'], track: 'llm' }), CONTEXT);
    expect(file.path).toBe('shorts/the-kv-cache.md');
    expect(file.text).toContain('date: 2026-06-07\n');
    expect(file.text).toContain('track: llm\n');
    expect(checkScaffold(file.path, file.text)).toEqual([]);
  });

  it('takes another date and marks a draft', () => {
    const file = scaffold(request('short', 'Later', { date: '2026-12-31', draft: true }), CONTEXT);
    expect(file.text).toContain('date: 2026-12-31\n');
    expect(file.text).toContain('draft: true\n');
    expect(file.text).toContain('tags: [notes]\n');
    expect(checkScaffold(file.path, file.text)).toEqual([]);
  });

  it('numbers a chapter after the last one of its part', () => {
    const file = scaffold(request('chapter', 'Broadcasting rules', { part: 'basics' }), CONTEXT);
    expect(file.path).toBe('chapters/basics/06-broadcasting-rules.md');
    expect(file.text).toMatch(/^---\ntitle: Broadcasting rules\npart: basics\nchapter: 6\n/);
    expect(checkScaffold(file.path, file.text)).toEqual([]);
    expect(scaffold(request('chapter', 'First', { part: 'advanced' }), CONTEXT).path).toBe('chapters/advanced/01-first.md');
  });

  it('picks the only part, and refuses to guess among several', () => {
    expect(scaffold(request('chapter', 'Solo'), { ...CONTEXT, parts: ['basics'] }).path).toBe('chapters/basics/06-solo.md');
    expect(() => scaffold(request('chapter', 'X'), CONTEXT)).toThrow('--part: expected one of the parts in parts.yaml ("basics", "advanced"), got nothing');
    expect(() => scaffold(request('chapter', 'X', { part: 'nope' }), CONTEXT)).toThrow('--part: expected one of the parts in parts.yaml ("basics", "advanced"), got "nope"');
    expect(() => scaffold(request('chapter', 'X'), { ...CONTEXT, parts: [] })).toThrow(/parts\.yaml lists none/);
  });

  it('writes a quiz for a chapter named by title or id', () => {
    const file = scaffold(request('quiz', 'shapes and axes'), CONTEXT);
    expect(file.path).toBe('quiz/basics-01.yaml');
    expect(file.clashes).toEqual(['quiz/basics-01.yml']);
    expect(file.text).toMatch(/^chapter: basics\/01-shapes\nfacts:\n {2}- question: A question about Shapes and axes\?\n/);
    expect(checkScaffold(file.path, file.text)).toEqual([]);
    expect(scaffold(request('quiz', 'basics/02-gradients'), CONTEXT).path).toBe('quiz/basics-02.yaml');
  });

  it('asks which chapter when a title is ambiguous or unknown', () => {
    expect(() => scaffold(request('quiz', 'Gradients'), CONTEXT)).toThrow('"Gradients" names 2 chapters (basics/02-gradients, advanced/01-gradients); give its id or --part');
    expect(scaffold(request('quiz', 'Gradients', { part: 'advanced' }), CONTEXT).path).toBe('quiz/advanced-01.yaml');
    expect(() => scaffold(request('quiz', 'Optimisers'), CONTEXT)).toThrow(/^expected a chapter's title or id \("basics\/01-shapes" \(Shapes and axes\), .*got "Optimisers"$/);
  });

  it('refuses a title with nothing to make a file name of', () => {
    expect(() => scaffold(request('bit', '???'), CONTEXT)).toThrow('the title "???" has no letters or digits to make a file name from');
  });
});

describe('findChapter', () => {
  it('matches the file name alone', () => {
    expect(findChapter('01-shapes', undefined, CONTEXT.chapters).id).toBe('basics/01-shapes');
  });
});
