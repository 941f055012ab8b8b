/**
 * What the study mode renders for each quiz fact: its stable id, the chapter
 * it came from and, for a fact with distractors, its choices. Pages render
 * these server-side with data-* attributes; the client script only reads the
 * attributes, so no fact is shipped twice.
 */
import type { ChapterFacts, ChapterItem } from '../garden';
import type { InlineMarkdown } from '../markdown/inline-markdown';
import type { QuizFact } from '../schema';
import { factIds, followupId } from './ids';

export interface StudyChoice extends InlineMarkdown {
  correct: boolean;
}

export interface StudyFact {
  id: string;
  /** The id as an HTML id: `fact-ml-foundations-01-tensors-250tc4ljvoo`. */
  anchor: string;
  chapterId: string;
  /** "Ch 3: The backward pass", shown beside a fact when the sheet is shuffled. */
  from: string;
  /** The plain text of question, answer and explanation (search takes these). */
  question: string;
  answer: string;
  explanation: string;
  /** The same three as HTML: their inline Markdown rendered, formulas typeset. */
  html: { question: string; answer: string; explanation: string };
  /** Whether any of them, or a choice, holds a typeset formula. */
  hasMath: boolean;
  /** The answer first, then the distractors; the page shuffles them. Absent without distractors. */
  choices?: StudyChoice[] | undefined;
  /** The fact's level (site.config.ts `levels`), if it has one. */
  level?: number | undefined;
  /** Questions asked after the answer, each with an id of its own (followupId). */
  followups?: StudyFollowup[] | undefined;
}

export interface StudyFollowup {
  id: string;
  question: InlineMarkdown;
  answer: InlineMarkdown;
}

export interface StudyGroup {
  chapter: ChapterItem;
  facts: StudyFact[];
}

/** `render` turns a field's inline Markdown into HTML and plain text (inlineMarkdownRenderer, made for the site's base path). */
export function studyGroups(groups: readonly ChapterFacts[], render: (markdown: string) => InlineMarkdown): StudyGroup[] {
  return groups.map(({ chapter, facts }) => {
    // From the question as written, so a reader's marks survive a change in how it renders.
    const ids = factIds(chapter.id, facts.map((fact) => fact.question));
    return {
      chapter,
      facts: facts.map((fact, index) => {
        const [question, answer, explanation] = [render(fact.question), render(fact.answer), render(fact.explanation)];
        const distractors = fact.distractors?.map(render) ?? [];
        const followups = fact.followups?.map((followup) => ({ id: followupId(ids[index]!, followup.question), question: render(followup.question), answer: render(followup.answer) }));
        return {
          id: ids[index]!,
          anchor: factAnchor(ids[index]!),
          chapterId: chapter.id,
          from: `Ch ${chapter.chapter}: ${chapter.title}`,
          question: question.text,
          answer: answer.text,
          explanation: explanation.text,
          html: { question: question.html, answer: answer.html, explanation: explanation.html },
          hasMath: [question, answer, explanation, ...distractors, ...(followups ?? []).flatMap((f) => [f.question, f.answer])].some((field) => field.hasMath),
          choices: distractors.length ? [{ ...answer, correct: true }, ...distractors.map((choice) => ({ ...choice, correct: false }))] : undefined,
          level: fact.level,
          followups,
        };
      }),
    };
  });
}

/** Whether a page of these facts shows a formula. */
export function studyHasMath(groups: readonly StudyGroup[]): boolean {
  return groups.some((group) => group.facts.some((fact) => fact.hasMath));
}

/** Every fact id of a page, in reading order. */
export function studyFactIds(groups: readonly StudyGroup[]): string[] {
  return groups.flatMap((group) => group.facts.map((fact) => fact.id));
}

/** A fact id made fit for an HTML id and a URL fragment. */
export function factAnchor(id: string): string {
  return `fact-${id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/** Whether any fact of these quizzes (a follow-up included) shows a formula: the review and exam pages then link KaTeX's stylesheet. */
export function quizHasMath(quizzes: readonly { facts: readonly QuizFact[] }[], render: (markdown: string) => InlineMarkdown): boolean {
  return quizzes.some((quiz) =>
    quiz.facts.some((fact) =>
      [fact.question, fact.answer, fact.explanation, ...(fact.distractors ?? []), ...(fact.followups ?? []).flatMap((f) => [f.question, f.answer])].some((text) => render(text).hasMath),
    ),
  );
}
