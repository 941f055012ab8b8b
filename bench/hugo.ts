/**
 * Builds the Hugo baseline of a generated garden cold (bench/hugo-site.ts
 * says what the site holds), for `npm run bench`. Hugo is the one on PATH or
 * HUGO_BIN; without either the bench says so and measures only ours.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { hugoSite } from './hugo-site';
import { listFiles } from './page-weight';
import { timedRun } from './timed-run';
import type { BuildRun } from './build-types';

/** The Hugo to compare with and its version line, or undefined when there is none on PATH and no HUGO_BIN. */
export function findHugo(): { bin: string; version: string } | undefined {
  const bin = process.env.HUGO_BIN || 'hugo';
  try {
    return { bin, version: execFileSync(bin, ['version'], { encoding: 'utf8' }).trim() };
  } catch (error) {
    // No hugo on PATH: skip the comparison. A HUGO_BIN that does not run is a mistake to fix, not to skip.
    if (!process.env.HUGO_BIN) return undefined;
    throw new Error(`HUGO_BIN=${bin} does not run (${(error as Error).message.split('\n')[0]}); point it at a hugo binary, or unset it`);
  }
}

/** Writes the Hugo site of the garden in `gardenDir` into `siteDir` (replacing it). */
export function writeHugoSite(gardenDir: string, siteDir: string): void {
  rmSync(siteDir, { recursive: true, force: true });
  const garden = listFiles(gardenDir).map((path) => ({ path, text: readFileSync(join(gardenDir, path), 'utf8') }));
  for (const file of hugoSite(garden)) {
    mkdirSync(dirname(join(siteDir, file.path)), { recursive: true });
    writeFileSync(join(siteDir, file.path), file.text);
  }
}

/** One cold Hugo build of `siteDir` into `siteDir/public`: output, resources and Hugo's cache removed first. */
export function buildHugoCold(bin: string, site: string): Promise<BuildRun> {
  const siteDir = resolve(site);
  for (const dir of ['public', 'resources', 'cache']) rmSync(join(siteDir, dir), { recursive: true, force: true });
  return timedRun({
    name: `hugo build of ${siteDir}`,
    command: bin,
    args: ['--source', siteDir, '--destination', join(siteDir, 'public'), '--cacheDir', join(siteDir, 'cache'), '--quiet'],
    cwd: siteDir,
  });
}
