interface ImportMetaEnv {
  /** True under `astro dev` only, where drafts are shown with a badge; set by the garden-check integration. */
  readonly GARDEN_SHOW_DRAFTS: boolean;
  /** A digest of the project's code (src/lib/page-cache.ts), part of every page's incremental-build key; set in astro.config.ts. */
  readonly GARDEN_CODE_DIGEST: string;
  /** Where the build wrote the last commit date of each note's file (src/build/last-updated.ts); set in astro.config.ts. */
  readonly GARDEN_COMMIT_DATES: string | undefined;
}

/** Astro's content layer's imports of the images its entries show, by import id (what note-images.ts looks the notes' images up in). */
declare module 'astro:asset-imports' {
  const images: Map<string, import('astro').ImageMetadata>;
  export default images;
}

/** The map's layout as JSON (src/build/graph-layout.ts): on a thread of its own in a build, in place under `astro dev`. */
declare module 'virtual:garden/graph-layout' {
  export function laidOutGraphJson(graph: import('./lib/graph/model').GardenGraph): Promise<string>;
}
