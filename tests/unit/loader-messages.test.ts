import { describe, expect, it, vi } from 'vitest';
import type { AstroIntegrationLogger } from 'astro';
import { isSaidByGardenCheck, withoutCheckedErrors } from '../../src/lib/loader-messages';

describe("the glob loader's messages in astro dev", () => {
  it('drop a failed reload, which the garden check reports with file and line', () => {
    expect(isSaidByGardenCheck('Failed to reload broken.md: **bits → broken** data does not match collection schema.\n\n  **tags**: **tags**: Expected type `"array"`')).toBe(true);
    expect(isSaidByGardenCheck('Failed to reload stable-softmax.md: missed comma between flow collection entries')).toBe(true);
    expect(isSaidByGardenCheck('Error rendering broken.md: KaTeX cannot typeset')).toBe(false);
    expect(isSaidByGardenCheck('Error reading gone.md: ENOENT')).toBe(false);
  });

  it('keep everything else the loader says, at its level', () => {
    const logger = { label: 'glob-loader', error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() } as unknown as AstroIntegrationLogger;
    const quiet = withoutCheckedErrors(logger);
    quiet.error('Failed to reload a.md: **title**: **title**: Required');
    quiet.error('Error rendering a.md: boom');
    quiet.warn('No contents found for b.md');
    quiet.info('Reloaded data from c.md');
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith('Error rendering a.md: boom');
    expect(logger.warn).toHaveBeenCalledWith('No contents found for b.md');
    expect(logger.info).toHaveBeenCalledWith('Reloaded data from c.md');
    expect(quiet.label).toBe('glob-loader');
  });
});
