/** Counts grouped by thousands, as an English reader writes them: 10,000. */
const COUNT = new Intl.NumberFormat('en');

/** "1 fact", "3 facts", "10,000 notes": a count with its noun. Its own module so client scripts can use it without the garden model. */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${COUNT.format(count)} ${count === 1 ? word : pluralWord}`;
}
