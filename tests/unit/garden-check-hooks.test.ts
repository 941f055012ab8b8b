import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gardenCheck } from '../../src/build/garden-check';
import { FileMemo } from '../../src/build/file-memo';
import { ROOT } from '../helpers/build';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

type Hook = (options: Record<string, unknown>) => Promise<void> | void;

/** A garden whose one mistake in a body is a link to a page the build does not make. */
function setting(bitFrontmatter = 'title: Linker\ntags: [python]\nwhy: W.') {
  const dir = mkdtempSync(join(tmpdir(), 'garden-check-hooks-'));
  dirs.push(dir);
  const content = join(dir, 'content');
  mkdirSync(join(content, 'bits'), { recursive: true });
  writeFileSync(join(content, 'bits/linker.md'), `---\n${bitFrontmatter}\n---\nSee [gone](/bits/gone/).\n`);
  writeFileSync(join(content, 'bits/other.md'), '---\ntitle: Other\ntags: [python]\nwhy: W.\n---\n```python\nx = 1\n```\n');
  const memoFile = join(dir, 'cache/garden-files.bin');
  const errors: string[] = [];
  const setup = async (memo = new FileMemo(memoFile, 'code'), more: Partial<Parameters<typeof gardenCheck>[0]> = {}) => {
    const integration = gardenCheck({ contentDir: content, memo, ...more });
    const logger = { info: () => {}, warn: () => {}, error: (line: string) => void errors.push(line) };
    const options = { command: 'build', config: { root: pathToFileURL(`${ROOT}/`), cacheDir: pathToFileURL(join(dir, 'cache/')) }, logger, updateConfig: () => {} };
    return (integration.hooks['astro:config:setup'] as unknown as Hook)(options);
  };
  return { setup, memoFile, errors };
}

describe('the garden check in a build', () => {
  it('parses the bodies itself and stops the build on what they show', async () => {
    const { setup } = setting();
    await expect(setup()).rejects.toThrow(/linker\.md:6: link: \(\/bits\/gone\/\): no page of the garden has this address/);
  });

  it('reports a mistake outside the bodies together with those in them', async () => {
    const { setup } = setting('tags: [python]\nwhy: W.');
    await expect(setup()).rejects.toThrow(/linker\.md:2: title: required field is missing[\s\S]*linker\.md:5: link/);
  });

  it("remembers each file's results in the per-file memo, even when the check stops the build", async () => {
    const { setup, memoFile } = setting();
    await expect(setup()).rejects.toThrow(/link/);
    const memo = new FileMemo(memoFile, 'code');
    const remembered = memo.of('bits/linker.md', '---\ntitle: Linker\ntags: [python]\nwhy: W.\n---\nSee [gone](/bits/gone/).\n').check;
    // Lines of a scan count from the body's top.
    expect(remembered?.scan?.rootLinks).toEqual([{ url: '/bits/gone/', line: 1 }]);
    // Taken from memory, the report is the same.
    await expect(setup(memo)).rejects.toThrow(/linker\.md:6: link: \(\/bits\/gone\/\)/);
  });

  it('with onErrors "exit", prints the garden\'s lines and a last one, stops the workers and exits 1: no stack trace, no "unhandled error"', async () => {
    const { setup, errors } = setting();
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const beforeExit = vi.fn();
    await expect(setup(undefined, { onErrors: 'exit', beforeExit })).rejects.toThrow('exit 1');
    expect(exit).toHaveBeenCalledWith(1);
    expect(beforeExit).toHaveBeenCalledOnce();
    expect(errors).toEqual([
      expect.stringMatching(/linker\.md:6: link: \(\/bits\/gone\/\): no page of the garden has this address/),
      'The build stopped: the garden has 1 content error (npm run check lists them with the warnings).',
    ]);
  });
});
