import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NoteRenderer } from '../../src/build/note-renderer';
import { ROOT } from '../helpers/build';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const BODIES = ['A note with $x^2$.', 'Another with `code`.', 'A third, plain.'];

function garden() {
  const dir = mkdtempSync(join(tmpdir(), 'garden-counts-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'content/bits'), { recursive: true });
  BODIES.forEach((body, i) => writeFileSync(join(dir, `content/bits/n${i}.md`), `---\ntitle: N${i}\ntags: [a]\n---\n${body}\n`));
  return dir;
}

/** What a build does: start the workers, and (Astro's content layer, once they are done, as in a small garden) ask for every note. */
async function build(dir: string) {
  const notes = new NoteRenderer({ contentDir: join(dir, 'content'), cacheDir: join(dir, 'cache'), projectRoot: ROOT, digest: 'counts', targets: () => new Map(), workers: 1, workerThreshold: 1 });
  const sent = notes.prefetch();
  const deadline = Date.now() + 30_000;
  while (notes.rendered < sent && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
  await Promise.all(BODIES.map((body, i) => notes.render(body, join(dir, `content/bits/n${i}.md`))));
  notes.stopPool();
  return { sent, rendered: notes.rendered, reused: notes.reused };
}

describe("the build log's counts", () => {
  it('count a note rendered on a worker once, as rendered, on a cold build; as reused on the next', async () => {
    const dir = garden();
    expect(await build(dir)).toEqual({ sent: 3, rendered: 3, reused: 0 });
    expect(await build(dir)).toEqual({ sent: 0, rendered: 0, reused: 3 });
  }, 60_000);
});
