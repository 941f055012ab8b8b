import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureBuildKey } from '../helpers/fixture-site';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A git work tree with a file in each place the key reads, and in each it must not. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'garden-fixture-key-'));
  dirs.push(root);
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('.gitignore', 'node_modules/\ntests/.output/\n');
  write('package-lock.json', '{"packages":{}}');
  write('astro.config.ts', 'export default {};');
  write('src/lib/a.ts', 'export const a = 1;');
  write('tests/fixtures/site/bits/a.md', '---\ntitle: A\n---\nBody.\n');
  write('tests/browser/smoke.test.ts', '// a test');
  write('tests/helpers/build.ts', '// runs astro build');
  write('tests/helpers/serve.ts', '// serves a built site');
  write('content/bits/b.md', '---\ntitle: B\n---\nSample.\n');
  write('bench/build.ts', '// bench');
  write('node_modules/x/index.js', '// ignored');
  execFileSync('git', ['init', '-q'], { cwd: root });
  // Tracked and untracked files alike: a new file counts before it is committed.
  execFileSync('git', ['add', 'src', 'package-lock.json'], { cwd: root });
  const garden = join(root, 'tests/fixtures/site');
  return { root, write, key: (env: NodeJS.ProcessEnv = {}) => fixtureBuildKey(root, garden, env) };
}

describe('the key of the shared fixture build', () => {
  it('is the same for the same files', () => {
    const { key } = project();
    expect(key()).toMatch(/^[0-9a-f]{64}$/);
    expect(key()).toBe(key());
  });

  it.each([
    ['a fixture note', 'tests/fixtures/site/bits/a.md'],
    ['a new fixture file', 'tests/fixtures/site/bits/img/new.png'],
    ['a source file', 'src/lib/a.ts'],
    ['the lockfile', 'package-lock.json'],
    ['the Astro config', 'astro.config.ts'],
    ['a new file not yet added to git', 'public/logo.svg'],
    ['the helper that runs the build', 'tests/helpers/build.ts'],
  ])('changes when %s changes', (_, path) => {
    const { key, write } = project();
    const before = key();
    write(path, 'changed');
    expect(key()).not.toBe(before);
  });

  it.each([
    ['a test file', 'tests/browser/smoke.test.ts'],
    ['a test helper that does not build', 'tests/helpers/serve.ts'],
    ['a note of the sample garden', 'content/bits/b.md'],
    ['a benchmark', 'bench/build.ts'],
    ['an ignored file', 'node_modules/x/index.js'],
    ['a test output', 'tests/.output/fixture-site/dist/index.html'],
  ])('does not change when %s changes', (_, path) => {
    const { key, write } = project();
    const before = key();
    write(path, 'changed');
    expect(key()).toBe(before);
  });

  it('changes with the environment a build reads, and only with it', () => {
    const { key } = project();
    const before = key({ HOME: '/root' });
    expect(key({ HOME: '/elsewhere' })).toBe(before);
    expect(key({ HOME: '/root', SITE_BASE: '/garden/' })).not.toBe(before);
    expect(key({ HOME: '/root', SOCIAL_CARDS: 'on' })).not.toBe(before);
  });

  it('counts a tracked file deleted from the work tree as a change', () => {
    const { key, root } = project();
    const before = key();
    rmSync(join(root, 'src/lib/a.ts'));
    expect(key()).not.toBe(before);
  });
});
