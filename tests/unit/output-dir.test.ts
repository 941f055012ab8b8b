import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listOutput, outputFingerprint, removeOutputFiles, staleOutputFiles } from '../../src/build/output-dir';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function outputDir(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'garden-output-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('the output folder between builds', () => {
  it('lists every file but those under .git, and none for a missing folder', () => {
    const dir = outputDir({ 'index.html': 'home', 'bits/a/index.html': 'a', '.git/HEAD': 'ref' });
    expect(listOutput(dir).map((f) => f.path.slice(dir.length + 1)).sort()).toEqual(['bits/a/index.html', 'index.html']);
    expect(listOutput(join(dir, 'missing'))).toEqual([]);
  });

  it('has a fingerprint that changes with any file added, edited or touched, and with the folder', () => {
    const dir = outputDir({ 'index.html': 'home', 'bits/a/index.html': 'a' });
    const before = outputFingerprint(dir, listOutput(dir));
    expect(outputFingerprint(dir, listOutput(dir))).toBe(before);
    expect(outputFingerprint(`${dir}-other`, listOutput(dir))).not.toBe(before);
    utimesSync(join(dir, 'index.html'), new Date(2020, 1, 1), new Date(2020, 1, 1));
    const touched = outputFingerprint(dir, listOutput(dir));
    expect(touched).not.toBe(before);
    writeFileSync(join(dir, 'stray.html'), 'x');
    expect(outputFingerprint(dir, listOutput(dir))).not.toBe(touched);
  });

  it('finds the files a build neither wrote nor kept, and removes them with the folders they leave empty', () => {
    const dir = outputDir({ 'index.html': 'home', 'bits/kept/index.html': 'k', 'bits/drafted/index.html': 'd', '_astro/old.css': 'o', '_astro/new.css': 'n' });
    const since = Date.now() - 60_000;
    const old = new Date(since - 60_000);
    for (const path of ['index.html', 'bits/kept/index.html', 'bits/drafted/index.html', '_astro/old.css']) utimesSync(join(dir, path), old, old);
    const written = new Set([join(dir, 'index.html'), join(dir, 'bits/kept/index.html')]);
    const stale = staleOutputFiles(listOutput(dir), written, since);
    expect(stale.map((path) => path.slice(dir.length + 1)).sort()).toEqual(['_astro/old.css', 'bits/drafted/index.html']);
    removeOutputFiles(dir, stale);
    expect(existsSync(join(dir, 'bits/drafted'))).toBe(false);
    expect(existsSync(join(dir, 'bits/kept/index.html'))).toBe(true);
    expect(existsSync(join(dir, '_astro/new.css'))).toBe(true);
    expect(existsSync(dir)).toBe(true);
  });
});
