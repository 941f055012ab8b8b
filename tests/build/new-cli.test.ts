import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/build';
import { runCheck, runScript } from '../helpers/check';

let garden: string;
const runNew = (...args: string[]) => runScript('scripts/new.ts', args, { GARDEN_CONTENT: garden }, garden);

beforeEach(() => {
  garden = mkdtempSync(join(tmpdir(), 'author-new-'));
  cpSync(join(ROOT, 'tests/fixtures/good'), garden, { recursive: true });
});

afterEach(() => rmSync(garden, { recursive: true, force: true }));

describe('npm run new', () => {
  it('writes each kind at the right path, prints it, and the garden still checks', async () => {
    const bit = await runNew('bit', 'Binary search: a safe midpoint', '--tags', 'algorithms,python');
    expect(bit.code, bit.output).toBe(0);
    expect(bit.output.trim()).toBe('bits/binary-search-a-safe-midpoint.md');

    const short = await runNew('short', 'The KV cache, again', '--tags', 'llm', '--track', 'llm');
    expect(short.output.trim()).toBe('shorts/the-kv-cache-again.md');
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(readFileSync(join(garden, 'shorts/the-kv-cache-again.md'), 'utf8')).toContain(`date: ${iso}\n`);

    // The good garden's part "basics" has chapters 1, 2 and 3 (a draft): the next is 4.
    const chapter = await runNew('chapter', 'Broadcasting rules', '--part', 'basics');
    expect(chapter.output.trim()).toBe('chapters/basics/04-broadcasting-rules.md');
    expect(readFileSync(join(garden, 'chapters/basics/04-broadcasting-rules.md'), 'utf8')).toContain('chapter: 4\n');

    const quiz = await runNew('quiz', 'Gradients');
    expect(quiz.output.trim()).toBe('quiz/basics-02.yaml');
    expect(readFileSync(join(garden, 'quiz/basics-02.yaml'), 'utf8')).toMatch(/^chapter: basics\/02-gradients\n/);

    const check = await runCheck(garden);
    expect(check.code, check.output).toBe(0);
  }, 60_000);

  it('refuses to overwrite a file, or to add a second file with the same slug', async () => {
    const original = readFileSync(join(garden, 'bits/stable-softmax.md'), 'utf8');
    const again = await runNew('bit', 'Stable softmax');
    expect(again.code).toBe(1);
    expect(again.output).toContain('bits/stable-softmax.md already exists; not overwriting it');
    expect(readFileSync(join(garden, 'bits/stable-softmax.md'), 'utf8')).toBe(original);

    writeFileSync(join(garden, 'bits/only-mdx.mdx'), original);
    const clash = await runNew('bit', 'Only MDX');
    expect(clash.code).toBe(1);
    expect(clash.output).toContain('bits/only-mdx.mdx already exists');
    expect(existsSync(join(garden, 'bits/only-mdx.md'))).toBe(false);
  }, 60_000);

  it('explains a mistake on the command line and writes nothing', async () => {
    const result = await runNew('chapter', 'Somewhere', '--part', 'nope');
    expect(result.code).toBe(1);
    expect(result.output).toContain('npm run new: --part: expected one of the parts in parts.yaml ("basics"), got "nope"');
    const usage = await runNew('essay', 'Title');
    expect(usage.code).toBe(1);
    expect(usage.output).toContain('Usage: npm run new -- <bit|short|chapter|quiz> "Title"');
  }, 60_000);
});
