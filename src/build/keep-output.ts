import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCacheFile, writeCacheFile } from './cache-file';
import { listOutput, outputFingerprint, removeOutputFiles, staleOutputFiles } from './output-dir';

// File times come from a coarser clock than Date.now(): a file written just after the start may look a little older.
const CLOCK_SLACK_MS = 200;

/**
 * Keeps the output folder between builds when it is exactly as the last build
 * with this cache left it (names, sizes and times of every file, recorded in
 * the cache folder): Astro then leaves the pages its incremental cache reuses
 * where they are, instead of emptying the folder and copying them back. After
 * the build every file it neither wrote nor kept is removed, so a page that
 * became a draft or was deleted is gone, as after a cold build. Any other
 * folder — first build, changed by hand, by another garden or by a build that
 * failed — is emptied by Astro as usual. Listed last: its build:done hook
 * records the folder after every other integration has written to it.
 */
export function keepOutput(): AstroIntegration {
  let build: { outDir: string; stamp: string; since: number; kept: boolean } | undefined;
  return {
    name: 'garden-output',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const outDir = fileURLToPath(config.outDir);
        const stamp = join(fileURLToPath(config.cacheDir), 'garden-output.json');
        const since = Date.now() - CLOCK_SLACK_MS;
        const kept = readCacheFile(stamp, outputFingerprint(outDir, listOutput(outDir))) !== undefined;
        if (kept) updateConfig({ vite: { build: { emptyOutDir: false } } });
        build = { outDir, stamp, since, kept };
      },
      'astro:build:done': ({ assets, logger }) => {
        if (!build) return;
        let files = listOutput(build.outDir);
        if (build.kept) {
          const written = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
          const stale = new Set(staleOutputFiles(files, written, build.since));
          removeOutputFiles(build.outDir, [...stale]);
          if (stale.size > 0) logger.info(`Removed ${stale.size} file${stale.size === 1 ? '' : 's'} this build no longer writes`);
          files = files.filter((file) => !stale.has(file.path));
        }
        writeCacheFile(build.stamp, { digest: outputFingerprint(build.outDir, files) });
      },
    },
  };
}
