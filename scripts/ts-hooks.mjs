// Lets Node run the project's TypeScript as is: Node strips the types itself;
// this hook only finds `./module` written without its `.ts` extension, as
// Vite and Astro allow. In-thread (module.registerHooks), so it costs nothing
// at start-up.
import { enableCompileCache, registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

// Caches compiled (and type-stripped) modules between runs: start-up is most of `npm run check`.
enableCompileCache?.(fileURLToPath(new URL('../node_modules/.cache/node-compile-cache', import.meta.url)));

const EXTENSIONS = ['.ts', '/index.ts'];

registerHooks({
  resolve(specifier, context, nextResolve) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('file:');
    if (!relative || /\.[cm]?[jt]s$|\.json$/.test(specifier)) return nextResolve(specifier, context);
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      for (const extension of EXTENSIONS) {
        try {
          return nextResolve(specifier + extension, context);
        } catch {
          // try the next one
        }
      }
      throw error;
    }
  },
});
