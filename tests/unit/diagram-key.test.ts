import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserIdentity, diagramKey, MermaidRenderer } from '../../src/build/diagram-renderer';

const SOURCE = 'graph TD\n  A --> B\n';

describe("a diagram's cache key", () => {
  it('follows the source and the browser that draws it', () => {
    expect(diagramKey(SOURCE, 'chromium 1')).toBe(diagramKey(SOURCE, 'chromium 1'));
    expect(diagramKey(SOURCE, 'chromium 1')).not.toBe(diagramKey(SOURCE, 'chromium 2'));
    expect(diagramKey(SOURCE, 'chromium 1')).not.toBe(diagramKey(`${SOURCE}  B --> C\n`, 'chromium 1'));
  });

  it("names a browser by the file its path leads to, that file's size and time", () => {
    const dir = mkdtempSync(join(tmpdir(), 'browser-identity-'));
    const binary = join(dir, 'chromium-150');
    const link = join(dir, 'chromium');
    writeFileSync(binary, 'a browser');
    symlinkSync(binary, link);
    utimesSync(binary, new Date('2026-07-07T17:47:51Z'), new Date('2026-07-07T17:47:51Z'));
    const before = browserIdentity(link);
    expect(before).toBe(`${binary} 9 ${Date.parse('2026-07-07T17:47:51Z')}`);
    // An upgrade writes the file again: another time (and mostly another size) is another browser.
    utimesSync(binary, new Date('2026-11-20T09:00:00Z'), new Date('2026-11-20T09:00:00Z'));
    expect(browserIdentity(link)).not.toBe(before);
    writeFileSync(binary, 'a newer browser');
    expect(browserIdentity(link)).toMatch(/ 15 \d+$/);
    expect(browserIdentity(join(dir, 'missing'))).toBeUndefined();
    expect(browserIdentity('')).toBeUndefined();
  });

  it('is what the renderer files a diagram under, so another browser draws it again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diagram-key-'));
    const binary = join(dir, 'chromium');
    writeFileSync(binary, 'a browser');
    const renderer = new MermaidRenderer({ cacheDir: join(dir, 'cache'), chromium: binary });
    expect(renderer.browserId).toBe(browserIdentity(binary));
    expect(renderer.available).toBe(true);
    const cached = join(renderer.dir, `${diagramKey(SOURCE, renderer.browserId)}.json`);
    expect(renderer.has(SOURCE)).toBe(false);
    // A diagram filed under this browser's key is known; under another browser's it is not.
    mkdirSync(renderer.dir, { recursive: true });
    writeFileSync(cached, JSON.stringify({ light: '<svg/>', dark: '<svg/>' }));
    expect(renderer.has(SOURCE)).toBe(true);
    utimesSync(binary, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    expect(new MermaidRenderer({ cacheDir: join(dir, 'cache'), chromium: binary }).has(SOURCE)).toBe(false);
  });

  it('leaves a build without a browser unable to draw', () => {
    const renderer = new MermaidRenderer({ cacheDir: mkdtempSync(join(tmpdir(), 'diagram-key-')), chromium: join(tmpdir(), 'no-such-chromium') });
    expect(renderer.available).toBe(false);
    expect(renderer.browserId).toBe('');
  });
});
