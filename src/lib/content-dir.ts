import { isAbsolute, resolve } from 'node:path';

/**
 * The garden folder: `content/` in the project, or wherever GARDEN_CONTENT
 * points (an author's garden kept outside the generator).
 */
export function resolveContentDir(env: { GARDEN_CONTENT?: string | undefined }, projectRoot: string): string {
  const configured = env.GARDEN_CONTENT?.trim();
  if (!configured) return resolve(projectRoot, 'content');
  return isAbsolute(configured) ? configured : resolve(projectRoot, configured);
}
