/**
 * Mermaid's parser on a thread of its own (src/build/mermaid-thread.ts), for
 * `npm run check` and the build's check of new diagrams. Mermaid sanitizes
 * labels with DOMPurify as it parses, and DOMPurify has nothing to work with
 * without a DOM: on this thread only, `dompurify` resolves to a stand-in that
 * returns text as it is. Nothing parsed here is ever shown (the drawing is done
 * in a browser, with the real DOMPurify), so only the parse's verdict counts.
 * Answers each `{ id, text }` with `{ id }`, or `{ id, error }` carrying what
 * src/lib/check/diagrams.ts reads of Mermaid's error: its kind, message and line.
 */
import { createRequire, enableCompileCache, registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';

enableCompileCache?.(fileURLToPath(new URL('../node_modules/.cache/node-compile-cache', import.meta.url)));

const PASS_THROUGH = 'const api = { isSupported: true, sanitize: (text) => String(text), addHook() {}, removeHook() {}, removeHooks() {}, removeAllHooks() {}, setConfig() {}, clearConfig() {} }; export default api;';
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier !== 'dompurify') return nextResolve(specifier, context);
    return { url: `data:text/javascript,${encodeURIComponent(PASS_THROUGH)}`, format: 'module', shortCircuit: true };
  },
});

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
