/**
 * Where the Markdown seconds go: renders every note of a garden through the
 * build's pipeline (Astro's unified processor with the project's plugins and
 * Shiki settings) in this one thread, then again with one stage left out at a
 * time, and times the garden checker's own pass. Not part of `npm run bench`;
 * run it to see which stage is worth working on.
 *
 *   node --import ./scripts/ts-hooks.mjs bench/render-stages.ts <garden> [variant…]
 *   variants: full no-smartypants no-shiki no-katex no-gfm check note (the project's note pipeline)
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeKatex from 'rehype-katex';
import { resolve } from 'node:path';
import { readGardenFiles } from '../src/lib/check/read-garden';
import { bodyOf } from '../src/lib/frontmatter';
import { rehypePlugins, remarkPluginsFor, shikiConfig } from '../src/lib/markdown/plugins';
import { createLinkTargetsProvider } from '../src/build/link-targets';
import { gardenUrls } from '../src/lib/urls';
import { checkGardenFolder } from '../src/lib/check/run';
import { createNotePipeline } from '../src/lib/markdown/note-pipeline';

const garden = resolve(process.argv[2] ?? 'content');
const variants = process.argv.slice(3).length ? process.argv.slice(3) : ['full', 'no-smartypants', 'no-shiki', 'no-katex', 'no-gfm', 'check'];
const files = readGardenFiles(garden).filter((f) => /\.md$/.test(f.path));
const bodies = files.map((f) => ({ path: resolve(garden, f.path), body: bodyOf(f.text) }));
const targets = createLinkTargetsProvider(garden, gardenUrls('/'));

for (const variant of variants) {
  if (variant === 'check') {
    const started = performance.now();
    const result = checkGardenFolder(garden, { projectRoot: process.cwd() });
    console.log(`check: ${((performance.now() - started) / 1000).toFixed(2)} s for ${result.files} files`);
    continue;
  }
  if (variant === 'note') {
    const render = createNotePipeline({ targets, contentDir: garden });
    await render(bodies[0]!.body, bodies[0]!.path);
    const started = performance.now();
    let bytes = 0;
    for (const { path, body } of bodies) bytes += (await render(body, path)).html.length;
    const seconds = (performance.now() - started) / 1000;
    console.log(`${variant}: ${seconds.toFixed(2)} s for ${bodies.length} notes (${((seconds * 1000) / bodies.length).toFixed(1)} ms each), ${(bytes / 2 ** 20).toFixed(1)} MB of HTML`);
    continue;
  }
  const processor = await createMarkdownProcessor({
    remarkPlugins: remarkPluginsFor({ targets, contentDir: garden }),
    rehypePlugins: variant === 'no-katex' ? rehypePlugins.filter((p) => !(Array.isArray(p) && p[0] === rehypeKatex)) : rehypePlugins,
    shikiConfig,
    syntaxHighlight: variant === 'no-shiki' ? false : 'shiki',
    smartypants: variant !== 'no-smartypants',
    gfm: variant !== 'no-gfm',
  });
  // One warm-up note: the highlighter loads its grammars once.
  await processor.render(bodies[0]!.body, { fileURL: new URL(`file://${bodies[0]!.path}`) });
  const started = performance.now();
  let bytes = 0;
  for (const { path, body } of bodies) bytes += (await processor.render(body, { fileURL: new URL(`file://${path}`) })).code.length;
  const seconds = (performance.now() - started) / 1000;
  console.log(`${variant}: ${seconds.toFixed(2)} s for ${bodies.length} notes (${((seconds * 1000) / bodies.length).toFixed(1)} ms each), ${(bytes / 2 ** 20).toFixed(1)} MB of HTML`);
}
