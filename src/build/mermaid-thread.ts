/**
 * Mermaid's parser, in Node, on a worker thread (scripts/mermaid-worker.mjs):
 * for the check of diagrams (src/lib/check/diagrams.ts) in `npm run check` and
 * in the build. On a thread of its own because Mermaid needs a stand-in for
 * DOMPurify to parse without a DOM, which must not reach any other code, and
 * because loading Mermaid (about a second) then overlaps the rest of the check.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MermaidParser } from '../lib/check/diagrams';

interface Reply {
  id: number;
  error?: { kind: string; message: string; line?: number };
}

export interface MermaidThread {
  parser: MermaidParser;
  stop(): Promise<number>;
}

/** `projectRoot`: the generator's folder, where scripts/mermaid-worker.mjs is. */
export function startMermaidParser(projectRoot: string): MermaidThread {
  const worker = new Worker(join(projectRoot, 'scripts/mermaid-worker.mjs'));
  const waiting = new Map<number, { done: () => void; fail: (error: Error) => void }>();
  worker.on('message', ({ id, error }: Reply) => {
    const reply = waiting.get(id);
    waiting.delete(id);
    if (!error) return reply?.done();
    // Rebuilt as Mermaid threw it: its kind and line are what diagrams.ts reads.
    const Kind = error.kind === 'TypeError' ? TypeError : error.kind === 'ReferenceError' ? ReferenceError : Error;
    reply?.fail(Object.assign(new Kind(error.message), { hash: { loc: { first_line: error.line } } }));
  });
  worker.on('error', (error: Error) => {
    for (const reply of waiting.values()) reply.fail(error);
    waiting.clear();
  });
  let next = 0;
  const parse = (text: string) =>
    new Promise<void>((done, fail) => {
      waiting.set(++next, { done, fail });
      worker.postMessage({ id: next, text });
    });
  return { parser: { parse }, stop: () => worker.terminate() };
}
