/**
 * The checks across files: one file per slug, parts listed once with unique
 * numbers, every chapter in a listed part with a number unique within it, and
 * every quiz naming a chapter that exists.
 */
import { findYamlLine } from './source-lines';
import { slugOf, type ParsedEntry, type Report } from './entry';

export function checkDuplicateSlugs(entries: readonly ParsedEntry[], report: Report) {
  const seen = new Map<string, ParsedEntry>();
  for (const entry of entries) {
    const key = slugOf(entry.file.path);
    const earlier = seen.get(key);
    if (earlier) report(entry.file, '(file)', `has the same slug as ${earlier.file.displayPath} (expected one file per slug; rename or remove one)`);
    else seen.set(key, entry);
  }
}

export function checkCrossReferences(parsed: readonly ParsedEntry[], valid: Map<ParsedEntry, Record<string, unknown>>, report: Report, hasPartsFile: boolean) {
  const partsEntry = parsed.find((e) => e.kind === 'parts');
  const partIds = new Set<string>();
  const partsData = partsEntry ? (valid.get(partsEntry)?.parts as { id: string; number: number }[] | undefined) : undefined;
  if (partsEntry && partsData) {
    const numbers = new Map<number, string>();
    partsData.forEach((part, index) => {
      if (partIds.has(part.id)) report(partsEntry.file, `[${index}].id`, `"${part.id}" is listed twice (expected each part id once)`, findYamlLine(partsEntry.lines, [index, 'id']));
      partIds.add(part.id);
      const other = numbers.get(part.number);
      if (other) report(partsEntry.file, `[${index}].number`, `number ${part.number} is already used by part "${other}" (expected a unique number)`, findYamlLine(partsEntry.lines, [index, 'number']));
      numbers.set(part.number, part.id);
    });
  }

  const chapterIds = new Set<string>();
  const numbersByPart = new Map<string, Map<number, ParsedEntry>>();
  for (const entry of parsed) {
    // Notes filed in a part's folder (chapters) belong to that part, numbered within it.
    if (!entry.note || entry.note.collection.depth === 0) continue;
    chapterIds.add(entry.note.id);
    const data = valid.get(entry) as { part: string; chapter: number } | undefined;
    if (!data) continue;
    const folder = entry.file.path.split('/')[1] ?? '';
    const partLine = () => findYamlLine(entry.lines, ['part'], ...entry.yamlRange);
    if (!partsData) {
      // A parts.yaml that does not parse or validate is reported once, not again for every chapter.
      if (!hasPartsFile) report(entry.file, 'part', `names part "${data.part}", but the garden has no parts.yaml (expected a parts.yaml listing the parts)`, partLine());
    } else if (!partIds.has(data.part)) {
      report(entry.file, 'part', `expected one of the parts in parts.yaml (${[...partIds].map((id) => `"${id}"`).join(', ')}), got "${data.part}"`, partLine());
    } else if (data.part !== folder) {
      report(entry.file, 'part', `expected "${folder}" (the folder the chapter is in), got "${data.part}"`, partLine());
    }
    const numbers = numbersByPart.get(data.part) ?? new Map<number, ParsedEntry>();
    const clash = numbers.get(data.chapter);
    if (clash) {
      report(entry.file, 'chapter', `chapter ${data.chapter} of part "${data.part}" is also ${clash.file.displayPath} (expected a unique number within the part)`, findYamlLine(entry.lines, ['chapter'], ...entry.yamlRange));
    } else numbers.set(data.chapter, entry);
    numbersByPart.set(data.part, numbers);
  }

  for (const entry of parsed) {
    if (entry.kind !== 'quiz') continue;
    const data = valid.get(entry) as { chapter: string } | undefined;
    if (!data || chapterIds.has(data.chapter)) continue;
    const known = [...chapterIds].sort();
    const hint = known.length ? `one of the chapter ids (${known.slice(0, 5).map((id) => `"${id}"`).join(', ')}${known.length > 5 ? ', …' : ''})` : 'a chapter id, but the garden has no chapters';
    report(entry.file, 'chapter', `expected ${hint}, got "${data.chapter}"`, findYamlLine(entry.lines, ['chapter']));
  }
}
