/**
 * Embed cycles: `![[b]]` in a, and `![[a]]` in b (or a longer ring). The
 * renderer leaves the embed that would close the ring as a link; the checker
 * stops the build, naming the chain, on the line of each embed that starts one.
 */
import type { ContentProblem } from '../errors';
import type { ModelFile } from '../garden-model';
import { findLinks } from '../links/find';
import { resolveWikiLink } from '../links/resolve';
import { targetKey, type LinkCollection, type LinkTarget } from '../links/targets';

interface EmbedEdge {
  to: string;
  line: number;
  written: string;
}

export function checkEmbedCycles(model: readonly ModelFile[], targets: ReadonlyMap<string, LinkTarget>): ContentProblem[] {
  const edges = new Map<string, EmbedEdge[]>();
  const files = new Map<string, ModelFile>();
  for (const modelled of model) {
    if (!modelled.note || !modelled.file.text.includes('![[')) continue;
    const from = targetKey(modelled.note.collection.id as LinkCollection, modelled.note.id);
    files.set(from, modelled);
    const out: EmbedEdge[] = [];
    for (const link of findLinks(modelled.body)) {
      if (!link.embed) continue;
      const resolution = resolveWikiLink(link.target, targets, { allowDrafts: true });
      if (resolution?.ok) out.push({ to: resolution.target.key, line: modelled.bodyStart + link.line, written: `![[${link.target}]]` });
    }
    edges.set(from, out);
  }
  const problems: ContentProblem[] = [];
  for (const [from, out] of edges) {
    const file = files.get(from)!;
    for (const edge of out) {
      const path = pathBack(edge.to, from, edges);
      if (!path) continue;
      const chain = [from, ...path].join(' → ');
      problems.push({
        severity: 'error',
        file: file.file.displayPath,
        line: edge.line,
        field: 'embed',
        message: `${edge.written} makes an embed cycle: ${chain} (expected embeds that never lead back to the note that embeds them)`,
      });
    }
  }
  return problems;
}

/** The shortest chain of embeds from `start` back to `goal`, both included; undefined when there is none. */
function pathBack(start: string, goal: string, edges: ReadonlyMap<string, EmbedEdge[]>): string[] | undefined {
  const previous = new Map<string, string | undefined>([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === goal) {
      const path: string[] = [];
      for (let at: string | undefined = node; at !== undefined; at = previous.get(at)) path.unshift(at);
      return path;
    }
    for (const edge of edges.get(node) ?? []) {
      if (!previous.has(edge.to)) {
        previous.set(edge.to, node);
        queue.push(edge.to);
      }
    }
  }
  return undefined;
}
