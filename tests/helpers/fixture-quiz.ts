/**
 * The fixture garden's quiz facts as its YAML files declare them, so the
 * study browser tests (study, review, exam, due counts) derive their counts
 * (facts in a chapter or a part, follow-ups, facts of a level) from the files
 * rather than copy figures that an edit of the fixture would make wrong.
 * Parsed with the garden's own schema, so a fact reads as the build reads it.
 */
import yaml from 'js-yaml';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GARDEN_YAML } from '../../src/lib/frontmatter';
import { partsFileSchema, quizSchema, type QuizFact } from '../../src/lib/schema';
import { FIXTURE_SITE } from './fixture-site';

export interface FixtureQuiz {
  /** "storage-engines/01-pages-and-records" */
  chapter: string;
  part: string;
  facts: QuizFact[];
}

const load = (path: string): unknown => yaml.load(readFileSync(join(FIXTURE_SITE, path), 'utf8'), GARDEN_YAML);

/** The parts' ids in reading order (parts.yaml). */
export const fixtureParts: string[] = partsFileSchema
  .parse(load('parts.yaml'))
  .sort((a, b) => a.number - b.number)
  .map((part) => part.id);

/**
 * Every quiz file, part by part in reading order and chapter by chapter: the
 * fixture's chapter ids start with their number (01-, 02-…), so their order
 * as strings is the chapters' order.
 */
export const fixtureQuizzes: FixtureQuiz[] = readdirSync(join(FIXTURE_SITE, 'quiz'))
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => {
    const quiz = quizSchema.parse(load(join('quiz', file)));
    return { chapter: quiz.chapter, part: quiz.chapter.split('/')[0]!, facts: quiz.facts };
  })
  .sort((a, b) => fixtureParts.indexOf(a.part) - fixtureParts.indexOf(b.part) || a.chapter.localeCompare(b.chapter));

/** The facts of one chapter, in the order of its quiz file. */
export function chapterFacts(chapter: string): QuizFact[] {
  const quiz = fixtureQuizzes.find((q) => q.chapter === chapter);
  if (!quiz) throw new Error(`tests/fixtures/site has no quiz file for chapter "${chapter}"`);
  return quiz.facts;
}

/** The chapters of one part that have quiz facts, in order. */
export function partChapters(part: string): string[] {
  return fixtureQuizzes.filter((q) => q.part === part).map((q) => q.chapter);
}

/** The facts of one part, chapter by chapter. */
export function partFacts(part: string): QuizFact[] {
  return fixtureQuizzes.filter((q) => q.part === part).flatMap((q) => q.facts);
}

/** Every fact of the fixture garden, part by part. */
export function allFacts(): QuizFact[] {
  return fixtureQuizzes.flatMap((q) => q.facts);
}

/** How many follow-ups these facts carry: review schedules each as a fact of its own. */
export function followupCount(facts: readonly QuizFact[]): number {
  return facts.reduce((sum, fact) => sum + (fact.followups?.length ?? 0), 0);
}
