// Dispatch of builtin evaluation by expression kind.

import type { EvalContext } from '../context.js';
import type { EvalExpr, ExprRepr } from '../exprs.js';
import type { EvalValue } from '../value.js';
import { evaluateUnary } from './encoding.js';
import { evaluateOpen, evaluateRotate } from './open.js';
import { evaluateSecret } from './secret.js';
import { evaluateConcat, evaluateJoin, evaluateSplit } from './strings.js';
import { evaluateValidate } from './validate.js';

/** Evaluates a builtin call `x`. */
export function evaluateBuiltin(ctx: EvalContext, x: EvalExpr, repr: ExprRepr): EvalValue {
  switch (repr.kind) {
    case 'open':
      return evaluateOpen(ctx, x, repr);
    case 'rotate':
      return evaluateRotate(ctx, x, repr);
    case 'secret':
      return evaluateSecret(ctx, x, repr);
    case 'join':
      return evaluateJoin(ctx, x, repr);
    case 'split':
      return evaluateSplit(ctx, x, repr);
    case 'concat':
      return evaluateConcat(ctx, x, repr);
    case 'validate':
      return evaluateValidate(ctx, x, repr);
    case 'unary':
      return evaluateUnary(ctx, x, repr);
    default:
      return ctx.unknownValue(x);
  }
}
