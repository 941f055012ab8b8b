/** How a value an author wrote is quoted back in an error: `"June 7"`, `42`, `an empty list`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return value.trim() === '' ? 'an empty string' : JSON.stringify(truncate(value));
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : `date ${value.toISOString().slice(0, 10)}`;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list (${truncate(JSON.stringify(value))})`;
  return `an object (${truncate(JSON.stringify(value))})`;
}

function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
