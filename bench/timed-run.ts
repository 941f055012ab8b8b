/**
 * Runs a build command and measures its wall time and peak resident memory:
 * GNU time's "Maximum resident set size" when /usr/bin/time is there (it
 * covers the child's own children, as Astro's workers and Hugo's threads),
 * else the child's VmHWM polled from /proc every 50 ms.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { BuildRun } from './build-types';

export interface TimedCommand {
  /** What is built, for the error message. */
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

export function timedRun({ name, command, args, cwd, env = process.env }: TimedCommand): Promise<BuildRun> {
  const timeBinary = existsSync('/usr/bin/time');
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(timeBinary ? '/usr/bin/time' : command, timeBinary ? ['-v', command, ...args] : args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let polled = 0;
    const timer = timeBinary
      ? undefined
      : setInterval(() => {
          try {
            const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (hwm) polled = Math.max(polled, Number(hwm[1]) * 1024);
          } catch {
            // gone
          }
        }, 50);
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearInterval(timer);
      if (code !== 0) return fail(new Error(`${name} failed (${code}):\n${output.slice(-4000)}`));
      const rss = timeBinary ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1] ?? 0) * 1024 : polled;
      done({ seconds, rss });
    });
  });
}
