// Conversions between plain data, model values (esc.Value) and evaluator values. Values coming from
// outside (providers, fn::fromJSON, the execution context) take their schemas from their data (§11.3).

import type { Value as ModelValue } from '../model.js';
import {
  booleanSchema,
  nullSchema,
  numberSchema,
  recordSchema,
  stringSchema,
  tupleSchema,
  type Schema,
} from '../schema/schema.js';
import { NumberText, type PlainValue } from '../util/plain.js';
import type { EvalExpr } from './exprs.js';
import { EvalValue } from './value.js';

const ZERO_RANGE = { environment: '', begin: { line: 0, column: 0, byte: 0 }, end: { line: 0, column: 0, byte: 0 } };

/** Converts plain data to evaluator values, every node defined by `def`. */
export function fromPlain(p: PlainValue, def: EvalExpr, secret: boolean): EvalValue {
  return fromModel(toModelValue(p, secret), def);
}

/** Converts a model value (e.g. a provider's result) to evaluator values defined by `def`. */
export function fromModel(mv: ModelValue, def: EvalExpr): EvalValue {
  const p = mv.value;
  let v: EvalValue;
  if (p === undefined || p === null) v = new EvalValue(def, nullSchema(), null);
  else if (typeof p === 'boolean') v = new EvalValue(def, booleanSchema(p), p);
  else if (typeof p === 'string') v = new EvalValue(def, stringSchema(p), p);
  else if (p instanceof NumberText) v = new EvalValue(def, numberSchema(p), p);
  else if (Array.isArray(p)) {
    const elements = p.map((e) => fromModel(e, def));
    v = new EvalValue(def, tupleSchema(elements.map((e) => e.schema)), elements);
  } else {
    const m = new Map<string, EvalValue>();
    const schemas = new Map<string, Schema>();
    for (const [k, e] of p) {
      const c = fromModel(e, def);
      m.set(k, c);
      schemas.set(k, c.schema);
    }
    v = new EvalValue(def, recordSchema(schemas), m);
  }
  v.secret = mv.secret === true;
  v.unknown = mv.unknown === true;
  return v;
}

/** Marks a value and everything in it secret. */
export function makeDeeplySecret(v: EvalValue): void {
  v.secret = true;
  const repr = v.repr;
  if (Array.isArray(repr)) for (const e of repr) makeDeeplySecret(e);
  else if (repr instanceof Map) for (const e of repr.values()) makeDeeplySecret(e);
}

/** Wraps plain data as a model value with empty traces. */
export function toModelValue(p: PlainValue, secret = false): ModelValue {
  const trace = { def: ZERO_RANGE };
  let value: ModelValue['value'];
  if (Array.isArray(p)) value = p.map((e) => toModelValue(e, secret));
  else if (p instanceof Map) {
    const m = new Map<string, ModelValue>();
    for (const [k, e] of p) m.set(k, toModelValue(e, secret));
    value = m;
  } else value = p;
  const mv: ModelValue = { trace };
  if (value !== null) mv.value = value;
  if (secret) mv.secret = true;
  return mv;
}

/** Reveals a model value as plain data (secrets shown, unknowns as null). */
export function modelToPlain(mv: ModelValue): PlainValue {
  const p = mv.value;
  if (p === undefined || p === null) return null;
  if (Array.isArray(p)) return p.map(modelToPlain);
  if (p instanceof Map) {
    const m = new Map<string, PlainValue>();
    for (const [k, e] of p) m.set(k, modelToPlain(e));
    return m;
  }
  return p;
}
