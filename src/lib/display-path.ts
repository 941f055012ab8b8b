import { isAbsolute, relative, sep } from 'node:path';

/** A path as the author should see it in a message: relative to where they ran the command when it is inside it. */
export function relativeToCwd(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, path);
  const outside = rel === '..' || rel.startsWith(`..${sep}`);
  if (rel === '' || outside || isAbsolute(rel)) return path.split(sep).join('/');
  return rel.split(sep).join('/');
}
