// Syntax nodes → expressions (§4.1, §4.4, §4.5). Never throws: problems become load diagnostics.

import { errorDiag, type Diagnostic } from '../diagnostics.js';
import type { ObjectNode, StringNode, SyntaxNode } from '../syntax/nodes.js';
import { parseBuiltin } from './parseBuiltin.js';
import { parseInterpolation } from './interpolation.js';
import type { Expr, ObjectProperty, StringExpr } from './expr.js';
import { BUILTIN_PREFIX, isBuiltinKey } from '../builtins/registry.js';

/** Parses any syntax node into an expression, appending diagnostics to `diags`. */
export function parseExpr(node: SyntaxNode, diags: Diagnostic[]): Expr {
  switch (node.kind) {
    case 'null':
      return { kind: 'null', syntax: node };
    case 'boolean':
      return { kind: 'boolean', value: node.value, syntax: node };
    case 'number':
      return { kind: 'number', value: node.value, syntax: node };
    case 'string':
      return parseString(node, diags);
    case 'array':
      return { kind: 'array', elements: node.elements.map((e) => parseExpr(e, diags)), syntax: node };
    case 'object':
      return parseObject(node, diags);
  }
}

/** Parses a string node: a literal, a symbol (`${x}` alone) or an interpolation. */
export function parseString(node: StringNode, diags: Diagnostic[]): Expr {
  const value = node.value;
  // Fast path: most strings have no '$' at all.
  if (!value.includes('$')) return { kind: 'string', value, syntax: node };
  const parsed = parseInterpolation(value, node);
  for (const d of parsed.diagnostics) diags.push(d);
  const parts = parsed.parts;
  if (parts.length === 0) return { kind: 'string', value: '', syntax: node };
  if (parts.length === 1) {
    const p = parts[0]!;
    if (p.value === undefined) return { kind: 'string', value: p.text, syntax: node };
    if (p.text === '') return { kind: 'symbol', property: p.value, syntax: node };
  }
  return { kind: 'interpolate', parts, syntax: node };
}

/** Returns the raw string literal for a node without interpolation processing (import names, top-level keys). */
export function rawString(node: StringNode): StringExpr {
  return { kind: 'string', value: node.value, syntax: node };
}

function parseObject(node: ObjectNode, diags: Diagnostic[]): Expr {
  if (node.entries.length === 1) {
    const key = node.entries[0]!.key.value;
    if (isBuiltinKey(key)) {
      const args = parseExpr(node.entries[0]!.value, diags);
      return parseBuiltin(node, key, args, diags);
    }
    if (key.toLowerCase().startsWith(BUILTIN_PREFIX)) {
      diags.push(errorDiag("'fn::' is a reserved prefix", node.entries[0]!.key.range, node.path));
    }
  } else {
    for (const { key } of node.entries) {
      if (key.value.startsWith(BUILTIN_PREFIX)) {
        diags.push(
          errorDiag(
            `illegal call to builtin function: ${JSON.stringify(key.value)} must be the only key within its containing object`,
            node.range,
            node.path,
          ),
        );
      }
    }
  }
  const entries: ObjectProperty[] = [];
  for (const { key, value } of node.entries) {
    const k = parseString(key, diags);
    let keyExpr: StringExpr | undefined;
    if (k.kind === 'string') keyExpr = k;
    else diags.push(errorDiag('object keys must be strings', key.range, key.path));
    const v = parseExpr(value, diags);
    entries.push(keyExpr ? { key: keyExpr, keySyntax: key, value: v } : { keySyntax: key, value: v });
  }
  return { kind: 'object', entries, syntax: node };
}
