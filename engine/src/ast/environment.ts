// The document structure (§3): the top-level record with `description`, `imports` and `values`.

import { errorDiag, warningDiag, type Diagnostic } from '../diagnostics.js';
import type { ObjectNode, StringNode, SyntaxNode } from '../syntax/nodes.js';
import { goQuote } from '../util/goQuote.js';
import { sortByFieldDistance } from '../util/suggest.js';
import { BUILTIN_PREFIX } from '../builtins/registry.js';
import type { EnvironmentDecl, ImportDecl, ObjectProperty, StringExpr } from './expr.js';
import { parseExpr, parseString, rawString } from './parseExpr.js';

const TOP_LEVEL_FIELDS = ['description', 'imports', 'values'] as const;

/** Parses a decoded document into an environment declaration, appending load diagnostics to `diags`. */
export function parseEnvironment(root: SyntaxNode | undefined, diags: Diagnostic[]): EnvironmentDecl {
  if (root === undefined) {
    diags.push(errorDiag('environment must be an object', undefined, ''));
    return { imports: [], values: [] };
  }
  if (root.kind !== 'object') {
    diags.push(errorDiag('environment must be an object', root.range, root.path));
    return { imports: [], values: [], syntax: root };
  }
  let description: StringExpr | undefined;
  let imports: ImportDecl[] = [];
  let values: ObjectProperty[] = [];
  let valuesSyntax: ObjectNode | undefined;
  const seen = new Set<string>();
  for (const { key, value } of root.entries) {
    const field = TOP_LEVEL_FIELDS.find((f) => f === key.value.toLowerCase());
    if (field === undefined) {
      diags.push(warningDiag(unknownFieldMessage(key.value), key.range, key.path));
      continue;
    }
    if (seen.has(field)) diags.push(warningDiag(`duplicate key ${goQuote(key.value)}`, key.range, key.path));
    seen.add(field);
    switch (field) {
      case 'description':
        description = parseDescription(value, diags);
        break;
      case 'imports':
        imports = parseImports(value, diags);
        break;
      case 'values':
        if (value.kind !== 'object') {
          diags.push(errorDiag('values must be an object', value.range, value.path));
          values = [];
          valuesSyntax = undefined;
        } else {
          values = parseValues(value, diags);
          valuesSyntax = value;
        }
        break;
    }
  }
  const decl: { -readonly [K in keyof EnvironmentDecl]: EnvironmentDecl[K] } = { imports, values, syntax: root };
  if (description) decl.description = description;
  if (valuesSyntax) decl.valuesSyntax = valuesSyntax;
  return decl;
}

/** The warning for an unknown top-level key, listing the known ones nearest first. */
function unknownFieldMessage(key: string): string {
  const fields = sortByFieldDistance(key, TOP_LEVEL_FIELDS.map((f) => `'${f}'`));
  return `Field '${key}' does not exist on Object 'environment'. Existing fields are: ${fields.join(', ')}`;
}

function parseDescription(node: SyntaxNode, diags: Diagnostic[]): StringExpr | undefined {
  if (node.kind === 'string') {
    const e = parseString(node, diags);
    if (e.kind === 'string') return e;
  }
  diags.push(errorDiag('description must be a string', node.range, node.path));
  return undefined;
}

function parseValues(node: ObjectNode, diags: Diagnostic[]): ObjectProperty[] {
  const out: ObjectProperty[] = [];
  for (const { key, value } of node.entries) {
    if (key.value.startsWith(BUILTIN_PREFIX)) {
      diags.push(errorDiag(`builtin function call ${goQuote(key.value)} not allowed at the top level`, key.range, key.path));
    }
    out.push({ key: rawString(key), keySyntax: key, value: parseExpr(value, diags) });
  }
  return out;
}

function parseImports(node: SyntaxNode, diags: Diagnostic[]): ImportDecl[] {
  if (node.kind !== 'array') {
    diags.push(errorDiag('imports must be a list', node.range, node.path));
    return [];
  }
  const out: ImportDecl[] = [];
  for (const element of node.elements) {
    if (element.kind === 'string') {
      out.push({ environment: rawString(element), merge: true, syntax: element });
      continue;
    }
    if (element.kind !== 'object') {
      diags.push(errorDiag('import must be a string or an object', element.range, element.path));
      continue;
    }
    if (element.entries.length !== 1) {
      diags.push(errorDiag('import must have a single key', element.range, element.path));
      continue;
    }
    const { key, value } = element.entries[0]!;
    out.push({ environment: rawString(key), merge: parseImportMeta(key, value, diags), syntax: element });
  }
  return out;
}

/** Parses `{merge: bool}` of an import; unknown meta keys are ignored, as in ESC. */
function parseImportMeta(_name: StringNode, meta: SyntaxNode, diags: Diagnostic[]): boolean {
  if (meta.kind !== 'object') {
    diags.push(errorDiag('import must be an object', meta.range, meta.path));
    return true;
  }
  let merge = true;
  let seen = false;
  for (const { key, value } of meta.entries) {
    if (key.value.toLowerCase() !== 'merge') continue;
    if (seen) diags.push(warningDiag(`duplicate key ${goQuote(key.value)}`, key.range, key.path));
    seen = true;
    if (value.kind !== 'boolean') {
      diags.push(errorDiag('merge must be a boolean value', value.range, value.path));
      merge = true;
    } else merge = value.value;
  }
  return merge;
}
