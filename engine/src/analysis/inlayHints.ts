// Inlay hints: the evaluated value of each string with interpolations, shown after it. Secrets are
// masked unless revealing; values unknown until open time show as `[unknown]`.

import type { Pos, Value } from '../model.js';
import { SECRET_PLACEHOLDER, UNKNOWN_PLACEHOLDER, valueToString } from '../eval/json.js';
import type { StringNode, SyntaxNode } from '../syntax/nodes.js';
import type { AnalysisContext } from './document.js';
import { accessorKey, interpolationsOf } from './interpolations.js';
import { isBuiltinCall, type PathStep } from './locate.js';
import { containsSecret, previewValue } from './preview.js';
import { sameRange } from './ranges.js';
import { resolveTarget } from './resolve.js';

/** A hint: a label shown at a UTF-16 offset (the end of the string it is about). */
export interface InlayHintInfo {
  readonly offset: number;
  readonly label: string;
}

const MAX_LABEL = 60;

/** Returns the hints of the strings overlapping `[start, end)`. */
export function inlayHints(ctx: AnalysisContext, start = 0, end = Number.MAX_SAFE_INTEGER): InlayHintInfo[] {
  const doc = ctx.document;
  const values = doc.loaded.decl?.valuesSyntax;
  if (values === undefined || doc.environment === undefined) return [];
  const from = doc.source.pos(start);
  const to = doc.source.pos(Math.min(end, doc.source.text.length));
  const out: InlayHintInfo[] = [];
  const stack: { node: SyntaxNode; path: PathStep[] | undefined }[] = [{ node: values, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (before(node.range.end, from) || before(to, node.range.begin)) continue;
    if (node.kind === 'string') {
      const label = hintOf(ctx, node, path);
      if (label !== undefined) out.push({ offset: doc.source.offsetOfPos(node.range.end.line, node.range.end.column), label });
    } else if (node.kind === 'array') {
      for (let i = node.elements.length - 1; i >= 0; i--) stack.push({ node: node.elements[i]!, path: path === undefined ? undefined : [...path, i] });
    } else if (node.kind === 'object') {
      // Inside builtin arguments, a string's value is not a property of the environment.
      const inCall = path === undefined || (path.length > 0 && isBuiltinCall(node));
      for (let i = node.entries.length - 1; i >= 0; i--) {
        const e = node.entries[i]!;
        stack.push({ node: e.value, path: inCall ? undefined : [...path!, e.key.value] });
      }
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

function hintOf(ctx: AnalysisContext, node: StringNode, path: PathStep[] | undefined): string | undefined {
  const parts = interpolationsOf(node);
  if (!parts.some((p) => p.value !== undefined)) return undefined;
  const reveal = ctx.options.revealSecrets;
  // A property's own value is exactly what the evaluator computed; use it when this string defines it.
  if (path !== undefined && path.length > 0) {
    const t = resolveTarget(ctx, path);
    if (t?.kind === 'value' && t.value !== undefined && sameRange(t.value.trace.def, node.range)) return label(previewValue(t.value, reveal, MAX_LABEL));
  }
  if (parts.length === 1 && parts[0]!.text === '' && parts[0]!.value !== undefined) {
    const t = resolveTarget(ctx, parts[0]!.value.accessors.map(accessorKey));
    return label(t?.kind === 'value' ? previewValue(t.value, reveal, MAX_LABEL) : UNKNOWN_PLACEHOLDER);
  }
  let text = '';
  let secret = false;
  for (const p of parts) {
    text += p.text;
    if (p.value === undefined) continue;
    const t = resolveTarget(ctx, p.value.accessors.map(accessorKey));
    const v: Value | undefined = t?.kind === 'value' ? t.value : undefined;
    if (v === undefined || v.unknown) text += UNKNOWN_PLACEHOLDER;
    else {
      if (containsSecret(v)) secret = true;
      text += valueToString(v, !reveal);
    }
  }
  if (secret && !reveal) return label(SECRET_PLACEHOLDER);
  return label(JSON.stringify(text).length > MAX_LABEL ? JSON.stringify(text).slice(0, MAX_LABEL - 1) + '…' : JSON.stringify(text));
}

function label(preview: string): string {
  return `= ${preview}`;
}

function before(a: Pos, b: Pos): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}
