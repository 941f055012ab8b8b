import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { rmSync } from 'node:fs';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const OUTPUT = join(ROOT, 'tests/.output');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
}

/**
 * Runs a real `astro build` of a garden into tests/.output/<name>, with its own
 * cache so tests never share Astro's content store with each other or with the
 * project's own build.
 */
export function buildGarden(name: string, contentDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
  const outDir = join(OUTPUT, name, 'dist');
  const cacheDir = join(OUTPUT, name, 'cache');
  rmSync(join(OUTPUT, name), { recursive: true, force: true });
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [ASTRO, 'build'], {
      cwd: ROOT,
      env: {
        ...process.env,
        GARDEN_CONTENT: contentDir,
        GARDEN_OUT_DIR: outDir,
        GARDEN_CACHE_DIR: cacheDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output, outDir }));
  });
}
