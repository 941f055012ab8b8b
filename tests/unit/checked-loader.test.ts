import { describe, expect, it, vi } from 'vitest';
import type { AstroIntegrationLogger } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { checkedByGarden, isSaidByGardenCheck, withoutCheckedErrors } from '../../src/lib/checked-loader';

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

describe('a loader checked by the garden', () => {
  /** Loads two entries, as the glob loader does: parse each, then store it; the second's data is wrong. */
  const loader: Loader = {
    name: 'fake',
    load: async ({ parseData, store }) => {
      for (const id of ['good', 'bad']) store.set({ id, data: await parseData({ id, data: { id } }) });
    },
  };
  const context = (watching: boolean) => {
    const stored = new Map<string, unknown>();
    const ctx = {
      logger: { error: vi.fn() },
      store: { set: ({ id, data }: { id: string; data: unknown }) => void stored.set(id, data), delete: (id: string) => void stored.delete(id) },
      parseData: async ({ id, data }: { id: string; data: unknown }) => {
        if (id === 'bad') throw new Error('data does not match collection schema');
        return data;
      },
      ...(watching ? { watcher: {} } : {}),
    } as unknown as LoaderContext;
    return { ctx, stored };
  };

  it('in astro dev, leaves out an entry that does not validate as the server starts, instead of failing the load', async () => {
    const { ctx, stored } = context(true);
    await checkedByGarden(loader).load(ctx);
    expect([...stored.keys()]).toEqual(['good']);
  });

  it('in a build, fails as Astro would (the garden check has stopped the build before)', async () => {
    const { ctx } = context(false);
    await expect(checkedByGarden(loader).load(ctx)).rejects.toThrow('data does not match collection schema');
  });
});
