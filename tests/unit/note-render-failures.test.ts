import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { NoteRenderer } from '../../src/build/note-renderer';
import { gardenProcessor } from '../../src/build/garden-processor';
import { noteRendering } from '../../src/build/note-render';
import { ROOT } from '../helpers/build';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function renderer() {
  const dir = mkdtempSync(join(tmpdir(), 'garden-failures-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'content/bits'), { recursive: true });
  const notes = new NoteRenderer({ contentDir: join(dir, 'content'), cacheDir: join(dir, 'cache'), projectRoot: ROOT, digest: 'test', targets: () => new Map(), workers: 0 });
  return { notes, note: join(dir, 'content/bits/broken.md') };
}

type BuildStart = (options: Record<string, unknown>) => void;

describe('a note that cannot be rendered', () => {
  it('is remembered by the processor, which Astro only logs', async () => {
    const { notes, note } = renderer();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const markdown = await gardenProcessor(unified(), notes).createRenderer({} as never);
    await expect(markdown.render('Broken $\\frac{a}{b$ formula.', { fileURL: pathToFileURL(note) } as never)).rejects.toThrow(/KaTeX/);
    expect(notes.failures).toEqual([{ filePath: note, message: expect.stringMatching(/KaTeX cannot typeset/) }]);
  });

  it('stops the build once the content is loaded, naming the file and the error', () => {
    const { notes, note } = renderer();
    const integration: AstroIntegration = noteRendering(notes);
    const buildStart = integration.hooks['astro:build:start'] as unknown as BuildStart;
    expect(() => buildStart({})).not.toThrow();
    notes.failures.push({ filePath: note, message: 'Vite module runner has been closed.' });
    expect(() => buildStart({})).toThrow(/1 note could not be rendered:\n {2}.*broken\.md: Vite module runner has been closed\./);
  });
});
