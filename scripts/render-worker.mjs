// Entry of a note render worker: the project's TypeScript runs as is in
// Node 24 once ts-hooks resolves its extensionless imports.
import './ts-hooks.mjs';

await import('../src/build/note-worker.ts');
