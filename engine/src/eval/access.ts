// Property access (§8.4): `${a.b[0]}` resolved against the root expressions, `imports`, `context`
// and `environments`, then through values (known, unknown and typed-unknown). Every accessor is
// annotated with the value it reached, which the export turns into ranges for editors.

import type { Expr as AstExpr, PropertyAccessor } from '../ast/expr.js';
import type { Range } from '../model.js';
import { itemSchema, propertySchema } from '../schema/navigate.js';
import { always, type Schema } from '../schema/schema.js';
import { goQuote } from '../util/goQuote.js';
import { didYouMean } from '../util/suggest.js';
import type { EvalContext } from './context.js';
import { EvalExpr, type EvalAccessor } from './exprs.js';
import { evaluateEnvironmentAccess } from './imports.js';
import { EvalValue, isPossiblyObject } from './value.js';

/** Messages of access errors. */
export const AccessMessages = {
  notContainer: 'receiver must be an array or an object',
  nameOnArray: 'cannot access an array element using a property name',
  negativeIndex: 'array indices must not be negative',
  indexOnObject: 'cannot access an object property using an integer index',
  noReceiver: 'internal error: no receiver',
} as const;

/**
 * Evaluates a property access of expression `x` (a symbol or an interpolation part): the result is a
 * deep copy of the referenced value, defined by `x`.
 */
export function evaluatePropertyAccess(ctx: EvalContext, x: EvalExpr, accessors: EvalAccessor[], accept: Schema): EvalValue {
  const target = evaluateExprAccess(ctx, x, accessors, accept);
  const budget = ctx.shared.budget;
  const v = target.copy(new Map(), () => budget.addValues(1));
  v.def = x;
  return v;
}

function evaluateExprAccess(ctx: EvalContext, x: EvalExpr, accessors: EvalAccessor[], accept: Schema): EvalValue {
  const first = accessors[0]!.accessor;
  const rootKey = first.kind === 'name' ? first.name : typeof first.index === 'string' ? first.index : undefined;
  if (rootKey === 'imports' || rootKey === 'context') {
    const receiver = rootKey === 'imports' ? ctx.myImports : ctx.myContext;
    accessors[0]!.value = receiver;
    return evaluateValueAccess(ctx, x, receiver, accessors.slice(1));
  }
  if (rootKey === 'environments') return evaluateEnvironmentAccess(ctx, x, accessors);

  let receiver = ctx.root;
  let i = 0;
  while (i < accessors.length) {
    const a = accessors[i]!;
    const repr = receiver.repr;
    if (repr.kind === 'array') {
      const index = arrayIndex(ctx, x, a.accessor, repr.elements.length);
      if (index === undefined) return invalidAccess(ctx, x, accessors.slice(i));
      receiver = repr.elements[index]!;
    } else if (repr.kind === 'object') {
      const key = objectKey(ctx, x, a.accessor);
      if (key === undefined) return invalidAccess(ctx, x, accessors.slice(i));
      const prop = repr.properties.get(key);
      if (prop === undefined) {
        if (isPossiblyObject(receiver.base)) return evaluateValueAccess(ctx, x, receiver.base!, accessors.slice(i));
        unknownProperty(ctx, x, a.accessor, key, repr.properties.keys());
        return invalidAccess(ctx, x, accessors.slice(i));
      }
      receiver = prop;
    } else if (repr.kind === 'secret') {
      if (repr.plaintext === undefined) {
        ctx.errorAt(x, AccessMessages.noReceiver);
        return invalidAccess(ctx, x, accessors.slice(i));
      }
      receiver = repr.plaintext;
      continue;
    } else {
      const v = ctx.evaluateExpr(receiver, accept);
      return evaluateValueAccess(ctx, x, v, accessors.slice(i));
    }
    a.value = annotation(receiver);
    i++;
  }
  return ctx.evaluateExpr(receiver, always());
}

/** The value recorded on an accessor that stepped over a literal: only its definition matters (for ranges). */
function annotation(receiver: EvalExpr): EvalValue {
  const v = new EvalValue(receiver, receiver.schema, null);
  v.base = receiver.base;
  return v;
}

/** Resolves accessors through a value. */
export function evaluateValueAccess(ctx: EvalContext, x: EvalExpr, receiver: EvalValue, accessors: EvalAccessor[]): EvalValue {
  for (let i = 0; i < accessors.length; i++) {
    const a = accessors[i]!;
    if (receiver.unknown) return evaluateUnknownAccess(ctx, x, receiver.schema, accessors.slice(i));
    if (receiver.isMap()) {
      const key = objectKey(ctx, x, a.accessor);
      if (key === undefined) return invalidAccess(ctx, x, accessors.slice(i));
      const prop = receiver.ownProperty(key);
      if (prop === undefined) {
        if (isPossiblyObject(receiver.base)) return evaluateValueAccess(ctx, x, receiver.base!, accessors.slice(i));
        unknownProperty(ctx, x, a.accessor, key, receiver.ownKeys());
        return invalidAccess(ctx, x, accessors.slice(i));
      }
      receiver = prop;
    } else if (Array.isArray(receiver.repr)) {
      const repr = receiver.repr;
      const index = arrayIndex(ctx, x, a.accessor, repr.length);
      if (index === undefined) return invalidAccess(ctx, x, accessors.slice(i));
      receiver = repr[index]!;
    } else {
      accessorError(ctx, x, a.accessor, AccessMessages.notContainer);
      return invalidAccess(ctx, x, accessors.slice(i));
    }
    a.value = receiver;
  }
  return receiver;
}

/** Resolves accessors into an unknown value, narrowing (and checking against) its schema. */
function evaluateUnknownAccess(ctx: EvalContext, x: EvalExpr, s: Schema, accessors: EvalAccessor[]): EvalValue {
  let result: EvalValue | undefined;
  for (let i = 0; i < accessors.length; i++) {
    const a = accessors[i]!;
    if (!s.always) {
      const t = s.refTarget ?? s;
      if (t.type === 'array') {
        const n = t.items !== undefined && t.items.never ? (t.prefixItems?.length ?? 0) : Number.MAX_SAFE_INTEGER;
        const index = arrayIndex(ctx, x, a.accessor, n);
        if (index === undefined) return invalidAccess(ctx, x, accessors.slice(i));
        s = itemSchema(t, index);
      } else if (t.type === 'object') {
        const key = objectKey(ctx, x, a.accessor);
        if (key === undefined) return invalidAccess(ctx, x, accessors.slice(i));
        s = propertySchema(t, key);
      } else {
        accessorError(ctx, x, a.accessor, AccessMessages.notContainer);
        return invalidAccess(ctx, x, accessors.slice(i));
      }
    }
    result = syntheticUnknown(x, s);
    a.value = result;
  }
  return result ?? syntheticUnknown(x, s);
}

/** Marks the remaining accessors unresolved; the access evaluates to an unknown. */
export function invalidAccess(ctx: EvalContext, x: EvalExpr, accessors: EvalAccessor[]): EvalValue {
  let result: EvalValue | undefined;
  for (const a of accessors) {
    result = syntheticUnknown(x, always());
    a.value = result;
  }
  ctx.shared.budget.addValues(accessors.length);
  return result ?? syntheticUnknown(x, always());
}

/** An unknown value whose definition is the referencing expression's syntax. */
function syntheticUnknown(x: EvalExpr, s: Schema): EvalValue {
  const def = new EvalExpr('', x.node ? { kind: 'synthetic', node: x.node } : { kind: 'synthetic' }, s, null);
  const v = new EvalValue(def, s, null);
  v.unknown = true;
  return v;
}

function arrayIndex(ctx: EvalContext, x: EvalExpr, a: PropertyAccessor, length: number): number | undefined {
  if (a.kind === 'name' || typeof a.index === 'string') {
    accessorError(ctx, x, a, AccessMessages.nameOnArray);
    return undefined;
  }
  if (a.index < 0) {
    accessorError(ctx, x, a, AccessMessages.negativeIndex);
    return undefined;
  }
  if (a.index >= length) {
    accessorError(ctx, x, a, `array index ${a.index} out-of-bounds for array of length ${length}`);
    return undefined;
  }
  return a.index;
}

function objectKey(ctx: EvalContext, x: EvalExpr, a: PropertyAccessor): string | undefined {
  if (a.kind === 'name') return a.name;
  if (typeof a.index === 'string') return a.index;
  accessorError(ctx, x, a, AccessMessages.indexOnObject);
  return undefined;
}

function unknownProperty(ctx: EvalContext, x: EvalExpr, a: PropertyAccessor, key: string, candidates: Iterable<string>): void {
  accessorError(ctx, x, a, `unknown property ${goQuote(key)}${didYouMean(key, candidates)}`);
}

/** Reports an error at an accessor (or at the referencing expression when the accessor has no range). */
export function accessorError(ctx: EvalContext, x: EvalExpr, a: PropertyAccessor, summary: string): void {
  const syntax = x.node?.syntax;
  const range: Range | undefined = a.range ?? syntax?.range;
  ctx.errorAtSyntax(range, syntax?.path ?? '', summary);
}

/** Returns the key of the first accessor when it is a name or string subscript. */
export function accessorKeyOf(a: PropertyAccessor): string | undefined {
  return a.kind === 'name' ? a.name : typeof a.index === 'string' ? a.index : undefined;
}

export type { AstExpr };
