/** The largest content file the garden accepts: a note this big is almost always a pasted log or data file. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** `2 MB`, `512 KB`, `900 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** GARDEN_MAX_BYTES overrides the size limit (a whole number of bytes); anything else keeps the default. */
export function maxBytesFromEnv(env: { GARDEN_MAX_BYTES?: string | undefined }): number {
  const value = env.GARDEN_MAX_BYTES?.trim();
  return value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : DEFAULT_MAX_BYTES;
}
