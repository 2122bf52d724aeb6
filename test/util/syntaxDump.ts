// Everything a syntax tree and a load say, as plain data: for comparing two loads of the same text
// (a full load and an incremental reload) with deepEqual or JSON.

import { checkEnvironment, diagnosticToJSON, environmentToJSON, type LoadedDocument } from '../../engine/src/index.js';
import type { SyntaxNode } from '../../engine/src/syntax/index.js';

/** Every node in document order: kind, path, range, value, and for strings style, tag and source offsets. */
export function dumpSyntax(node: SyntaxNode | undefined, out: unknown[] = []): unknown[] {
  if (node === undefined) return out;
  const r = node.range;
  const row: unknown[] = [node.kind, node.path, r.environment, r.begin.line, r.begin.column, r.begin.byte, r.end.line, r.end.column, r.end.byte];
  if (node.kind === 'string') {
    const v = node.value;
    row.push(v, node.style, node.tag, node.sourceOffset(0), node.sourceOffset(v.length >> 1), node.sourceOffset(v.length));
  } else if (node.kind !== 'object' && node.kind !== 'array' && node.kind !== 'null') row.push(node.value);
  out.push(row);
  if (node.kind === 'object') for (const e of node.entries) (dumpSyntax(e.key, out), dumpSyntax(e.value, out));
  if (node.kind === 'array') for (const e of node.elements) dumpSyntax(e, out);
  return out;
}

/** A load as plain data: its syntax tree, text and diagnostics, and the check of its declaration (without imports). */
export function dumpLoad(loaded: LoadedDocument): unknown {
  const checked = loaded.decl === undefined ? undefined : checkEnvironment(loaded.name, loaded.decl, {}, {});
  return {
    syntax: dumpSyntax(loaded.decl?.syntax),
    text: loaded.doc.source.text,
    load: loaded.diagnostics.map((d) => diagnosticToJSON(d)),
    check: checked?.diagnostics.map((d) => diagnosticToJSON(d)),
    environment: checked?.environment === undefined ? undefined : environmentToJSON(checked.environment),
  };
}
