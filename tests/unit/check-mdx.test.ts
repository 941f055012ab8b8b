import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMdx } from '../../src/lib/check/mdx';
import { importResolver } from '../../src/lib/check/imports';
import { checkGarden, type GardenFile } from '../../src/lib/check/check';
import { ROOT } from '../helpers/build';

describe('checkMdx', () => {
  it('passes MDX that compiles, math with braces included', () => {
    expect(checkMdx('import X from "./x.astro";\n\nThe score $\\frac{a}{b}$ and <X />, <span>html</span>.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n', 4)).toEqual({
      problems: [],
      imports: [{ specifier: './x.astro', line: 5 }],
    });
  });

  it('reports an unclosed tag at its opening line in the file', () => {
    const { problems } = checkMdx('Intro.\n\n<div>\n\nText.\n', 4);
    expect(problems).toEqual([{ severity: 'error', field: '(mdx)', line: 7, message: expect.stringMatching(/^Expected a closing tag for `<div>`.* \(expected MDX that compiles/) }]);
    expect(problems[0]?.message).not.toMatch(/\d+:\d+-\d+:\d+/);
  });

  it('reports an expression that is not JavaScript with its line', () => {
    expect(checkMdx('Intro.\n\nText {1 +}.\n', 10).problems).toEqual([expect.objectContaining({ line: 13, message: expect.stringContaining('Could not parse expression with acorn') })]);
  });

  it('reports each component used but never imported or defined, and not HTML elements or exported ones', () => {
    const body = 'export const Local = () => null;\n\n<Chart data={[1]} />\n\n<Local /> <figure>x</figure> <ui.Box />\n';
    expect(checkMdx(body, 0).problems.map((p) => [p.line, p.message.split(' (')[0]])).toEqual([
      [3, 'component <Chart> is used but never imported or defined'],
      [5, 'component <ui.Box> is used but never imported or defined'],
    ]);
  });
});

describe('imports of an .mdx note', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'garden-mdx-'));
    mkdirSync(join(root, 'garden/bits'), { recursive: true });
    mkdirSync(join(root, 'garden/components/Box'), { recursive: true });
    writeFileSync(join(root, 'garden/components/Chart.astro'), '---\n---\n<svg />\n');
    writeFileSync(join(root, 'garden/components/Box/index.ts'), 'export default 1;\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('resolve from the note\'s folder, the project root or installed packages', () => {
    const exists = importResolver(join(root, 'garden'), ROOT);
    expect(exists('../components/Chart.astro', 'bits/a.mdx')).toBe(true);
    expect(exists('../components/Chart', 'bits/a.mdx')).toBe(true);
    expect(exists('../components/Box', 'bits/a.mdx')).toBe(true);
    expect(exists('../components/Missing.astro', 'bits/a.mdx')).toBe(false);
    expect(exists('/src/components/TagList.astro', 'bits/a.mdx')).toBe(true);
    expect(exists('fuse.js', 'bits/a.mdx')).toBe(true);
    expect(exists('@astrojs/mdx/whatever', 'bits/a.mdx')).toBe(true);
    expect(exists('no-such-package-here', 'bits/a.mdx')).toBe(false);
    expect(exists('node:path', 'bits/a.mdx')).toBe(true);
  });

  it('are checked on every run, even when the compile result is remembered', () => {
    const note: GardenFile = { path: 'bits/a.mdx', displayPath: 'garden/bits/a.mdx', text: '---\ntitle: A\ntags: [mdx]\n---\nimport Chart from "../components/Chart.astro";\n\n$x$ <Chart />\n' };
    const kept = new Map<string, never>();
    const files = { get: (file: GardenFile) => kept.get(file.text), set: (file: GardenFile, local: never) => void kept.set(file.text, local) };
    const present = checkGarden([note], { files, resolveImport: () => true });
    expect(present).toEqual([]);
    const gone = checkGarden([note], { files, resolveImport: () => false });
    expect(gone).toEqual([expect.objectContaining({ severity: 'error', line: 5, field: '(mdx)', message: expect.stringContaining('cannot find the module "../components/Chart.astro"') })]);
  });
});
