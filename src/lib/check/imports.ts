/**
 * Whether a module an .mdx note imports exists: a relative path from the
 * note's folder (with the extensions Vite tries), a path from the project
 * root (`/src/components/Chart.astro`), or a package installed in the
 * project. Asked on every run, since files come and go while the compile
 * result of an unchanged note is remembered.
 */
import { existsSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** `(specifier, path of the note under the garden) → exists?` */
export type ImportResolver = (specifier: string, notePath: string) => boolean;

const EXTENSIONS = ['', '.astro', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.mdx', '.md', '.json', '.svelte', '.vue'];

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

export function importResolver(contentDir: string, projectRoot: string): ImportResolver {
  return (specifier, notePath) => {
    const bare = specifier.replace(/[?#].*$/, '');
    if (bare.startsWith('.') || bare.startsWith('/')) {
      const base = bare.startsWith('/') ? join(projectRoot, bare) : resolve(contentDir, dirname(notePath), bare);
      return EXTENSIONS.some((extension) => isFile(base + extension)) || EXTENSIONS.slice(1).some((extension) => isFile(join(base, `index${extension}`)));
    }
    if (bare.startsWith('node:') || bare.startsWith('astro:') || builtinModules.includes(bare)) return true;
    const name = bare.startsWith('@') ? bare.split('/').slice(0, 2).join('/') : (bare.split('/')[0] ?? bare);
    return existsSync(join(projectRoot, 'node_modules', name, 'package.json'));
  };
}
