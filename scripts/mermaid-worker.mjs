/**
 * Mermaid's parser on a thread of its own, for `npm run check`: loading
 * Mermaid takes about a second, which then overlaps the rest of the check
 * instead of following it (scripts/check.ts). Answers each `{ id, text }` with
 * `{ id }`, or `{ id, error }` carrying what src/lib/check/diagrams.ts reads of
 * Mermaid's error: its kind, message and line.
 */
import { createRequire, enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';

enableCompileCache?.(fileURLToPath(new URL('../node_modules/.cache/node-compile-cache', import.meta.url)));
const mermaid = createRequire(import.meta.url)('mermaid').default;

parentPort.on('message', async ({ id, text }) => {
  try {
    await mermaid.parse(text);
    parentPort.postMessage({ id });
  } catch (error) {
    const kind = error instanceof TypeError ? 'TypeError' : error instanceof ReferenceError ? 'ReferenceError' : 'Error';
    parentPort.postMessage({ id, error: { kind, message: String(error?.message ?? error), line: error?.hash?.loc?.first_line } });
  }
});
