import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { checkGardenFolder } from '../../src/lib/check/run';
import { FileMemo } from '../../src/build/file-memo';
import { formatProblem } from '../../src/lib/errors';
import { ROOT } from '../helpers/build';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The good fixture garden with a file wrong in each way a file can be wrong on its own. */
function garden() {
  const dir = mkdtempSync(join(tmpdir(), 'check-results-'));
  dirs.push(dir);
  const content = join(dir, 'content');
  cpSync(join(ROOT, 'tests/fixtures/good'), content, { recursive: true });
  writeFileSync(join(content, 'bits/bad-formula.md'), '---\ntitle: Bad formula\ntags: [numerics]\n---\nSee $\\frac{a}{b$ here.\n\n```klingon\nqapla\n```\n');
  writeFileSync(join(content, 'bits/bad-yaml.md'), '---\ntitle: [unclosed\ntags: [numerics]\n---\nBody.\n');
  writeFileSync(join(content, 'shorts/bad-date.md'), '---\ntitle: Bad date\nsummary: S.\ndate: June 7\ntags: [numerics]\n---\nBody.\n');
  writeFileSync(join(content, 'notes.md'), 'A file where the garden does not look.\n');
  return { content, cache: join(dir, 'cache') };
}

/** A check as the build runs it: each file's results remembered in the per-file memo of `cacheDir`, saved afterwards. */
const check = (content: string, cacheDir?: string) => {
  const memo = cacheDir ? new FileMemo(join(cacheDir, 'garden-files.bin'), 'code') : undefined;
  const problems = checkGardenFolder(content, { projectRoot: ROOT, cwd: join(content, '..'), ...(memo ? { results: memo.checkResults() } : {}) }).problems.map(formatProblem);
  memo?.save();
  return problems;
};

describe("the check's memory of each file's own results", () => {
  it('gives the same report from memory as from scratch', () => {
    const { content, cache } = garden();
    const fresh = check(content);
    expect(fresh.some((line) => line.includes('KaTeX'))).toBe(true);
    expect(fresh.some((line) => line.includes('invalid YAML'))).toBe(true);
    expect(check(content, cache)).toEqual(fresh);
    expect(check(content, cache)).toEqual(fresh);
  });

  it('takes an unchanged file from memory and checks an edited one again', () => {
    const { content, cache } = garden();
    check(content, cache);
    // Change what is remembered for the bad date: only a report taken from memory can show the change.
    const file = join(cache, 'garden-files.bin');
    const stored = deserialize(readFileSync(file)) as { files: Map<string, [string, { check: { schema: { message: string }[] } }]> };
    stored.files.get('shorts/bad-date.md')![1].check.schema[0]!.message = 'remembered';
    writeFileSync(file, serialize(stored));
    expect(check(content, cache).filter((line) => line.includes('bad-date.md'))).toEqual([expect.stringContaining(': remembered')]);
    writeFileSync(join(content, 'shorts/bad-date.md'), '---\ntitle: Bad date\nsummary: S.\ndate: 7 June\ntags: [numerics]\n---\nBody.\n');
    expect(check(content, cache).filter((line) => line.includes('bad-date.md'))).toEqual([expect.stringMatching(/date: expected .*"7 June"/)]);
  });

  it('keeps YAML values JSON cannot hold, so a remembered file reads as it did', () => {
    const { content, cache } = garden();
    writeFileSync(join(content, 'shorts/infinite.md'), '---\ntitle: .inf\nsummary: .nan\ndate: 2026-01-01\ntags: [numerics]\n---\nBody.\n');
    const fresh = check(content);
    expect(fresh.filter((line) => line.includes('infinite.md')).length).toBeGreaterThan(0);
    check(content, cache);
    expect(check(content, cache)).toEqual(fresh);
  });
});
