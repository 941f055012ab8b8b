/**
 * Fields the schema does not know. Zod drops them without a word, so a
 * misspelt `whyy:` or `colour:` would silently do nothing; the checker warns,
 * naming the closest known field. The known fields are read from the schema
 * itself (its objects' shapes), never listed by hand.
 */
import type { z } from 'astro/zod';
import { editDistance } from './site-pages';

export interface UnknownField {
  /** Where it is written: `['whyy']`, `['facts', 2, 'hint']`. */
  path: (string | number)[];
  /** The known fields beside it. */
  known: readonly string[];
  /** A known field close enough to be the one meant, if any. */
  near?: string | undefined;
}

interface Def {
  type: string;
  shape?: Record<string, { def: Def }>;
  element?: { def: Def };
  innerType?: { def: Def };
  in?: { def: Def };
}

/** The object schema under wrappers (optional, default, pipe), or undefined. */
function objectShape(def: Def): Record<string, { def: Def }> | undefined {
  if (def.type === 'object') return def.shape;
  const inner = def.innerType ?? def.in;
  return inner ? objectShape(inner.def) : undefined;
}

function arrayElement(def: Def): Def | undefined {
  if (def.type === 'array') return def.element?.def;
  const inner = def.innerType ?? def.in;
  return inner ? arrayElement(inner.def) : undefined;
}

/** The field of `known` one or two edits from `key` (one for short names), else undefined. */
export function closestField(key: string, known: readonly string[]): string | undefined {
  const allowed = key.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const field of known) {
    const distance = editDistance(key.toLowerCase(), field.toLowerCase(), bestDistance);
    if (distance < bestDistance) [best, bestDistance] = [field, distance];
  }
  return best;
}

/** Every key of `data` that the schema has no field for, at any depth of its objects and lists. */
export function unknownFields(schema: z.ZodType, data: unknown): UnknownField[] {
  const found: UnknownField[] = [];
  const visit = (def: Def, value: unknown, path: (string | number)[]) => {
    const shape = objectShape(def);
    if (shape && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const known = Object.keys(shape);
      for (const [key, inner] of Object.entries(value)) {
        const field = shape[key];
        if (field) visit(field.def, inner, [...path, key]);
        else found.push({ path: [...path, key], known, near: closestField(key, known) });
      }
      return;
    }
    const element = arrayElement(def);
    if (element && Array.isArray(value)) value.forEach((item, index) => visit(element, item, [...path, index]));
  };
  visit((schema as unknown as { def: Def }).def, data, []);
  return found;
}
