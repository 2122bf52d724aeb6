// Helpers shared by builtin evaluation: typed evaluation of arguments and flag combination.

import type { Schema } from '../../schema/schema.js';
import type { EvalContext } from '../context.js';
import type { EvalExpr } from '../exprs.js';
import { validateValue } from '../validate.js';
import { EvalValue, type Repr } from '../value.js';

/** Evaluates `x` and validates its value against `accept`. */
export function evaluateTyped(ctx: EvalContext, x: EvalExpr, accept: Schema): { value: EvalValue; ok: boolean } {
  const value = ctx.evaluateExpr(x, accept);
  return { value, ok: validateValue(ctx, value, accept) };
}

/** Creates the result of builtin call `x` with the declared schema and no value yet. */
export function result(x: EvalExpr, repr: Repr = null, schema: Schema = x.schema): EvalValue {
  return new EvalValue(x, schema, repr);
}

/** Sets `v`'s unknown and secret flags from its inputs (deep and base-aware). Returns `v`. */
export function combine(v: EvalValue, ...inputs: EvalValue[]): EvalValue {
  for (const i of inputs) {
    if (!v.unknown && i.containsUnknowns()) v.unknown = true;
    if (!v.secret && i.containsSecrets()) v.secret = true;
  }
  return v;
}

/** Returns an unknown result of call `x`. */
export function unknownResult(x: EvalExpr, schema: Schema = x.schema, secret = false): EvalValue {
  const v = new EvalValue(x, schema, null);
  v.unknown = true;
  v.secret = secret;
  return v;
}
