import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/build';
import { hashTree, runCheck, runScript } from '../helpers/check';
import { FIXTURE_SITE } from '../helpers/fixture-site';

let garden: string;

beforeAll(() => {
  garden = mkdtempSync(join(tmpdir(), 'author-check-'));
  cpSync(join(ROOT, 'tests/fixtures/good'), garden, { recursive: true });
  // Two errors and a warning in one garden: one pass must report all three.
  writeFileSync(join(garden, 'bits/no-title.md'), '---\ntags: [python]\n---\n```python\nx\n```\n');
  writeFileSync(join(garden, 'shorts/bad-link.md'), '---\ntitle: L\nsummary: S.\ndate: 2026-01-01\ntags: [llm]\n---\nSee [this](/bits/stable-sofmax/).\n\n```pyhton\nx\n```\n');
});

afterAll(() => rmSync(garden, { recursive: true, force: true }));

describe('npm run check', () => {
  // The project's own garden (content/: the sample, or the author's notes that replace it) must check without an
  // error, as its build would fail otherwise, and the check writes nothing into it. That the sample has no warning
  // either is .ci/run's check, since an author's own garden may well have some.
  it("passes the project's garden (content/) with no error and leaves it unchanged", async () => {
    const before = hashTree(join(ROOT, 'content'));
    const result = await runCheck(join(ROOT, 'content'));
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/✓ 0 errors, \d+ warnings? in \d+ files \(\d+\.\d\d s\)/);
    expect(hashTree(join(ROOT, 'content'))).toBe(before);
  });

  it('passes the fixture garden the browser tests build with no error and no warning', async () => {
    const result = await runCheck(FIXTURE_SITE);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/✓ 0 errors, 0 warnings in \d+ files/);
  });

  it('reports a Mermaid diagram that does not parse, with its file and line, among the other problems', async () => {
    const diagrams = mkdtempSync(join(tmpdir(), 'author-check-diagrams-'));
    cpSync(join(ROOT, 'tests/fixtures/diagrams'), diagrams, { recursive: true });
    writeFileSync(join(diagrams, 'bits/broken-diagram.md'), '---\ntitle: Broken\ntags: [systems]\n---\n```mermaid\nsequenceDiagram\n  Alice->>Bob: hi\n  Bob-->>\n```\n');
    const result = await runCheck(diagrams);
    rmSync(diagrams, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/broken-diagram\.md:8: diagram: Mermaid cannot parse the diagram: Parse error on line 3/);
    expect(result.output).toMatch(/✗ 1 error, 1 warning in 5 files/);
  });

  it('passes the good fixture, listing its warnings', async () => {
    const result = await runCheck(join(ROOT, 'tests/fixtures/good'));
    expect(result.code).toBe(0);
    expect(result.output).toContain('warning: tests/fixtures/good/shorts/kv-cache.md:16: code: unknown code-fence language "unknownlang"');
  });

  it('reads GARDEN_CONTENT when no folder is given', async () => {
    const result = await runScript('scripts/check.ts', [], { GARDEN_CONTENT: join(ROOT, 'tests/fixtures/bad/bad-date') });
    expect(result.code).toBe(1);
    expect(result.output).toContain('tests/fixtures/bad/bad-date/shorts/kv-cache.md:4: date: expected YYYY-MM-DD, got "June 7"');
  });

  it('reports every problem in one pass, errors first, one per line, and exits 1', async () => {
    const before = hashTree(garden);
    const result = await runCheck(garden);
    expect(result.code).toBe(1);
    const lines = result.output.trim().split('\n');
    const problems = lines.filter((line) => /^(warning: )?\//.test(line));
    const firstWarning = problems.findIndex((line) => line.startsWith('warning: '));
    expect(problems.slice(0, firstWarning)).toEqual([
      `${garden}/bits/no-title.md:2: title: required field is missing (expected text)`,
      `${garden}/shorts/bad-link.md:7: link: (/bits/stable-sofmax/): no page of the garden has this address (expected the address of a generated page, such as "/bits/stable-softmax/", got "/bits/stable-sofmax/")`,
    ]);
    expect(problems.slice(firstWarning)).toContain(
      `warning: ${garden}/shorts/bad-link.md:9: code: unknown code-fence language "pyhton" (rendered as plain text; expected a Shiki language such as python, ts, bash or text)`,
    );
    expect(problems.slice(firstWarning).every((line) => line.startsWith('warning: '))).toBe(true);
    expect(lines.at(-1)).toMatch(/^✗ 2 errors, \d+ warnings in 14 files/);
    expect(hashTree(garden)).toBe(before);
  });

  it('says so when the garden folder does not exist', async () => {
    const result = await runCheck(join(garden, 'nowhere'));
    expect(result.code).toBe(1);
    expect(result.output).toContain(`npm run check: no garden folder at ${join(garden, 'nowhere')}`);
  });

  it('explains itself', async () => {
    const result = await runScript('scripts/check.ts', ['--help']);
    expect(result.code).toBe(0);
    expect(result.output).toContain('Usage: npm run check');
  });
});
