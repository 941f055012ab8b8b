import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { ROOT } from '../helpers/build';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

const workflow = yaml.load(readFileSync(join(ROOT, '.github/workflows/pages.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string }>;
};
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('the GitHub Pages workflow', () => {
  const build = workflow.jobs.build!.steps;
  const uses = (steps: Step[]) => steps.map((s) => s.uses?.split('@')[0]).filter(Boolean);

  it('checks out, sets up Node 24, uploads dist/ and deploys it', () => {
    expect(uses(build)).toEqual(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/cache', 'actions/upload-pages-artifact']);
    expect(build.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(24);
    expect(build.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))?.with?.path).toBe('dist');
    expect(workflow.jobs.deploy!.needs).toBe('build');
    expect(uses(workflow.jobs.deploy!.steps)).toEqual(['actions/deploy-pages']);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it('runs the README’s own commands', () => {
    const commands = build.filter((s) => s.run).map((s) => s.run);
    expect(commands).toEqual(['npm install', 'npm run check', 'npm run build']);
    for (const command of commands) expect(readme).toContain(`\`${command}\``);
  });

  it('keeps the build cache between runs, restored after the install and before the build', () => {
    const cache = build.findIndex((s) => s.uses?.startsWith('actions/cache'));
    expect(build[cache]?.with?.path).toBe('node_modules/.astro');
    expect(build[cache]?.with?.['restore-keys']).toBe('garden-build-');
    expect(cache).toBeGreaterThan(build.findIndex((s) => s.run === 'npm install'));
    expect(cache).toBeLessThan(build.findIndex((s) => s.run === 'npm run build'));
  });

  it('takes the site address and base path from the repository', () => {
    const env = build.find((s) => s.run === 'npm run build')?.env ?? {};
    expect(env.SITE_URL).toContain('steps.pages.outputs.origin');
    expect(env.SITE_BASE).toContain('steps.pages.outputs.base_path');
  });
});
