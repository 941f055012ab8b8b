/**
 * Whether the stored review history or study marks may hold a fact due
 * today: a record due before tomorrow's midnight, or a mark of shaky or
 * unknown (due at once). The header's count runs this on every page, so it
 * reads the stored text with no import at all and loads the deck and the
 * queue only when it says yes; the real count (due-count.ts) decides the rest.
 */
export function mayBeDueToday(historyText: string | null, marksText: string | null, now: Date): boolean {
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
  const values = (text: string | null, field: string): unknown[] => {
    try {
      const found = (JSON.parse(text ?? 'null') as Record<string, unknown> | null)?.[field];
      return found && typeof found === 'object' ? Object.values(found) : [];
    } catch {
      return [];
    }
  };
  return (
    values(historyText, 'facts').some((record) => typeof (record as { due?: unknown } | null)?.due === 'number' && (record as { due: number }).due < tomorrow) ||
    values(marksText, 'marks').some((mark) => mark === 'shaky' || mark === 'unknown')
  );
}
