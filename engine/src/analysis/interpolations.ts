// Interpolations of string nodes, re-parsed with their ranges, and the accessor under a position.

import type { Interpolation, PropertyAccess } from '../ast/expr.js';
import { parseInterpolation } from '../ast/interpolation.js';
import type { Pos, Range } from '../model.js';
import type { StringNode, SyntaxNode } from '../syntax/nodes.js';
import { touches } from './ranges.js';

export { accessorKey } from '../ast/expr.js';

/** The accessor of an interpolation under a position. */
export interface AccessorAt {
  readonly node: StringNode;
  readonly access: PropertyAccess;
  /** Index of the accessor under the position in `access.accessors`. */
  readonly index: number;
}

/** Returns the parts of a string node's interpolations (empty when it has no `${`). */
export function interpolationsOf(node: StringNode): readonly Interpolation[] {
  if (!node.value.includes('${')) return [];
  return parseInterpolation(node.value, node).parts;
}

/** Returns the property accesses of a string node, in text order. */
export function accessesOf(node: StringNode): PropertyAccess[] {
  const out: PropertyAccess[] = [];
  for (const p of interpolationsOf(node)) if (p.value !== undefined) out.push(p.value);
  return out;
}

/** Returns the accessor under `pos` in a string node, if any accessor there has its own range. */
export function accessorAt(node: StringNode, pos: Pos): AccessorAt | undefined {
  for (const access of accessesOf(node)) {
    const accessors = access.accessors;
    for (let i = 0; i < accessors.length; i++) {
      const r = accessors[i]!.range;
      // Accessors without their own range (escaped or folded strings) cannot be pointed at.
      if (r === undefined || r.begin.line === 0 || sameAsNode(r, node)) continue;
      if (touches(r, pos)) {
        // At the boundary between `.a` and `.b`, the position belongs to the accessor that starts there.
        const next = accessors[i + 1]?.range;
        if (next !== undefined && touches(next, pos) && next.begin.line === pos.line && next.begin.column === pos.column) continue;
        return { node, access, index: i };
      }
    }
  }
  return undefined;
}


/** Calls `visit` for every string node below `root` (keys included when `keys` is set), in document order. */
export function forEachString(root: SyntaxNode | undefined, visit: (node: StringNode, isKey: boolean) => void, keys = false): void {
  if (root === undefined) return;
  // An explicit stack: documents may nest deeper than the call stack allows.
  const stack: { node: SyntaxNode; isKey: boolean }[] = [{ node: root, isKey: false }];
  while (stack.length > 0) {
    const { node, isKey } = stack.pop()!;
    if (node.kind === 'string') visit(node, isKey);
    else if (node.kind === 'array') for (let i = node.elements.length - 1; i >= 0; i--) stack.push({ node: node.elements[i]!, isKey: false });
    else if (node.kind === 'object') {
      for (let i = node.entries.length - 1; i >= 0; i--) {
        const e = node.entries[i]!;
        stack.push({ node: e.value, isKey: false });
        if (keys) stack.push({ node: e.key, isKey: true });
      }
    }
  }
}

function sameAsNode(r: Range, node: StringNode): boolean {
  const n = node.range;
  return r.begin.line === n.begin.line && r.begin.column === n.begin.column && r.end.line === n.end.line && r.end.column === n.end.column;
}
