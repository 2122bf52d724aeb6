// Where a position is in a document's syntax tree, and what that place means in an environment
// document: a top-level key, an import, a value (with its property path), a builtin call or one of
// its arguments.

import type { Pos } from '../model.js';
import type { ObjectNode, StringNode, SyntaxNode } from '../syntax/nodes.js';
import { isBuiltinKey } from '../builtins/registry.js';
import { contains, touches } from './ranges.js';

/** One step of a property path: an object key or an array index. */
export type PathStep = string | number;

/** One node on the way from the document root to a position. */
export interface Frame {
  readonly node: SyntaxNode;
  /** The key, when the node is the value of an object entry. */
  readonly key?: StringNode;
  /** The index, when the node is an array element. */
  readonly index?: number;
}

/** The nodes containing a position, outermost first, and whether the position is on the last one's key. */
export interface NodePath {
  readonly frames: readonly Frame[];
  readonly onKey: boolean;
}

/** What a place in an environment document is. */
export type Site =
  | { readonly kind: 'none' }
  | { readonly kind: 'topKey'; readonly key: StringNode }
  | { readonly kind: 'import'; readonly index: number; readonly name: StringNode }
  | { readonly kind: 'value'; readonly path: readonly PathStep[]; readonly frame: Frame; readonly onKey: boolean }
  | { readonly kind: 'builtinKey'; readonly path: readonly PathStep[]; readonly call: ObjectNode; readonly key: StringNode }
  | {
      readonly kind: 'builtinArg';
      /** Property path of the call (the value the call produces). */
      readonly path: readonly PathStep[];
      readonly call: ObjectNode;
      /** The builtin key, e.g. `fn::open::aws-login`. */
      readonly name: string;
      /** Path inside the argument, e.g. `['inputs', 'oidc']` for the long form of fn::open. */
      readonly argPath: readonly PathStep[];
      readonly frame: Frame;
      readonly onKey: boolean;
    };

/** Returns the nodes containing `pos`, outermost first. Positions at the very end of a node still touch it. */
export function nodePath(root: SyntaxNode | undefined, pos: Pos): NodePath {
  const frames: Frame[] = [];
  if (root === undefined || !touches(root.range, pos)) return { frames, onKey: false };
  frames.push({ node: root });
  let node: SyntaxNode = root;
  for (;;) {
    if (node.kind === 'object') {
      let next: Frame | undefined;
      for (const entry of node.entries) {
        if (touches(entry.key.range, pos)) return { frames: [...frames, { node: entry.value, key: entry.key }], onKey: true };
        if (touches(entry.value.range, pos) && entry.value.range.end.line > 0) {
          next = { node: entry.value, key: entry.key };
          // Prefer the entry that really contains the position over one that only ends there.
          if (contains(entry.value.range, pos)) break;
        }
      }
      if (next === undefined) return { frames, onKey: false };
      frames.push(next);
      node = next.node;
    } else if (node.kind === 'array') {
      let next: Frame | undefined;
      node.elements.forEach((element, index) => {
        if (next === undefined && touches(element.range, pos)) next = { node: element, index };
      });
      if (next === undefined) return { frames, onKey: false };
      frames.push(next);
      node = next.node;
    } else return { frames, onKey: false };
  }
}

/** Reports whether an object node is a builtin call: exactly one key, and that key names a builtin. */
export function isBuiltinCall(node: SyntaxNode): node is ObjectNode {
  return node.kind === 'object' && node.entries.length === 1 && isBuiltinKey(node.entries[0]!.key.value);
}

/** Returns what the place at the end of `path` means. */
export function siteOf(path: NodePath): Site {
  const frames = path.frames;
  if (frames.length < 2) return { kind: 'none' };
  const section = frames[1]!.key!;
  if (frames.length === 2 && path.onKey) return { kind: 'topKey', key: section };
  const field = section.value.toLowerCase();
  if (field === 'imports') return importSite(path);
  if (field !== 'values') return { kind: 'none' };
  const steps: PathStep[] = [];
  for (let i = 2; i < frames.length; i++) {
    const f = frames[i]!;
    const parent = frames[i - 1]!.node;
    if (i > 2 && isBuiltinCall(parent)) {
      const call = parent;
      const name = call.entries[0]!.key.value;
      if (i === frames.length - 1 && path.onKey) return { kind: 'builtinKey', path: steps, call, key: f.key! };
      const argPath: PathStep[] = [];
      for (let j = i + 1; j < frames.length; j++) argPath.push(stepOf(frames[j]!));
      const last = frames[frames.length - 1]!;
      return { kind: 'builtinArg', path: steps, call, name, argPath, frame: last, onKey: path.onKey };
    }
    steps.push(stepOf(f));
  }
  return { kind: 'value', path: steps, frame: frames[frames.length - 1]!, onKey: path.onKey };
}

/** Returns the site at a position of a document root. */
export function siteAt(root: SyntaxNode | undefined, pos: Pos): Site {
  return siteOf(nodePath(root, pos));
}

function stepOf(f: Frame): PathStep {
  return f.key !== undefined ? f.key.value : f.index!;
}

function importSite(path: NodePath): Site {
  const frames = path.frames;
  const element = frames[2];
  if (element === undefined || element.index === undefined) return { kind: 'none' };
  if (element.node.kind === 'string' && frames.length === 3) return { kind: 'import', index: element.index, name: element.node };
  // For `- name: {merge: false}` only the name itself counts, not the options below it.
  if (element.node.kind === 'object' && element.node.entries.length === 1 && frames.length === 4 && path.onKey) {
    return { kind: 'import', index: element.index, name: element.node.entries[0]!.key };
  }
  return { kind: 'none' };
}
