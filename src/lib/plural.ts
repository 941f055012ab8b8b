const COUNT = new Intl.NumberFormat('en');

/** A count grouped by thousands, as an English reader writes it: 10,000. */
export function formatCount(count: number): string {
  return COUNT.format(count);
}

/** "1 fact", "3 facts", "10,000 notes": a count with its noun. Its own module so client scripts can use it without the garden model. */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${formatCount(count)} ${count === 1 ? word : pluralWord}`;
}
