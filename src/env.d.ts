interface ImportMetaEnv {
  /** True under `astro dev` only, where drafts are shown with a badge; set by the garden-check integration. */
  readonly GARDEN_SHOW_DRAFTS: boolean;
}
