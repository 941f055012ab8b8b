/**
 * What only MDX can get wrong, found by compiling the note with @mdx-js/mdx
 * as Astro's MDX integration does (GFM and `$` math, which decide what `{`
 * means): syntax (an unclosed tag, a broken `{expression}`), components used
 * but never imported or defined (the page would fail as it renders), and the
 * modules it imports, which the caller checks exist (imports.ts) since files
 * may appear and vanish between runs while this result is remembered.
 */
import { createRequire } from 'node:module';
import remarkMath from 'remark-math';
import type { Root } from 'mdast';
import type { Program } from 'estree';
import type { ContentProblem } from '../errors';

type LocalProblem = Omit<ContentProblem, 'file'>;

/**
 * MDX's compiler and its helpers, loaded on the first .mdx note: they take a
 * fifth of a second to load, which a garden of Markdown only (and every
 * `npm run check` of one) need not pay. Node ≥ 22.12 requires ES modules.
 */
let tools: { compileSync: typeof import('@mdx-js/mdx').compileSync; visit: typeof import('estree-util-visit').visit; remarkGfm: typeof import('remark-gfm').default } | undefined;
function mdxTools(): NonNullable<typeof tools> {
  if (tools) return tools;
  const load = createRequire(import.meta.url);
  tools = {
    compileSync: (load('@mdx-js/mdx') as typeof import('@mdx-js/mdx')).compileSync,
    visit: (load('estree-util-visit') as typeof import('estree-util-visit')).visit,
    remarkGfm: (load('remark-gfm') as typeof import('remark-gfm')).default,
  };
  return tools;
}

export interface MdxImport {
  specifier: string;
  /** 1-based line in the file. */
  line: number;
}

export interface MdxCheck {
  problems: LocalProblem[];
  imports: MdxImport[];
}

/** `3:1-3:23` → 3 */
function lineOfPlace(place: unknown): number | undefined {
  const line = typeof place === 'string' ? Number(/^(\d+):/.exec(place)?.[1]) : undefined;
  return line && Number.isFinite(line) ? line : undefined;
}

/** Collects the ESM imports of the body, with their lines, as the parser saw them. */
function remarkImports(imports: MdxImport[]) {
  return () => (tree: Root) => {
    for (const node of tree.children) {
      if ((node.type as string) !== 'mdxjsEsm') continue;
      const program = (node.data as { estree?: Program } | undefined)?.estree;
      for (const statement of program?.body ?? []) {
        if (statement.type === 'ImportDeclaration' && typeof statement.source.value === 'string') {
          imports.push({ specifier: statement.source.value, line: statement.loc?.start.line ?? node.position?.start.line ?? 1 });
        }
      }
    }
  };
}

/** Collects the components MDX found no definition for: in development mode it guards each with `_missingMdxReference(name, isComponent, place)`. */
function recmaMissing(missing: { name: string; line: number | undefined }[]) {
  return () => (program: Program) => {
    mdxTools().visit(program, (node) => {
      if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== '_missingMdxReference') return;
      const [name, component, place] = node.arguments.map((argument) => (argument.type === 'Literal' ? argument.value : undefined));
      if (typeof name === 'string' && component === true) missing.push({ name, line: lineOfPlace(place) });
    });
  };
}

/** Compiles an .mdx note's body; `bodyStart` is the 0-based line of the file where it begins. */
export function checkMdx(body: string, bodyStart: number): MdxCheck {
  const imports: MdxImport[] = [];
  const missing: { name: string; line: number | undefined }[] = [];
  const problems: LocalProblem[] = [];
  try {
    const { compileSync, remarkGfm } = mdxTools();
    compileSync(body, { development: true, remarkPlugins: [remarkGfm, remarkMath, remarkImports(imports)], recmaPlugins: [recmaMissing(missing)] });
  } catch (error) {
    const { line, reason } = error as { line?: number; reason?: string };
    const text = reason ?? (error instanceof Error ? error.message : String(error));
    // An unclosed tag is reported at the end of the document, its opening tag's place only in the text: `(3:1-3:6)`.
    const at = line ?? lineOfPlace(/\((\d+:\d+)-/.exec(text)?.[1]) ?? 1;
    // The place in the text counts lines from the body, not the file: the report's own line says where.
    const said = text.replace(/ \(\d+:\d+-\d+:\d+\)/g, '').replace(/\.$/, '');
    problems.push({ severity: 'error', field: '(mdx)', message: `${said} (expected MDX that compiles: every tag closed, every {expression} valid JavaScript)`, line: bodyStart + at });
    return { problems, imports: [] };
  }
  for (const { name, line } of missing) {
    problems.push({
      severity: 'error',
      field: '(mdx)',
      message: `component <${name}> is used but never imported or defined (expected an import such as: import ${name.split('.')[0]} from '../components/${name.split('.')[0]}.astro')`,
      ...(line ? { line: bodyStart + line } : {}),
    });
  }
  return { problems, imports: imports.map((entry) => ({ ...entry, line: bodyStart + entry.line })) };
}
