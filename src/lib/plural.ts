/** "1 fact", "3 facts": a count with its noun. Its own module so client scripts can use it without the garden model. */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}
