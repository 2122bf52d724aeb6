// Expressions of the evaluator (ESC's eval/expr.go): one per AST expression per evaluation, holding
// the declared schema, the base (imported) value it overrides, its evaluation state and memoized value.

import type {
  ArrayExpr,
  BuiltinExpr,
  Expr as AstExpr,
  InterpolateExpr,
  ObjectExpr,
  PropertyAccessor,
  SymbolExpr,
} from '../ast/expr.js';
import type { Schema } from '../schema/schema.js';
import type { EvalValue } from './value.js';

/** An accessor of a property access, annotated with the value it resolved to during evaluation. */
export interface EvalAccessor {
  readonly accessor: PropertyAccessor;
  value?: EvalValue;
}

/** A property access of one evaluation. */
export interface EvalAccess {
  readonly accessors: EvalAccessor[];
}

/** The kind-specific part of an expression. `node` is the AST expression (absent when synthesized). */
export type ExprRepr =
  | { kind: 'missing'; node?: AstExpr }
  | { kind: 'literal'; node: AstExpr }
  | { kind: 'synthetic'; node?: AstExpr }
  | { kind: 'interpolate'; node: InterpolateExpr; parts: { text: string; access?: EvalAccess }[] }
  | { kind: 'symbol'; node: SymbolExpr; access: EvalAccess }
  | { kind: 'access'; node?: AstExpr; receiver: EvalValue; key: string }
  | { kind: 'array'; node: ArrayExpr; elements: EvalExpr[] }
  | { kind: 'object'; node?: ObjectExpr; properties: Map<string, EvalExpr> }
  | {
      kind: 'open';
      node: BuiltinExpr;
      /** The provider name (a missing expression when the name is absent or not a literal). */
      provider: EvalExpr;
      inputs: EvalExpr;
      inputSchema: Schema;
    }
  | {
      kind: 'rotate';
      node: BuiltinExpr;
      provider: EvalExpr;
      inputs: EvalExpr;
      state: EvalExpr;
      inputSchema: Schema;
      stateSchema: Schema;
    }
  | { kind: 'secret'; node: BuiltinExpr; plaintext?: EvalExpr; ciphertext?: EvalExpr }
  | { kind: 'join'; node: BuiltinExpr; delimiter: EvalExpr; values: EvalExpr }
  | { kind: 'split'; node: BuiltinExpr; delimiter: EvalExpr; string: EvalExpr }
  | { kind: 'concat'; node: BuiltinExpr; arrays: EvalExpr }
  | { kind: 'validate'; node: BuiltinExpr; schema: EvalExpr; value: EvalExpr }
  | {
      kind: 'unary';
      node: BuiltinExpr;
      builtin: 'toJSON' | 'fromJSON' | 'toBase64' | 'fromBase64' | 'toString' | 'final';
      value: EvalExpr;
    };

/** Evaluation state of an expression. */
export const enum ExprState {
  Declared,
  Evaluating,
  Done,
}

/** An expression of one evaluation. */
export class EvalExpr {
  state = ExprState.Declared;
  /** Set on the plaintext/ciphertext of fn::secret: its value is marked secret. */
  secret = false;
  value: EvalValue | undefined;

  constructor(
    /** Path used in cycle messages (root keys raw, nested keys joined, builtin arguments restart at ""). */
    public readonly path: string,
    public readonly repr: ExprRepr,
    public schema: Schema,
    public readonly base: EvalValue | null,
  ) {}

  /** The AST expression, if any. */
  get node(): AstExpr | undefined {
    return this.repr.node;
  }
}

/** Creates the expression of a synthesized access into an unknown value (§8.5). */
export function accessExpr(node: AstExpr | undefined, receiver: EvalValue, key: string, schema: Schema, base: EvalValue | null): EvalExpr {
  const repr: ExprRepr = node ? { kind: 'access', node, receiver, key } : { kind: 'access', receiver, key };
  return new EvalExpr('', repr, schema, base);
}

/** Returns the object expression an ObjectExpr AST node (or the synthetic root) declares. */
export type ObjectRepr = Extract<ExprRepr, { kind: 'object' }>;
