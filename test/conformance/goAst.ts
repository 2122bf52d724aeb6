// Projects our declaration to the JSON the reference dumps for its Go AST (esc-parse `decl`):
// exported struct fields only, syntax nodes omitted, accessor ranges in the reference's coordinates.

import { NumberText, hclRangeToJSON, referenceRange, type JsonData, type Range, type ast } from '../../engine/src/index';

/** Returns the reference's JSON of an environment declaration. */
export function declJSON(decl: ast.EnvironmentDecl | undefined): JsonData {
  if (decl === undefined) return null;
  return {
    Description: decl.description ? str(decl.description) : null,
    Imports: decl.imports.length > 0 ? { Elements: decl.imports.map(importJSON) } : null,
    Values: decl.valuesSyntax ? { Entries: decl.values.map(entryJSON) } : null,
  };
}

function importJSON(i: ast.ImportDecl): JsonData {
  return { Environment: str(i.environment), Meta: null };
}

function entryJSON(e: ast.ObjectProperty): JsonData {
  return { Key: e.key ? str(e.key) : null, Value: exprJSON(e.value) };
}

function str(e: ast.StringExpr): JsonData {
  return { Value: e.value };
}

function exprJSON(e: ast.Expr | undefined): JsonData {
  if (e === undefined) return null;
  switch (e.kind) {
    case 'null':
      return {};
    case 'boolean':
      return { Value: e.value };
    case 'number':
      return { Value: new NumberText(e.value) };
    case 'string':
      return str(e);
    case 'interpolate':
      return { Parts: e.parts.map((p) => ({ Text: p.text, Value: p.value ? accessJSON(p.value) : null })) };
    case 'symbol':
      return { Property: accessJSON(e.property) };
    case 'array':
      return { Elements: e.elements.map(exprJSON) };
    case 'object':
      return { Entries: e.entries.map(entryJSON) };
    case 'builtin':
      return builtinJSON(e);
  }
}

function builtinJSON(e: ast.BuiltinExpr): JsonData {
  switch (e.builtin) {
    case 'open':
      return { Provider: e.provider && !e.shortForm ? str(e.provider) : null, Inputs: exprJSON(e.inputs) };
    case 'rotate':
      return { Provider: e.provider && !e.shortForm ? str(e.provider) : null, Inputs: exprJSON(e.inputs), State: exprJSON(e.state) };
    case 'secret':
      return { Plaintext: e.plaintext ? str(e.plaintext) : null, Ciphertext: e.ciphertext ? str(e.ciphertext) : null };
    case 'join':
      return { Delimiter: exprJSON(e.delimiter), Values: exprJSON(e.values) };
    case 'split':
      return { Delimiter: exprJSON(e.delimiter), Source: exprJSON(e.string) };
    case 'concat':
      return { Arrays: exprJSON(e.arrays) };
    case 'validate':
      return { Schema: exprJSON(e.schema), Value: exprJSON(e.value) };
    default:
      return { Value: exprJSON(e.value) };
  }
}

function accessJSON(p: ast.PropertyAccess): JsonData {
  return {
    Accessors: p.accessors.map((a) =>
      a.kind === 'name'
        ? { Name: a.name, AccessorRange: rangeJSON(a.range) }
        : { Index: typeof a.index === 'number' ? new NumberText(String(a.index)) : a.index, AccessorRange: rangeJSON(a.range) },
    ),
  };
}

function rangeJSON(r: Range | undefined): JsonData {
  const p = r === undefined ? null : referenceRange(r);
  return p === null ? null : hclRangeToJSON(p);
}
