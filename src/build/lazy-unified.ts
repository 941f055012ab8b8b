/**
 * Astro's `unified()` Markdown processor (@astrojs/markdown-remark), loaded
 * only when Astro first asks it for a renderer. The package's entry point
 * loads its Markdown and MDX processors, Prism and micromark (≈ 0.25 s); the
 * garden's notes are rendered by the note pipeline instead (note-renderer.ts),
 * so most builds never need it. tests/unit/lazy-unified.test.ts holds it
 * against the package's own `unified()`.
 */
import { createRequire } from 'node:module';
import type { MarkdownProcessor, UnifiedProcessorOptions, UnifiedResolvedOptions } from '@astrojs/markdown-remark';

export type UnifiedProcessor = MarkdownProcessor<UnifiedResolvedOptions>;

export function lazyUnified(opts: UnifiedProcessorOptions = {}): UnifiedProcessor {
  // The same resolved options as unified() gives, so Astro and the MDX integration read the same config.
  const options: UnifiedResolvedOptions = {
    remarkPlugins: [...(opts.remarkPlugins ?? [])],
    rehypePlugins: [...(opts.rehypePlugins ?? [])],
    remarkRehype: { ...opts.remarkRehype },
    recmaPlugins: [...(opts.recmaPlugins ?? [])],
    gfm: opts.gfm,
    smartypants: opts.smartypants,
  };
  let real: UnifiedProcessor | undefined;
  const load = (): UnifiedProcessor => {
    // require(), not import(): in the build's main thread this module was loaded by Vite's module runner, closed by now.
    real ??= (createRequire(import.meta.url)('@astrojs/markdown-remark') as typeof import('@astrojs/markdown-remark')).unified(opts);
    // Whatever changed the options since (an integration adding a plugin) reaches the real processor too.
    real.options = processor.options;
    return real;
  };
  const processor: UnifiedProcessor = {
    name: 'unified',
    options,
    createRenderer: (shared) => load().createRenderer(shared),
    createMdxRenderer: (shared, mdx) => load().createMdxRenderer!(shared, mdx),
  };
  return processor;
}
