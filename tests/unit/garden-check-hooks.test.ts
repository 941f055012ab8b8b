import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gardenCheck } from '../../src/build/garden-check';
import { scanBody, type BodyScan } from '../../src/lib/check/body-scan';
import { ROOT } from '../helpers/build';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type Hook = (options: Record<string, unknown>) => Promise<void> | void;

/** A garden whose only mistake is in a body: a link to a page the build does not make. */
function setting(bitFrontmatter = 'title: Linker\ntags: [python]\nwhy: W.') {
  const dir = mkdtempSync(join(tmpdir(), 'garden-check-hooks-'));
  dirs.push(dir);
  const content = join(dir, 'content');
  mkdirSync(join(content, 'bits'), { recursive: true });
  const body = 'See [gone](/bits/gone/).';
  writeFileSync(join(content, 'bits/linker.md'), `---\n${bitFrontmatter}\n---\n${body}\n`);
  writeFileSync(join(content, 'bits/other.md'), '---\ntitle: Other\ntags: [python]\nwhy: W.\n---\n```python\nx = 1\n```\n');
  let finish!: (scans: Map<string, BodyScan>) => void;
  const scans = new Promise<Map<string, BodyScan>>((resolve) => (finish = resolve));
  const integration = gardenCheck({ contentDir: content, scans: () => scans });
  const lines: string[] = [];
  const logger = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
  const options = { command: 'build', config: { root: pathToFileURL(`${ROOT}/`), cacheDir: pathToFileURL(join(dir, 'cache/')) }, logger, updateConfig: () => {} };
  return {
    setup: async () => (integration.hooks['astro:config:setup'] as unknown as Hook)(options),
    workersDone: () => finish(new Map([[body, scanBody(body)]])),
  };
}

describe('the garden check in a build with render workers', () => {
  it("waits for the workers' scans and reports what they show", async () => {
    const { setup, workersDone } = setting();
    let settled = false;
    const reported = setup().finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    workersDone();
    await expect(reported).rejects.toThrow(/linker\.md:6: link: \(\/bits\/gone\/\): no page of the garden has this address/);
  });

  it('stops at once on a mistake outside the bodies, without waiting for the workers', async () => {
    const { setup } = setting('tags: [python]\nwhy: W.');
    // Never resolved: the quick look finds the missing title, and the full report parses the bodies itself.
    await expect(setup()).rejects.toThrow(/linker\.md:2: title: required field is missing[\s\S]*linker\.md:5: link/);
  });
});
