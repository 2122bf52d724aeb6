// Document symbols (the outline: imports, then the values as a tree) and workspace symbols
// (environments and their top-level values), from syntax alone.

import type { Range } from '../model.js';
import type { SyntaxNode } from '../syntax/nodes.js';
import type { AnalysisDocument, AnalysisWorkspace } from './document.js';
import { isBuiltinCall } from './locate.js';

/** The kind of a symbol (the host maps it to its editor's kinds). */
export type SymbolKindName = 'namespace' | 'module' | 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'function' | 'key';

/** A node of the document outline. */
export interface OutlineSymbol {
  readonly name: string;
  readonly kind: SymbolKindName;
  readonly detail?: string;
  /** The whole entry: from the key to the end of its value. */
  readonly range: Range;
  /** The key (what is selected when the symbol is picked). */
  readonly selectionRange: Range;
  readonly children: readonly OutlineSymbol[];
}

/** A symbol of the workspace. */
export interface WorkspaceSymbolInfo {
  readonly name: string;
  readonly kind: SymbolKindName;
  /** The environment it belongs to (absent for environments themselves). */
  readonly container?: string;
  readonly range: Range;
}

/**
 * Returns the outline of a document. With `limit`, at most that many symbols under `values`, level by
 * level (every top-level value first, then their children, and so on), so a huge document still
 * outlines its structure.
 */
export function documentSymbols(doc: AnalysisDocument, limit = Number.MAX_SAFE_INTEGER): OutlineSymbol[] {
  const root = doc.loaded.decl?.syntax;
  if (root?.kind !== 'object') return [];
  const out: OutlineSymbol[] = [];
  for (const { key, value } of root.entries) {
    const field = key.value.toLowerCase();
    const range = span(key.range, value.range);
    if (field === 'imports' && value.kind === 'array') {
      const children = value.elements.flatMap((e): OutlineSymbol[] => {
        const name = e.kind === 'string' ? e : e.kind === 'object' && e.entries.length === 1 ? e.entries[0]!.key : undefined;
        return name === undefined ? [] : [{ name: name.value, kind: 'module', detail: 'import', range: e.range, selectionRange: name.range, children: [] }];
      });
      out.push({ name: key.value, kind: 'namespace', range, selectionRange: key.range, children });
    } else if (field === 'values') {
      out.push({ name: key.value, kind: 'namespace', range, selectionRange: key.range, children: childSymbols(value, limit) });
    } else {
      out.push({ name: key.value, kind: 'key', range, selectionRange: key.range, children: [] });
    }
  }
  return out;
}

/** Returns the environments and top-level values of the workspace whose names match `query` (a subsequence, case-insensitive). */
export function workspaceSymbols(workspace: AnalysisWorkspace, query: string, limit = 500): WorkspaceSymbolInfo[] {
  const out: WorkspaceSymbolInfo[] = [];
  const q = query.toLowerCase();
  for (const env of workspace.environments()) {
    if (out.length >= limit) break;
    const doc = workspace.document(env.name);
    if (doc === undefined) continue;
    const start = doc.source.pos(0);
    if (matches(env.name, q)) out.push({ name: env.name, kind: 'module', range: { environment: doc.name, begin: start, end: start } });
    for (const entry of doc.loaded.decl?.values ?? []) {
      if (out.length >= limit) break;
      if (matches(entry.keySyntax.value, q)) out.push({ name: entry.keySyntax.value, kind: kindOf(entry.value.syntax), container: env.name, range: entry.keySyntax.range });
    }
  }
  return out;
}

function childSymbols(node: SyntaxNode, limit: number): OutlineSymbol[] {
  // Breadth first, with an explicit queue: deeply nested documents stay off the call stack, and a
  // limit cuts the deepest levels, not the last keys.
  const result: OutlineSymbol[] = [];
  const queue: { node: SyntaxNode; into: OutlineSymbol[] }[] = [{ node, into: result }];
  let count = 0;
  for (let head = 0; head < queue.length && count < limit; head++) {
    const { node: n, into } = queue[head]!;
    const add = (name: string, value: SyntaxNode, range: Range, selectionRange: Range) => {
      if (count >= limit) return;
      count++;
      const children: OutlineSymbol[] = [];
      into.push({ name, kind: kindOf(value), ...detailOf(value), range, selectionRange, children });
      if (value.kind === 'array' || (value.kind === 'object' && !isBuiltinCall(value))) queue.push({ node: value, into: children });
    };
    if (n.kind === 'object') for (const { key, value } of n.entries) add(key.value, value, span(key.range, value.range), key.range);
    else if (n.kind === 'array') n.elements.forEach((e, i) => add(`[${i}]`, e, e.range, e.range));
  }
  return result;
}

function kindOf(n: SyntaxNode | undefined): SymbolKindName {
  if (n === undefined) return 'key';
  switch (n.kind) {
    case 'object':
      return isBuiltinCall(n) ? 'function' : 'object';
    case 'array':
      return 'array';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
  }
}

function detailOf(n: SyntaxNode): { detail?: string } {
  if (isBuiltinCall(n)) return { detail: n.entries[0]!.key.value };
  return {};
}

function span(a: Range, b: Range): Range {
  const end = b.end.line > a.end.line || (b.end.line === a.end.line && b.end.column > a.end.column) ? b.end : a.end;
  return { environment: a.environment, begin: a.begin, end };
}

function matches(name: string, q: string): boolean {
  if (q === '') return true;
  const n = name.toLowerCase();
  let i = 0;
  for (const c of n) if (c === q[i] && ++i === q.length) return true;
  return false;
}
