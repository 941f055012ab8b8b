import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGarden, ROOT, type BuildResult } from '../helpers/build';
import { checkGardenFolder } from '../../src/lib/check/run';

/**
 * Files the garden ignores — a folder's README, `_draft` files, dotfiles —
 * must not reach Astro's content layer either, where their missing or broken
 * frontmatter would stop the build with a schema error the checker never gave.
 */
const IGNORED: Record<string, string> = {
  'bits/README.md': '# Bits\n\nWhat this folder is for.\n',
  'bits/_wip.md': '---\ntitle: Work in progress\n---\nNo tags yet.\n',
  'shorts/readme.md': 'Notes to self.\n',
  'chapters/basics/_outline.md': '---\ntitle: Outline\n---\nPlan.\n',
  'quiz/_scratch.yaml': 'not: [valid\n',
};

let garden: string;
let build: BuildResult;

beforeAll(async () => {
  garden = mkdtempSync(join(tmpdir(), 'garden-ignored-'));
  cpSync(join(ROOT, 'tests/fixtures/good'), garden, { recursive: true });
  for (const [path, text] of Object.entries(IGNORED)) writeFileSync(join(garden, path), text);
  build = await buildGarden('ignored-files', garden);
}, 180_000);

afterAll(() => rmSync(garden, { recursive: true, force: true }));

describe('files the garden ignores', () => {
  it('are passed over by the checker', () => {
    const { problems } = checkGardenFolder(garden, { projectRoot: ROOT });
    expect(problems.filter((p) => Object.keys(IGNORED).some((path) => p.file.endsWith(path)))).toEqual([]);
  });

  it('do not stop the build, and get no page', () => {
    expect(build.code, build.output.slice(-2000)).toBe(0);
    expect(existsSync(join(build.outDir, 'bits/readme'))).toBe(false);
    expect(readdirSync(join(build.outDir, 'bits')).some((name) => name.toLowerCase().includes('wip') || name.toLowerCase() === 'readme')).toBe(false);
    expect(existsSync(join(build.outDir, 'cheatsheets/basics/_outline'))).toBe(false);
  });
});
