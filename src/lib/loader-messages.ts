/**
 * In `astro dev`, Astro's glob loader logs a note it cannot reload in its own
 * words (`**title**: **title**: Required`) just before the garden check logs
 * the same mistake with its file, line and field. A reload fails only on what
 * the check reports — the YAML, the schema, a slug used twice; a note that
 * cannot be rendered or read is logged apart — so the loader's "Failed to
 * reload" line is dropped, and each mistake is said once. Anything else the
 * loader says is kept.
 */
import type { AstroIntegrationLogger } from 'astro';

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
