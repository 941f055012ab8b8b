/**
 * A depth-first, pre-order tree walker for the project's own remark and rehype
 * plugins: unist-util-visit(-parents) as far as they use it, without its cost.
 * That library makes a closure and a result array for every node it visits and
 * copies the list of ancestors for every node with children; with a dozen walks
 * per note this was about a seventh of a render worker's time. Here a walk is
 * one recursive function over `children` and one ancestors stack, pushed and
 * popped.
 *
 * It walks exactly as unist-util-visit-parents 6 does (lib/index.js), edits
 * included:
 * - the visitor sees a node before its children, and children in order;
 * - with a `type`, only nodes of that type are passed to the visitor, but the
 *   walk still goes through the others' children;
 * - a visitor returns nothing (go on), SKIP (do not enter this node's children)
 *   or a number: once this node's children are done (unless it returned SKIP),
 *   continue with the child at that index of the parent; a negative index, or
 *   one past the end, ends the walk of that parent's children;
 * - children are read live: after the visitor returns, the walk enters the
 *   `children` of the node it was given (even if the visitor put another node
 *   in its place), and at every step reads the parent's `children` and their
 *   length again. Without a returned index the next node is the one at
 *   `index + 1` in the parent's children as they are then: a visitor that
 *   inserts or removes nodes before its own returns the index to go on at.
 *   The nodes in `ancestors` are the ones being walked, even if a visitor has
 *   put others in their place.
 *
 * Not supported, as no plugin here needs them: EXIT, `[action, index]`
 * results, exit visitors, reverse order and tests other than a node type.
 */
import type { Node, Parent } from 'unist';
import type { Nodes as HastNodes, Parents as HastParents, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, Parents as MdastParents, Root as MdastRoot } from 'mdast';

/** Returned by a visitor: do not walk this node's children. The same value as unist-util-visit's SKIP. */
export const SKIP = 'skip';

/** What a visitor returns: nothing (go on), SKIP, or the index in the parent to continue at. */
export type Action = typeof SKIP | number | undefined | void;

/**
 * Called for each node, before its children. `index` and `parent` are
 * undefined for the tree itself. `ancestors` (root first, `parent` last) is
 * the walker's own stack, which the walk goes on changing: read it during the
 * call, and copy it (`[...ancestors]`) to keep it.
 */
export type Visitor<N = Node, P = Parent> = (node: N, index: number | undefined, parent: P | undefined, ancestors: readonly P[]) => Action;

/** The nodes and parents of a hast or mdast tree; any unist node otherwise. */
type NodesOf<Tree> = Tree extends HastRoot ? HastNodes : Tree extends MdastRoot ? MdastNodes : Node;
type ParentsOf<Tree> = Tree extends HastRoot ? HastParents : Tree extends MdastRoot ? MdastParents : Parent;
type OfType<N, T extends string> = [Extract<N, { type: T }>] extends [never] ? N : Extract<N, { type: T }>;

/** Calls `visitor` for every node of the tree of type `type`, the tree included, in pre-order. */
export function walk<Tree extends Node, Type extends NodesOf<Tree>['type']>(
  tree: Tree,
  type: Type,
  visitor: Visitor<OfType<NodesOf<Tree>, Type>, ParentsOf<Tree>>,
): void;
/** Calls `visitor` for every node of the tree, the tree included, in pre-order. */
export function walk<Tree extends Node>(tree: Tree, visitor: Visitor<NodesOf<Tree>, ParentsOf<Tree>>): void;
export function walk(tree: Node, typeOrVisitor: string | Visitor, visitor?: Visitor): void {
  if (typeof typeOrVisitor === 'string') step(tree, undefined, undefined, typeOrVisitor, visitor!, []);
  else step(tree, undefined, undefined, undefined, typeOrVisitor, []);
}

function step(node: Node, index: number | undefined, parent: Parent | undefined, type: string | undefined, visitor: Visitor, ancestors: Parent[]): Action {
  const action = type === undefined || node.type === type ? visitor(node, index, parent, ancestors) : undefined;
  const self = node as Parent;
  if (action !== SKIP && self.children) {
    ancestors.push(self);
    let offset = 0;
    while (offset > -1 && offset < self.children.length) {
      const next = step(self.children[offset]!, offset, self, type, visitor, ancestors);
      offset = typeof next === 'number' ? next : offset + 1;
    }
    ancestors.pop();
  }
  return action;
}
