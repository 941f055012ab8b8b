/** A calendar date written YYYY-MM-DD; the garden has no use for times or zones. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a frontmatter date. YAML turns an unquoted `2026-06-07` into a Date at
 * UTC midnight, a quoted one stays a string: both mean the same calendar day.
 * Returns undefined for anything that is not a real YYYY-MM-DD day.
 */
export function parseIsoDate(value: unknown): IsoDate | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : (value.toISOString().slice(0, 10) as IsoDate);
  }
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? (value.trim() as IsoDate) : undefined;
}

// Made on first use: creating it loads locale data (~0.2 s), which `npm run check` never needs.
let display: Intl.DateTimeFormat | undefined;

/** `2026-06-07` → `Jun 7, 2026`, the same on every build machine whatever its time zone. */
export function formatDate(date: IsoDate): string {
  display ??= new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  return display.format(toUtcDate(date));
}

export function toUtcDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Newest first; entries without a date sink to the end. */
export function compareNewestFirst(a: IsoDate | undefined, b: IsoDate | undefined): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? 1 : -1;
}
