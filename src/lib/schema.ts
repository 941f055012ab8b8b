/**
 * The authors' contract: one zod schema per collection. Astro validates every
 * entry with these, and so does the garden's own checker (src/lib/check/check.ts),
 * which turns their issues into file-and-field messages.
 */
import { z } from 'astro/zod';
import { parseIsoDate, type IsoDate } from './dates';
import { normaliseTags, type TagSlug } from './tags';
import { describeValue } from './describe';

const text = () => z.string().trim().min(1);

/** YYYY-MM-DD, whether YAML handed us a string or already a Date. */
const isoDate = () =>
  z.unknown().transform((value, ctx): IsoDate => {
    const date = parseIsoDate(value);
    if (date) return date;
    ctx.addIssue({
      code: 'custom',
      message:
        value === undefined || value === null
          ? 'required field is missing (expected a date written YYYY-MM-DD)'
          : `expected YYYY-MM-DD, got ${describeValue(value)}`,
      input: value,
    });
    return z.NEVER;
  });

/** When the note last changed, if the author says so: shown on its page and in the sitemap, before the date of its file's last commit. */
const updatedDate = () => isoDate().optional();

const tagList = () =>
  z
    .array(z.string())
    .min(1)
    .transform((tags, ctx): TagSlug[] => {
      const normalised = normaliseTags(tags);
      if (normalised.length === 0) {
        ctx.addIssue({ code: 'custom', message: `expected at least one tag with letters or digits, got ${describeValue(tags)}`, input: tags });
        return z.NEVER;
      }
      return normalised;
    });

/** A slug-like id: what becomes a URL segment. */
const idLike = () =>
  z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected lowercase letters, digits and hyphens (e.g. "ml-foundations")' });

export const bitSchema = z.object({
  title: text(),
  tags: tagList(),
  why: text().optional(),
  date: isoDate().optional(),
  updated: updatedDate(),
  draft: z.boolean().default(false),
});

export const shortSchema = z.object({
  title: text(),
  summary: text(),
  date: isoDate(),
  updated: updatedDate(),
  tags: tagList(),
  track: idLike().optional(),
  draft: z.boolean().default(false),
});

export const partSchema = z.object({
  id: idLike(),
  number: z.number().int().positive(),
  title: text(),
  summary: text().optional(),
});

export const partsFileSchema = z.array(partSchema).min(1);

export const chapterSchema = z.object({
  title: text(),
  part: z.string().min(1),
  chapter: z.number().int().positive(),
  summary: text().optional(),
  tags: z
    .array(z.string())
    .transform((tags) => normaliseTags(tags))
    .default([]),
  updated: updatedDate(),
  draft: z.boolean().default(false),
});

/** Authors write `answer: 3` without quotes; a number is a fine answer. */
const answerText = () =>
  z.union([z.string(), z.number(), z.boolean()]).transform((value) => String(value).trim()).pipe(z.string().min(1));

export const quizFactSchema = z
  .object({
    question: text(),
    answer: answerText(),
    explanation: text(),
    /** Wrong answers: with them, study mode asks the fact as multiple choice. Unquoted numbers are fine, as for `answer`. */
    distractors: z.array(answerText()).min(1).optional(),
    /** How deep the fact goes: one of the levels declared in site.config.ts (`levels`); review and exams can be limited to one. */
    level: z.number().int().positive().optional(),
    /** Questions asked after this fact's answer, each scheduled in review as a fact of its own. */
    followups: z.array(z.object({ question: text(), answer: answerText() })).min(1).optional(),
  })
  .superRefine((fact, ctx) => {
    fact.distractors?.forEach((distractor, index) => {
      if (distractor.toLowerCase() === fact.answer.toLowerCase()) {
        ctx.addIssue({ code: 'custom', path: ['distractors', index], input: distractor, message: `expected a wrong answer, got the answer itself ("${distractor}")` });
      }
    });
  });

export const quizSchema = z.object({
  chapter: z.string().min(1),
  facts: z.array(quizFactSchema).min(1),
});

export type BitData = z.output<typeof bitSchema>;
export type ShortData = z.output<typeof shortSchema>;
export type PartData = z.output<typeof partSchema>;
export type ChapterData = z.output<typeof chapterSchema>;
export type QuizData = z.output<typeof quizSchema>;
export type QuizFact = z.output<typeof quizFactSchema>;
export type QuizFollowup = NonNullable<QuizFact['followups']>[number];
