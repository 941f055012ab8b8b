// Entry of the map's layout thread (src/build/layout-thread.ts): the project's
// TypeScript runs as is in Node 24 once ts-hooks resolves its extensionless imports.
import './ts-hooks.mjs';

await import('../src/build/layout-worker.ts');
