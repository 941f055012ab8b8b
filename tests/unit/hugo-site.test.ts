import { describe, expect, it } from 'vitest';
import { hugoSite, wikilinksToMarkdown } from '../../bench/hugo-site';

const garden = [
  { path: 'parts.yaml', text: '- id: part-01\n  number: 1\n  title: Foundations\n  summary: "Where it starts."\n' },
  { path: 'bits/softmax-1.md', text: '---\ntitle: "Softmax"\ntags: [python, attention]\ndate: 2025-01-02\n---\nSee [[shorts/attention-2]] and $e^x$.\n\n```python\nx = 1\n```\n' },
  { path: 'shorts/attention-2.md', text: '---\ntitle: "Attention"\nsummary: "Scores."\ndate: 2025-02-03\ntags: [attention]\n---\nBack to [[softmax-1|softmax]], on to [[part-01/01-tensors-3]], not [[nowhere]].\n' },
  { path: 'chapters/part-01/01-tensors-3.md', text: '---\ntitle: "Tensors"\npart: part-01\nchapter: 1\nsummary: "Shapes."\n---\n## One\n\nText.\n' },
  { path: 'quiz/part-01-01.yaml', text: 'chapter: part-01/01-tensors-3\nfacts: []\n' },
];

describe('the Hugo baseline of a generated garden', () => {
  const site = hugoSite(garden);
  const file = (path: string) => site.find((f) => f.path === path)?.text;

  it('places each note where our site places its page, keeping its frontmatter and body', () => {
    expect(file('content/bits/softmax-1.md')).toContain('---\ntitle: "Softmax"\ntags: [python, attention]\ndate: 2025-01-02\n---\n');
    expect(file('content/bits/softmax-1.md')).toContain('$e^x$.\n\n```python\nx = 1\n```\n');
    expect(file('content/shorts/attention-2.md')).toContain('summary: "Scores."');
    expect(file('content/cheatsheets/part-01/01-tensors-3.md')).toContain('## One\n\nText.');
  });

  it('turns wikilinks into links to those pages and leaves unknown targets as written', () => {
    expect(file('content/bits/softmax-1.md')).toContain('See [shorts/attention-2](/shorts/attention-2/)');
    expect(file('content/shorts/attention-2.md')).toContain('Back to [softmax](/bits/softmax-1/), on to [part-01/01-tensors-3](/cheatsheets/part-01/01-tensors-3/), not [[nowhere]].');
  });

  it('makes each part a section titled from parts.yaml, and gives Hugo its config and layouts', () => {
    expect(file('content/cheatsheets/part-01/_index.md')).toBe('---\ntitle: "Part 1: Foundations"\nweight: 1\nsummary: "Where it starts."\n---\n');
    expect(file('content/bits/_index.md')).toBe('---\ntitle: "Bits"\n---\n');
    expect(file('hugo.toml')).toMatch(/\[taxonomies\]\s+tag = "tags"/);
    expect(file('hugo.toml')).toContain('paginate = 50');
    for (const layout of ['_default/baseof.html', '_default/list.html', '_default/single.html', '_default/terms.html', 'index.html', 'partials/entry.html']) expect(file(`layouts/${layout}`)).toBeTruthy();
  });

  it('leaves out what Hugo has no counterpart for (quiz facts)', () => {
    expect(site.some((f) => f.path.includes('quiz'))).toBe(false);
  });
});

describe('wikilinksToMarkdown', () => {
  it('changes nothing when no target is known, inside code or not', () => {
    expect(wikilinksToMarkdown('a [link](/x/) and `[[code]]`', new Map())).toBe('a [link](/x/) and `[[code]]`');
  });
});
