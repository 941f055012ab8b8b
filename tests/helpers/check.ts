import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build';
import { listFiles } from './files';

export interface RunResult {
  code: number | null;
  output: string;
}

/** Runs a project script (`scripts/check.ts`, `scripts/new.ts`) exactly as its npm script does, with the project's Node. */
export function runScript(script: string, args: readonly string[], env: Record<string, string> = {}, cwd = ROOT): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', join(ROOT, 'scripts/ts-hooks.mjs'), join(ROOT, script), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

/** `npm run check -- <garden>` */
export function runCheck(contentDir: string, env: Record<string, string> = {}): Promise<RunResult> {
  return runScript('scripts/check.ts', [contentDir], env);
}

/** One hash over every file's path and bytes: equal before and after means nothing was written. */
export function hashTree(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir)) hash.update(file).update('\0').update(readFileSync(join(dir, file))).update('\0');
  return hash.digest('hex');
}
