import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bodyOf } from '../../src/lib/frontmatter';
import { noteBody, noteHasMath } from '../../src/lib/markdown/note-html';

describe('bodyOf', () => {
  it.each([
    ['---\ntitle: A\n---\nBody line.\n', 'Body line.\n'],
    ['\uFEFF---\r\ntitle: A\r\n---\r\nBody.', 'Body.'],
    ['No frontmatter at all.', 'No frontmatter at all.'],
    ['---\ntitle: never closed\nBody.', '---\ntitle: never closed\nBody.'],
  ])('%j → %j', (text, body) => {
    expect(bodyOf(text)).toBe(body);
  });
});

describe('noteBody', () => {
  it('reads the body from the note file when the content store kept none, once per version of the file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'garden-body-')), 'note.md');
    writeFileSync(file, '---\ntitle: A\n---\nFirst $x$ version.');
    expect(noteBody({ filePath: file, digest: 'v1' })).toBe('First $x$ version.');
    expect(noteHasMath({ filePath: file, digest: 'v1' })).toBe(true);
    writeFileSync(file, '---\ntitle: A\n---\nSecond version.');
    // Same version: not read again.
    expect(noteBody({ filePath: file, digest: 'v1' })).toBe('First $x$ version.');
    expect(noteBody({ filePath: file, digest: 'v2' })).toBe('Second version.');
  });

  it('prefers a body the entry carries, and is empty for an entry without a file', () => {
    expect(noteBody({ body: 'Kept.', filePath: '/nowhere.md' })).toBe('Kept.');
    expect(noteBody({})).toBe('');
  });
});
