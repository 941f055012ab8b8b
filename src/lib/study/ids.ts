/**
 * Stable ids for quiz facts. A mark is stored under the id of the fact, so
 * the id must survive what authors do to a quiz file: reorder facts, add new
 * ones, reflow a question over two lines. It depends only on the chapter id
 * and the question text, normalised (Unicode NFKC, case, whitespace), so a
 * fact whose question really changed gets a new id and starts unmarked.
 */

/** The question as the id sees it: NFKC, lower case, runs of whitespace as one space, trimmed. */
export function normaliseQuestion(question: string): string {
  return question.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A 53-bit hash of a string in base 36 (at most 11 characters): two 32-bit
 * multiply-xor lanes mixed at the end. Not cryptographic; with a few thousand
 * facts a collision is about one chance in a billion.
 */
export function shortHash(value: string): string {
  let a = 0xdeadbeef;
  let b = 0x41c6ce57;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    a = Math.imul(a ^ code, 2654435761);
    b = Math.imul(b ^ code, 1597334677);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return (4294967296 * (2097151 & b) + (a >>> 0)).toString(36);
}

/** `ml-foundations/01-tensors#1x2y3z`: readable chapter, hashed question. */
export function factId(chapterId: string, question: string): string {
  return `${chapterId}#${shortHash(normaliseQuestion(question))}`;
}

/**
 * Ids for the facts of one chapter, in order. Two facts asking the same
 * question would share an id, so the second gets `~2`, the third `~3`.
 */
export function factIds(chapterId: string, questions: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return questions.map((question) => {
    const id = factId(chapterId, question);
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}~${count}`;
  });
}

/**
 * The id of a fact's follow-up question: the parent's id and the follow-up's
 * hashed question (`ml-foundations/01-tensors#1x2y3z>4a5b6c`), so it keeps its
 * own history while either question stays as written.
 */
export function followupId(parentId: string, question: string): string {
  return `${parentId}>${shortHash(normaliseQuestion(question))}`;
}
