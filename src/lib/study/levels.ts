/**
 * Levels of quiz facts (L1 Basic, L2 Intermediate, L3 Deep): the site
 * declares them once with their labels (site.config.ts `levels`); a fact
 * may carry one. Pages show and filter by the levels their facts use.
 */
import type { DeckLevel } from './deck';

/** The declared levels that at least one of these facts carries, in order. */
export function usedLevels(facts: Iterable<{ level?: number | undefined }>, declared: Readonly<Record<number, string>>): DeckLevel[] {
  const used = new Set<number>();
  for (const fact of facts) if (fact.level !== undefined) used.add(fact.level);
  return [...used]
    .filter((level) => Object.hasOwn(declared, level))
    .sort((a, b) => a - b)
    .map((level) => ({ level, label: declared[level]! }));
}
