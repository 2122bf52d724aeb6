// Folding ranges: every mapping, list and block scalar that spans lines folds from the line of its key.

import type { SyntaxNode } from '../syntax/nodes.js';
import type { AnalysisDocument } from './document.js';

/** A foldable span of lines (1-based, both included). */
export interface FoldingSpan {
  readonly startLine: number;
  readonly endLine: number;
}

/** Returns the folding spans of a document, outermost first. */
export function foldingSpans(doc: AnalysisDocument): FoldingSpan[] {
  const out: FoldingSpan[] = [];
  const root = doc.loaded.decl?.syntax;
  if (root === undefined) return out;
  const stack: { node: SyntaxNode; from: number }[] = [{ node: root, from: root.range.begin.line }];
  while (stack.length > 0) {
    const { node, from } = stack.pop()!;
    // A block node's range ends where its last child ends; a trailing line break ends at column 1 of the next line.
    const end = node.range.end.column === 1 && node.range.end.line > from ? node.range.end.line - 1 : node.range.end.line;
    if (end > from && node !== root) out.push({ startLine: from, endLine: end });
    if (node.kind === 'object') {
      for (let i = node.entries.length - 1; i >= 0; i--) {
        const e = node.entries[i]!;
        stack.push({ node: e.value, from: e.key.range.begin.line });
      }
    } else if (node.kind === 'array') {
      for (let i = node.elements.length - 1; i >= 0; i--) stack.push({ node: node.elements[i]!, from: node.elements[i]!.range.begin.line });
    }
  }
  return out;
}
