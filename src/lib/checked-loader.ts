/**
 * Astro's loaders for a garden the garden check has already checked (in
 * `astro dev`, where a mistake does not stop the server).
 *
 * Astro's glob loader logs a note it cannot reload in its own
 * words (`**title**: **title**: Required`) just before the garden check logs
 * the same mistake with its file, line and field. A reload fails only on what
 * the check reports — the YAML, the schema, a slug used twice; a note that
 * cannot be rendered or read is logged apart — so the loader's "Failed to
 * reload" line is dropped, and each mistake is said once. Anything else the
 * loader says is kept.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';

const CHECKED = /^Failed to reload /;

export function isSaidByGardenCheck(message: string): boolean {
  return CHECKED.test(message);
}

/** The loader's logger, without the lines the garden check says better. */
export function withoutCheckedErrors(logger: AstroIntegrationLogger): AstroIntegrationLogger {
  const quiet = Object.create(logger) as AstroIntegrationLogger;
  quiet.error = (message: string) => {
    if (!isSaidByGardenCheck(message)) logger.error(message);
  };
  return quiet;
}

/** The entry types of a loader's context: not in Astro's public type, but what the glob loader reads a file's frontmatter with. */
type EntryTypes = Map<string, { getEntryInfo: (params: { contents: string; fileUrl: URL }) => Promise<{ body: string; data: Record<string, unknown> }> }>;

/**
 * A loader whose mistakes the garden check reports. Its failed reloads are not
 * logged again (withoutCheckedErrors); and in `astro dev`, a note Astro cannot
 * load when the server starts (bad YAML, a wrong field) is left out instead of
 * stopping the server — the glob loader's first load has no per-file recovery —
 * so the check's line is what the author reads and its page shows the error.
 */
export function checkedByGarden(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context: LoaderContext) => {
      const quiet = { ...context, logger: withoutCheckedErrors(context.logger) };
      if (!context.watcher) return loader.load(quiet);
      const broken = new Set<string>();
      let starting = true;
      const entryTypes = (context as unknown as { entryTypes?: EntryTypes }).entryTypes;
      const tolerant: LoaderContext = {
        ...quiet,
        // While the server starts, an entry that does not parse or validate is marked, stored for a moment, and then removed.
        parseData: async (props) => {
          try {
            return await context.parseData(props);
          } catch (error) {
            if (!starting) throw error;
            broken.add(props.id);
            return props.data;
          }
        },
        ...(entryTypes
          ? {
              entryTypes: new Map(
                [...entryTypes].map(([extension, type]) => [
                  extension,
                  {
                    ...type,
                    getEntryInfo: async (params: { contents: string; fileUrl: URL }) => {
                      try {
                        return await type.getEntryInfo(params);
                      } catch (error) {
                        if (!starting) throw error;
                        return { body: '', data: {}, rawData: '', slug: '' };
                      }
                    },
                  },
                ]),
              ),
            }
          : {}),
      } as LoaderContext;
      try {
        await loader.load(tolerant);
      } finally {
        starting = false;
        for (const id of broken) context.store.delete(id);
      }
    },
  };
}
