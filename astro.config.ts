import type { AstroUserConfig } from 'astro';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { resolve } from 'node:path';
import { remarkPluginsFor, rehypePluginsFor, shikiConfig } from './src/lib/markdown/plugins';
import { gardenUrls } from './src/lib/urls';
import { gardenCacheDir, resolveContentDir } from './src/lib/content-dir';
import { maxBytesFromEnv } from './src/lib/check/limits';
import { siteConfig } from './src/site.config';
import { codeDigest } from './src/build/code-digest';
import { FileMemo } from './src/build/file-memo';
import { createLinkTargetsProvider } from './src/build/link-targets';
import { gardenCheck } from './src/build/garden-check';
import { noteRendering } from './src/build/note-render';
import { keepOutput } from './src/build/keep-output';
import { NoteRenderer } from './src/build/note-renderer';
import { gardenProcessor } from './src/build/garden-processor';
import { lazyUnified } from './src/build/lazy-unified';
import { MermaidRenderer } from './src/build/diagram-renderer';
import { graphLayout } from './src/build/graph-layout';
import { pageGenerationHeap } from './src/build/page-heap';
import { gitCommitDates, sitemapLastmod, writeCommitDates } from './src/build/last-updated';

const projectRoot = process.cwd();
const contentDir = resolveContentDir(process.env, projectRoot);
// Astro's content store remembers entries between builds: a garden elsewhere gets a store of its own.
const cacheDir = resolve(process.env.GARDEN_CACHE_DIR ?? gardenCacheDir(contentDir, projectRoot));
const maxBytes = maxBytesFromEnv(process.env);
// Mermaid diagrams are drawn by a headless chromium when there is one, else shown as their source (src/build/diagram-renderer.ts).
const diagrams = new MermaidRenderer({ cacheDir });
// The one digest of the code (src/build/code-digest.ts), worked out once: every cache of the build is valid only for it.
// A build without a browser shows diagrams as source: its pages are not to be reused by one that can draw them,
// nor are a note's drawn diagrams by a build with another browser (diagram-renderer.ts, browserIdentity).
const digest = codeDigest(projectRoot, siteConfig.base, siteConfig.socialCards ? 'social-cards' : '') + (diagrams.available ? ` diagrams-by ${diagrams.browserId}` : ' diagrams-as-source');
// What the build works out from each garden file, remembered by its text (src/build/file-memo.ts).
const memo = new FileMemo(resolve(cacheDir, 'garden-files.bin'), `${digest} max ${maxBytes}`);
const linkTargets = createLinkTargetsProvider(contentDir, gardenUrls(siteConfig.base), { maxBytes, memo });
// Notes render once per change, on worker threads, into a cache of their own (src/build/note-renderer.ts).
const notes = new NoteRenderer({
  contentDir,
  cacheDir,
  projectRoot,
  digest,
  memo,
  targets: linkTargets,
  diagrams,
  // For measuring and testing: how many worker threads, and from how many missing notes on.
  ...optionalNumber('workers', process.env.GARDEN_RENDER_WORKERS),
  ...optionalNumber('workerThreshold', process.env.GARDEN_RENDER_WORKER_THRESHOLD),
});

// When each note last changed: one `git log` for the whole garden, for the note pages and the sitemap (src/build/last-updated.ts).
const commitDates = gitCommitDates(contentDir);
const commitDatesFile = writeCommitDates(commitDates, { contentDir, projectRoot, cacheDir });

function optionalNumber<K extends string>(key: K, value: string | undefined): { [key in K]?: number } {
  return value === undefined || value === '' || Number.isNaN(Number(value)) ? {} : ({ [key]: Number(value) } as { [key in K]: number });
}

// Not `defineConfig` from 'astro/config': that module also loads Astro's SVG optimizer and font tooling
// (svgo, csso, css-tree: about 250 modules) into every build, and `defineConfig` only gives the types.
export default {
  site: siteConfig.url,
  base: siteConfig.base,
  trailingSlash: 'always',
  // Pages wait on file writes; rendering a few at once keeps the CPU busy meanwhile.
  build: { concurrency: 4 },
  // Note, tag and part pages return a cacheKey (src/lib/pages.ts): unchanged ones are copied from the previous build.
  experimental: { incrementalBuild: true },
  outDir: process.env.GARDEN_OUT_DIR ?? './dist',
  cacheDir,
  markdown: {
    processor: gardenProcessor(lazyUnified({ remarkPlugins: remarkPluginsFor({ targets: linkTargets, contentDir }), rehypePlugins: rehypePluginsFor(diagrams) }), notes),
    shikiConfig,
  },
  // The check comes after the note renderer, whose prefetch starts the workers before the check takes the main thread.
  integrations: [noteRendering(notes), gardenCheck({ contentDir, base: siteConfig.base, tracks: Object.keys(siteConfig.tracks), levels: siteConfig.levels, garden: linkTargets.snapshot, memo, onErrors: 'exit', beforeExit: () => notes.stopPool(), knownDiagram: (source) => diagrams.has(source) }), graphLayout(projectRoot), pageGenerationHeap(), mdx(), sitemap({ filter: (page) => !new URL(page).pathname.endsWith('/search/'), serialize: sitemapLastmod(linkTargets.snapshot, commitDates) }), keepOutput()],
  vite: {
    server: { watch: { ignored: ['**/dist/**'] } },
    define: { 'import.meta.env.GARDEN_CODE_DIGEST': JSON.stringify(digest), 'import.meta.env.GARDEN_COMMIT_DATES': JSON.stringify(commitDatesFile) },
  },
} satisfies AstroUserConfig;
