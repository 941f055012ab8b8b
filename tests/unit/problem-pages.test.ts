import { describe, expect, it } from 'vitest';
import { problemPageHtml, problemPages } from '../../src/lib/check/problem-pages';
import type { ContentProblem } from '../../src/lib/errors';

const error = (file: string, line: number, field: string, message: string): ContentProblem => ({ severity: 'error', file, line, field, message });

describe('the pages of broken notes in astro dev', () => {
  const problems: ContentProblem[] = [
    error('garden/bits/broken.md', 3, 'tags', 'expected a list, got "python"'),
    error('garden/bits/broken.md', 7, 'math', 'KaTeX cannot typeset "<x"'),
    error('garden/chapters/basics/01-intro.md', 4, 'chapter', 'expected a number'),
    error('garden/quiz/basics-01.yaml', 2, 'facts', 'expected at least one item'),
    { ...error('garden/shorts/s.md', 5, 'code', 'unknown language'), severity: 'warning' },
    error('elsewhere/bits/x.md', 1, 'title', 'missing'),
  ];

  it('are the addresses of the notes with errors, with the base path', () => {
    const pages = problemPages(problems, { contentDir: '/work/garden', cwd: '/work', base: '/docs/' });
    expect([...pages.keys()]).toEqual(['/docs/bits/broken/', '/docs/cheatsheets/basics/01-intro/']);
    expect(pages.get('/docs/bits/broken/')?.map((p) => p.line)).toEqual([3, 7]);
  });

  it('list the errors as npm run check prints them, escaped', () => {
    const html = problemPageHtml(problems.slice(0, 2));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>This note has 2 content errors</h1>');
    expect(html).toContain('<li><code>garden/bits/broken.md:3: tags: expected a list, got &quot;python&quot;</code></li>');
    expect(html).toContain('KaTeX cannot typeset &quot;&lt;x&quot;');
  });
});
