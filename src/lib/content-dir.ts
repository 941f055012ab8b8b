import { isAbsolute, resolve } from 'node:path';

/**
 * The garden folder: `content/` in the project, or wherever GARDEN_CONTENT
 * points (an author's garden kept outside the generator).
 */
export function resolveContentDir(env: { GARDEN_CONTENT?: string | undefined }, projectRoot: string): string {
  const configured = env.GARDEN_CONTENT?.trim();
  if (!configured) return resolve(projectRoot, 'content');
  return isAbsolute(configured) ? resolve(configured) : resolve(projectRoot, configured);
}

/** Astro's cache for a garden: the usual one for the project's own garden, a separate one per garden elsewhere. */
export function gardenCacheDir(contentDir: string, projectRoot: string): string {
  const base = resolve(projectRoot, 'node_modules/.astro');
  if (contentDir === resolve(projectRoot, 'content')) return base;
  let hash = 0;
  for (const char of contentDir) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return resolve(base, `garden-${hash.toString(36)}`);
}
