// fn::join, fn::split and fn::concat (§5.4–5.6).

import { always, arraySchema, stringSchema } from '../../schema/schema.js';
import type { EvalContext } from '../context.js';
import type { EvalExpr, ExprRepr } from '../exprs.js';
import { EvalValue } from '../value.js';
import { combine, evaluateTyped, result, unknownResult } from './common.js';

/** Evaluates `fn::join: [delimiter, values]`. */
export function evaluateJoin(ctx: EvalContext, x: EvalExpr, repr: Extract<ExprRepr, { kind: 'join' }>): EvalValue {
  const delim = evaluateTyped(ctx, repr.delimiter, stringSchema());
  const values = evaluateTyped(ctx, repr.values, arraySchema(stringSchema()));
  if (!delim.ok || !values.ok) return unknownResult(x);
  const v = combine(result(x), delim.value, values.value);
  if (v.unknown) return v;
  const parts = (values.value.repr as EvalValue[]).map((e) => e.repr as string);
  const s = parts.join(delim.value.repr as string);
  ctx.shared.budget.addString(s.length);
  v.repr = s;
  return v;
}

/** Evaluates `fn::split: [delimiter, string]` with Go's strings.Split semantics. */
export function evaluateSplit(ctx: EvalContext, x: EvalExpr, repr: Extract<ExprRepr, { kind: 'split' }>): EvalValue {
  const delim = evaluateTyped(ctx, repr.delimiter, stringSchema());
  const str = evaluateTyped(ctx, repr.string, stringSchema());
  if (!delim.ok || !str.ok) return unknownResult(x);
  const v = combine(result(x), delim.value, str.value);
  if (v.unknown) return v;
  const parts = goSplit(str.value.repr as string, delim.value.repr as string);
  ctx.shared.budget.addValues(parts.length);
  v.repr = parts.map((p) => new EvalValue(x, stringSchema(), p));
  return v;
}

/** Splits like Go's strings.Split: an empty separator splits into code points; "" with it gives []. */
export function goSplit(s: string, sep: string): string[] {
  if (sep === '') return Array.from(s);
  return s.split(sep);
}

/** Evaluates `fn::concat: [[...], ...]`: the element arrays' values, concatenated. */
export function evaluateConcat(ctx: EvalContext, x: EvalExpr, repr: Extract<ExprRepr, { kind: 'concat' }>): EvalValue {
  const arrays = evaluateTyped(ctx, repr.arrays, arraySchema(arraySchema(always())));
  if (!arrays.ok) return unknownResult(x);
  const v = combine(result(x), arrays.value);
  if (v.unknown) return v;
  const out: EvalValue[] = [];
  for (const a of arrays.value.repr as EvalValue[]) out.push(...(a.repr as EvalValue[]));
  v.repr = out;
  return v;
}
