// JSON of the data model, with the field names and order of ESC's esc.Environment, esc.Value and
// esc.Expr. Ranges can be projected (the conformance runner projects to the reference's coordinates).

import type { Diagnostic } from './diagnostics.js';
import type { Accessor, Environment, Expr, Range, Value } from './model.js';
import { schemaToJSON } from './schema/json.js';
import { sortedKeys } from './util/order.js';
import { NumberText, type JsonData } from './util/plain.js';

/** How ranges are written: as they are (the default), or projected. */
export interface ModelJSONOptions {
  /** Maps a range of the model before writing it. */
  range?: (r: Range) => Range;
  /** Maps the subject range of a diagnostic before writing it; `null` means "no subject". */
  subject?: (r: Range) => Range | null;
}

/** Converts a range to `{environment?, begin, end}` (environment omitted when empty). */
export function rangeToJSON(r: Range, o: ModelJSONOptions = {}): JsonData {
  const p = o.range ? o.range(r) : r;
  const out: Record<string, JsonData> = {};
  if (p.environment !== '') out['environment'] = p.environment;
  out['begin'] = { line: num(p.begin.line), column: num(p.begin.column), byte: num(p.begin.byte) };
  out['end'] = { line: num(p.end.line), column: num(p.end.column), byte: num(p.end.byte) };
  return out;
}

/** Converts a value with its trace to ESC's esc.Value JSON. */
export function valueToModelJSON(v: Value, o: ModelJSONOptions = {}): JsonData {
  const out: Record<string, JsonData | undefined> = {};
  const p = v.value;
  if (p !== undefined && p !== null) {
    if (Array.isArray(p)) out['value'] = p.map((e) => valueToModelJSON(e, o));
    else if (p instanceof Map) out['value'] = mapToJSON(p, (e) => valueToModelJSON(e, o));
    else out['value'] = p;
  }
  if (v.secret) out['secret'] = true;
  if (v.unknown) out['unknown'] = true;
  const trace: Record<string, JsonData | undefined> = { def: rangeToJSON(v.trace.def, o) };
  if (v.trace.base) trace['base'] = valueToModelJSON(v.trace.base, o);
  out['trace'] = trace;
  return out;
}

/** Converts an expression to ESC's esc.Expr JSON. */
export function exprToJSON(e: Expr, o: ModelJSONOptions = {}): JsonData {
  const out: Record<string, JsonData | undefined> = { range: rangeToJSON(e.range, o) };
  if (e.schema) out['schema'] = schemaToJSON(e.schema);
  if (e.base) out['base'] = exprToJSON(e.base, o);
  if (e.keyRanges) out['keyRanges'] = mapToJSON(e.keyRanges, (r) => rangeToJSON(r, o));
  if (e.literal !== undefined) out['literal'] = e.literal;
  if (e.interpolate) {
    out['interpolate'] = e.interpolate.map((p) => {
      const part: Record<string, JsonData | undefined> = {};
      if (p.text !== undefined) part['text'] = p.text;
      if (p.value) part['value'] = p.value.map((a) => accessorToJSON(a, o));
      return part;
    });
  }
  if (e.symbol) out['symbol'] = e.symbol.map((a) => accessorToJSON(a, o));
  if (e.access) out['access'] = { receiver: rangeToJSON(e.access.receiver, o), accessors: e.access.accessors.map((a) => accessorToJSON(a, o)) };
  if (e.list) out['list'] = e.list.map((x) => exprToJSON(x, o));
  if (e.object) out['object'] = mapToJSON(e.object, (x) => exprToJSON(x, o));
  if (e.builtin) {
    const b = e.builtin;
    out['builtin'] = { name: b.name, nameRange: rangeToJSON(b.nameRange, o), argSchema: schemaToJSON(b.argSchema), arg: exprToJSON(b.arg, o) };
  }
  return out;
}

function accessorToJSON(a: Accessor, o: ModelJSONOptions): JsonData {
  const out: Record<string, JsonData | undefined> = {};
  if (a.index !== undefined) out['index'] = num(a.index);
  if (a.key !== undefined) out['key'] = a.key;
  out['range'] = rangeToJSON(a.range, o);
  if (a.value !== undefined) out['value'] = rangeToJSON(a.value, o);
  return out;
}

/** Converts an environment to ESC's esc.Environment JSON (empty parts omitted). */
export function environmentToJSON(env: Environment, o: ModelJSONOptions = {}): JsonData {
  const out: Record<string, JsonData | undefined> = {};
  if (env.exprs && env.exprs.size > 0) out['exprs'] = mapToJSON(env.exprs, (e) => exprToJSON(e, o));
  if (env.properties && env.properties.size > 0) out['properties'] = mapToJSON(env.properties, (v) => valueToModelJSON(v, o));
  if (env.schema) out['schema'] = schemaToJSON(env.schema);
  if (env.executionContext) {
    out['executionContext'] = {
      properties: mapToJSON(env.executionContext.properties, (v) => valueToModelJSON(v, o)),
      schema: schemaToJSON(env.executionContext.schema),
    };
  }
  return out;
}

/** Converts a diagnostic to the JSON of ESC's syntax.Diagnostic (hcl.Diagnostic plus Path). */
export function diagnosticToJSON(d: Diagnostic, o: ModelJSONOptions = {}): JsonData {
  const r = d.range === undefined ? null : o.subject ? o.subject(d.range) : d.range;
  return {
    Severity: num(d.severity === 'error' ? 1 : 2),
    Summary: d.summary,
    Detail: d.detail ?? '',
    Subject: r === null ? null : hclRangeToJSON(r),
    Context: null,
    Expression: null,
    EvalContext: null,
    Extra: null,
    Path: d.path,
  };
}

/** Converts a range to the JSON of Go's hcl.Range (`{Filename, Start, End}` with `Line`, `Column`, `Byte`). */
export function hclRangeToJSON(r: Range): JsonData {
  const pos = (p: Range['begin']) => ({ Line: num(p.line), Column: num(p.column), Byte: num(p.byte) });
  return { Filename: r.environment, Start: pos(r.begin), End: pos(r.end) };
}

function mapToJSON<T>(m: ReadonlyMap<string, T>, f: (v: T) => JsonData): Map<string, JsonData> {
  const out = new Map<string, JsonData>();
  for (const k of sortedKeys(m)) out.set(k, f(m.get(k)!));
  return out;
}

function num(n: number): JsonData {
  return new NumberText(String(n));
}
