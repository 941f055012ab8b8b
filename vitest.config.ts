import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Three projects in two groups, run one group after the other (`sequence.groupOrder`):
 *
 * 0. unit: every test file outside tests/build and tests/browser, several files at once. They use
 *    folders of their own (mkdtemp), no ports and no shared environment variables. Vitest's default
 *    for `vitest run` is one worker fewer than the cores, which on a 2-core machine is one; ask for
 *    at least two.
 * 1. build and browser: one file at a time across both projects (a group shares one worker limit).
 *    Each file runs a real `astro build` (and Chromium); two at once would fight over the cores.
 *    tests/build/bad-gardens.test.ts runs its cases two at a time inside its file (maxConcurrency).
 */
const SERIAL_GROUP = { fileParallelism: false, sequence: { groupOrder: 1 } } as const;
const SERIAL_DIRS = ['tests/build/**', 'tests/browser/**'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 240_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Every test file not in a serial folder, so a new folder of tests is never left out.
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SERIAL_DIRS],
          maxWorkers: Math.max(2, availableParallelism()),
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], maxConcurrency: 2, ...SERIAL_GROUP },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], ...SERIAL_GROUP },
      },
    ],
  },
});
