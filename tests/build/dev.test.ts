import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/build';

/**
 * `npm run dev` on a copy of a small garden: drafts show with their badge,
 * and new, changed, broken, fixed and deleted files show up without a
 * restart, while the server keeps running.
 */
let work: string;
let garden: string;
let server: ChildProcess;
let url: string;
let output = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function get(path: string): Promise<{ status: number; html: string }> {
  try {
    const response = await fetch(url + path, { signal: AbortSignal.timeout(15_000) });
    return { status: response.status, html: await response.text() };
  } catch {
    return { status: 0, html: '' };
  }
}

/** Polls until `ready` holds (the dev server reloads content asynchronously); fails with the last state. */
async function waitFor<T>(what: string, probe: () => Promise<T> | T, ready: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!ready(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server output:\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await probe();
  }
  return last;
}

/** The test runner's environment without its own markers (NODE_ENV=test, VITEST…), which would change how Vite serves. */
function devEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST') && key !== 'TEST'));
}

const newBit = (title: string, tags: string) => `---\ntitle: ${title}\ntags: ${tags}\n---\n\`\`\`python\nx = 1\n\`\`\`\n`;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'author-dev-'));
  garden = join(work, 'garden');
  cpSync(join(ROOT, 'tests/fixtures/good'), garden, { recursive: true });
  // Broken before the server starts: Astro's first load of the notes must not stop the server on it.
  writeFileSync(join(garden, 'bits/broken-at-start.md'), '---\ntags: [python]\n---\n```python\nx = 1\n```\n');
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...devEnv(), GARDEN_CONTENT: garden, GARDEN_CACHE_DIR: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  await waitFor('the dev server', () => get('/'), (page) => page.status === 200, 90_000);
}, 120_000);

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
  }
  rmSync(work, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('shows drafts, each with a visible draft badge', async () => {
    const page = await get('/bits/unfinished-idea/');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<h1[^>]*>Secret draft bit zebra <span class="badge"[^>]*>draft<\/span>/);
    const listing = await get('/bits/');
    expect(listing.html).toMatch(/>Secret draft bit zebra<\/a> <span class="badge"[^>]*>draft<\/span>/);
    expect((await get('/shorts/draft-short/')).html).toMatch(/class="badge"[^>]*>draft</);
  });

  it('starts with a broken note: its error said once, shown on its page, and the note loaded once fixed', async () => {
    expect(output.match(/bits\/broken-at-start\.md:2: title: required field is missing \(expected text\)/g)).toHaveLength(1);
    expect(output).not.toMatch(/InvalidContentEntryDataError|\*\*title\*\*/);
    const page = await get('/bits/broken-at-start/');
    expect(page.status).toBe(500);
    expect(page.html).toMatch(/broken-at-start\.md:2: title: required field is missing/);
    expect((await get('/bits/')).status).toBe(200);
    writeFileSync(join(garden, 'bits/broken-at-start.md'), newBit('Broken no more', '[python]'));
    await waitFor('the fixed note', () => get('/bits/broken-at-start/'), (p) => p.status === 200 && p.html.includes('Broken no more'));
    unlinkSync(join(garden, 'bits/broken-at-start.md'));
    await waitFor('the page to go', () => get('/bits/broken-at-start/'), (p) => p.status === 404);
  }, 60_000);

  it('shows a new file without a restart', async () => {
    writeFileSync(join(garden, 'bits/brand-new.md'), newBit('Brand new bit', '[python]'));
    const page = await waitFor('the new page', () => get('/bits/brand-new/'), (p) => p.status === 200 && p.html.includes('Brand new bit'));
    expect(page.html).toMatch(/<h1[^>]*>Brand new bit /);
    await waitFor('the listing', () => get('/bits/'), (p) => p.html.includes('Brand new bit'));
  }, 60_000);

  it('reports a broken file once, by file, line and field, shows the error on its page, and keeps serving', async () => {
    const before = output.length;
    writeFileSync(join(garden, 'bits/brand-new.md'), newBit('Brand new bit', 'python'));
    await waitFor('the error in the output', () => output, (text) => /bits\/brand-new\.md:3: tags: expected a list, got "python"/.test(text));
    const page = await waitFor('the error on the page', () => get('/bits/brand-new/'), (p) => p.status === 500);
    expect(page.html).toContain('<h1>This note has 1 content error</h1>');
    expect(page.html).toMatch(/bits\/brand-new\.md:3: tags: expected a list, got &quot;python&quot;/);
    // Said once: the garden check's line, not Astro's loader's raw one as well.
    const said = output.slice(before);
    expect(said.match(/brand-new\.md:3: tags/g)).toHaveLength(1);
    expect(said).not.toMatch(/Failed to reload|\*\*tags\*\*/);
    expect(server.exitCode).toBeNull();
    expect((await get('/')).status).toBe(200);
    expect((await get('/bits/stable-softmax/')).status).toBe(200);
  }, 60_000);

  it('shows the page again once the file is fixed', async () => {
    writeFileSync(join(garden, 'bits/brand-new.md'), newBit('Brand new bit, fixed', '[python]'));
    await waitFor('the fixed page', () => get('/bits/brand-new/'), (p) => p.status === 200 && p.html.includes('Brand new bit, fixed'));
    await waitFor('the all-clear', () => output, (text) => text.includes('The garden has no content errors any more.'));
  }, 60_000);

  it('drops a deleted file without a restart', async () => {
    unlinkSync(join(garden, 'bits/brand-new.md'));
    await waitFor('the page to go', () => get('/bits/brand-new/'), (p) => p.status === 404);
    await waitFor('the listing to forget it', () => get('/bits/'), (p) => p.status === 200 && !p.html.includes('Brand new bit'));
    expect(server.exitCode).toBeNull();
  }, 60_000);
});
