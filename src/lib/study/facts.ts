/**
 * What the study mode renders for each quiz fact: its stable id, the chapter
 * it came from and, for a fact with distractors, its choices. Pages render
 * these server-side with data-* attributes; the client script only reads the
 * attributes, so no fact is shipped twice.
 */
import type { ChapterFacts, ChapterItem } from '../garden';
import { factIds } from './ids';

export interface StudyChoice {
  text: string;
  correct: boolean;
}

export interface StudyFact {
  id: string;
  /** The id as an HTML id: `fact-ml-foundations-01-tensors-250tc4ljvoo`. */
  anchor: string;
  chapterId: string;
  /** "Ch 3: The backward pass", shown beside a fact when the sheet is shuffled. */
  from: string;
  question: string;
  answer: string;
  explanation: string;
  /** The answer first, then the distractors; the page shuffles them. Absent without distractors. */
  choices?: StudyChoice[] | undefined;
}

export interface StudyGroup {
  chapter: ChapterItem;
  facts: StudyFact[];
}

export function studyGroups(groups: readonly ChapterFacts[]): StudyGroup[] {
  return groups.map(({ chapter, facts }) => {
    const ids = factIds(chapter.id, facts.map((fact) => fact.question));
    return {
      chapter,
      facts: facts.map((fact, index) => ({
        id: ids[index]!,
        anchor: factAnchor(ids[index]!),
        chapterId: chapter.id,
        from: `Ch ${chapter.chapter}: ${chapter.title}`,
        question: fact.question,
        answer: fact.answer,
        explanation: fact.explanation,
        choices: fact.distractors?.length
          ? [{ text: fact.answer, correct: true }, ...fact.distractors.map((text) => ({ text, correct: false }))]
          : undefined,
      })),
    };
  });
}

/** Every fact id of a page, in reading order. */
export function studyFactIds(groups: readonly StudyGroup[]): string[] {
  return groups.flatMap((group) => group.facts.map((fact) => fact.id));
}

/** A fact id made fit for an HTML id and a URL fragment. */
export function factAnchor(id: string): string {
  return `fact-${id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}
