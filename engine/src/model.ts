// The exported data model of ESC Local, mirroring ESC's environment.go, expr.go and value.go.
// Everything here is plain data: it serialises to the JSON of the reference evaluator.

import type { Schema } from './schema/schema.js';
import type { NumberText } from './util/plain.js';

/** A position in an environment document: 1-based line, 1-based column in Unicode code points, 0-based UTF-8 byte offset. */
export interface Pos {
  line: number;
  column: number;
  byte: number;
}

/**
 * A span of an environment document. `environment` names the document (the environment name).
 * Ranges are true spans of the source text (end exclusive). The reference evaluator's quirky
 * coordinates, where they differ, are available only through `referenceRange` for conformance.
 */
export interface Range {
  environment: string;
  begin: Pos;
  end: Pos;
}

/** Where a value came from: the expression that defined it and the value it overrides (from an import). */
export interface Trace {
  def: Range;
  base?: Value;
}

/** An evaluated value (ESC's esc.Value). `value` is absent for null and for unknown values. */
export interface Value {
  value?: null | boolean | NumberText | string | Value[] | Map<string, Value>;
  secret?: boolean;
  unknown?: boolean;
  trace: Trace;
}

/** One accessor of a property access, with the range of the value it resolved to. */
export interface Accessor {
  index?: number;
  key?: string;
  range: Range;
  /** Range of the definition of the value this accessor resolved to (all zeros when unresolved). */
  value: Range;
}

/** One part of an interpolated string. */
export interface Interpolation {
  text?: string;
  value?: Accessor[];
}

/** An access into an unknown value (only the definition of synthesized base values). */
export interface Access {
  receiver: Range;
  accessors: Accessor[];
}

/** A builtin call. */
export interface BuiltinCall {
  name: string;
  nameRange: Range;
  argSchema: Schema;
  arg: Expr;
}

/** A checked or evaluated expression (ESC's esc.Expr). */
export interface Expr {
  range: Range;
  schema?: Schema;
  base?: Expr;
  keyRanges?: Map<string, Range>;
  literal?: boolean | NumberText | string;
  interpolate?: Interpolation[];
  symbol?: Accessor[];
  access?: Access;
  list?: Expr[];
  object?: Map<string, Expr>;
  builtin?: BuiltinCall;
}

/** The execution context as seen by an environment. */
export interface EvaluatedExecutionContext {
  properties: Map<string, Value>;
  schema: Schema;
}

/** A checked or evaluated environment (ESC's esc.Environment). */
export interface Environment {
  exprs?: Map<string, Expr>;
  properties?: Map<string, Value>;
  schema?: Schema;
  executionContext?: EvaluatedExecutionContext;
}
