// fn::toJSON, fn::fromJSON, fn::toBase64, fn::fromBase64, fn::toString and fn::final (§5.7–5.11).

import { always, stringSchema } from '../../schema/schema.js';
import { decodeUtf8, encodeUtf8 } from '../../text/utf8.js';
import { decodeBase64, encodeBase64 } from '../../util/base64.js';
import { encodeJSON } from '../../util/goJson.js';
import { decodeJSON } from '../../util/goJsonDecode.js';
import type { EvalContext } from '../context.js';
import { fromPlain, makeDeeplySecret } from '../convert.js';
import { Exporter } from '../export.js';
import type { EvalExpr, ExprRepr } from '../exprs.js';
import { revealedJSON } from '../json.js';
import { EvalValue } from '../value.js';
import { combine, evaluateTyped, result, unknownResult } from './common.js';

type UnaryRepr = Extract<ExprRepr, { kind: 'unary' }>;

/** Evaluates the single-argument builtins. */
export function evaluateUnary(ctx: EvalContext, x: EvalExpr, repr: UnaryRepr): EvalValue {
  switch (repr.builtin) {
    case 'toJSON':
      return toJSON(ctx, x, repr);
    case 'fromJSON':
      return fromJSON(ctx, x, repr);
    case 'toBase64':
      return toBase64(ctx, x, repr);
    case 'fromBase64':
      return fromBase64(ctx, x, repr);
    case 'toString':
      return toStringBuiltin(ctx, x, repr);
    case 'final':
      return finalBuiltin(ctx, x, repr);
  }
}

function toJSON(ctx: EvalContext, x: EvalExpr, repr: UnaryRepr): EvalValue {
  const arg = ctx.evaluateExpr(repr.value, always());
  const v = combine(result(x), arg);
  if (v.unknown) return v;
  const exported = new Exporter(() => ctx.errorAt(arg.def, 'internal error: cyclic export')).value(arg, '');
  const encoded = encodeJSON(revealedJSON(exported), {});
  if (!encoded.ok) {
    ctx.errorAt(x, `failed to encode JSON: ${encoded.error}`);
    return unknownResult(x);
  }
  ctx.shared.budget.addString(encoded.text.length);
  v.repr = encoded.text;
  return v;
}

function fromJSON(ctx: EvalContext, x: EvalExpr, repr: UnaryRepr): EvalValue {
  const arg = evaluateTyped(ctx, repr.value, stringSchema());
  if (!arg.ok) return unknownResult(x);
  const v = combine(result(x), arg.value);
  if (v.unknown) return v;
  const decoded = decodeJSON(arg.value.repr as string);
  if (!decoded.ok) {
    ctx.errorAt(x, `decoding JSON string: ${decoded.error}`);
    return unknownResult(x);
  }
  const out = fromPlain(decoded.value, x, false);
  if (v.secret) makeDeeplySecret(out);
  return out;
}

function toBase64(ctx: EvalContext, x: EvalExpr, repr: UnaryRepr): EvalValue {
  const arg = evaluateTyped(ctx, repr.value, stringSchema());
  if (!arg.ok) return unknownResult(x);
  const v = combine(result(x), arg.value);
  if (v.unknown) return v;
  const encoded = encodeBase64(encodeUtf8(arg.value.repr as string));
  ctx.shared.budget.addString(encoded.length);
  v.repr = encoded;
  return v;
}

function fromBase64(ctx: EvalContext, x: EvalExpr, repr: UnaryRepr): EvalValue {
  const arg = evaluateTyped(ctx, repr.value, stringSchema());
  if (!arg.ok) return unknownResult(x);
  const v = combine(result(x), arg.value);
  if (v.unknown) return v;
  const decoded = decodeBase64(arg.value.repr as string);
  if (!decoded.ok) {
    ctx.errorAt(x, `decoding base64 string: ${decoded.error}`);
    return unknownResult(x);
  }
  // Go keeps the bytes as they are; strings here are Unicode, so invalid UTF-8 becomes U+FFFD.
  v.repr = decodeUtf8(decoded.bytes).text;
  return v;
}

function toStringBuiltin(ctx: EvalContext, x: EvalExpr, repr: UnaryRepr): EvalValue {
  const arg = ctx.evaluateExpr(repr.value, always());
  const conv = arg.toStringValue();
  ctx.shared.budget.addString(conv.text.length);
  const v = result(x, conv.text);
  v.unknown = conv.unknown;
  v.secret = conv.secret;
  if (v.unknown) v.repr = null;
  return v;
}

function finalBuiltin(ctx: EvalContext, x: EvalExpr, repr: UnaryRepr): EvalValue {
  const inner = ctx.evaluateExpr(repr.value, always());
  const v = combine(new EvalValue(x, inner.schema, inner.repr), inner);
  v.final = true;
  return v;
}
