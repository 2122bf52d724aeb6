// Finding provider and rotator calls in a checked environment model, with the document path of
// every expression (the model's expressions carry ranges but no paths).

import type { Expr, Range } from '../model.js';
import { joinIndex, joinKey } from '../syntax/joinKey.js';
import type { EntryKind } from './entry.js';

/** An expression of the model with its document path. */
export interface PathedExpr {
  readonly expr: Expr;
  readonly path: string;
}

/** A `fn::open` / `fn::rotate` call found in the model. */
export interface CallSite {
  readonly kind: EntryKind;
  /** The provider or rotator name (empty when the long form's `provider` is not a literal). */
  readonly name: string;
  /** The expression holding the builtin. */
  readonly call: Expr;
  /** The inputs expression and its document path, when present. */
  readonly inputs?: PathedExpr;
  /** The range of the builtin key, e.g. `fn::open::aws-login`. */
  readonly nameRange: Range;
}

const OPEN = 'fn::open';
const ROTATE = 'fn::rotate';

/**
 * An expression met by a walk, whose path is computed only when asked: lints walk every expression
 * of a document on each edit, and report on few of them.
 */
class WalkedExpr implements PathedExpr {
  private computed: string | undefined;

  constructor(
    readonly expr: Expr,
    private readonly compute: () => string,
  ) {}

  get path(): string {
    return (this.computed ??= this.compute());
  }
}

/** Calls `visit` for every expression below the root expressions (depth first, parents first). */
export function walkExprs(exprs: ReadonlyMap<string, Expr> | undefined, visit: (e: PathedExpr) => void): void {
  if (exprs === undefined) return;
  // An explicit stack: documents may nest deeply, and the walk must not overflow the call stack.
  const stack: PathedExpr[] = [];
  for (const [k, e] of [...exprs].reverse()) stack.push(new WalkedExpr(e, () => joinKey('values', k)));
  while (stack.length > 0) {
    const cur = stack.pop()!;
    visit(cur);
    const children = childExprs(cur);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** Returns the sub-expressions of an expression with their paths. */
export function childExprs(pe: PathedExpr): PathedExpr[] {
  const expr = pe.expr;
  if (expr.object) return [...expr.object].map(([k, e]) => new WalkedExpr(e, () => joinKey(pe.path, k)));
  if (expr.list) return expr.list.map((e, i) => new WalkedExpr(e, () => joinIndex(pe.path, i)));
  const b = expr.builtin;
  if (b === undefined) return [];
  const argPath = () => joinKey(pe.path, b.name);
  // fn::open/fn::rotate export a synthetic object {provider, inputs, state}: its entries are the
  // arguments' own keys, so their paths continue below the builtin key.
  if (b.arg.object && (b.name.startsWith(OPEN) || b.name.startsWith(ROTATE)) && !isShortOpen(b.name)) {
    return [...b.arg.object].map(([k, e]) => new WalkedExpr(e, () => joinKey(argPath(), k)));
  }
  return [new WalkedExpr(b.arg, argPath)];
}

/** Describes the call held by `pe`, if it holds a provider or rotator call. */
export function callSite(pe: PathedExpr): CallSite | undefined {
  const b = pe.expr.builtin;
  if (b === undefined) return undefined;
  const argPath = () => joinKey(pe.path, b.name);
  const base = { call: pe.expr, nameRange: b.nameRange };
  if (isShortOpen(b.name)) {
    return { ...base, kind: 'provider', name: b.name.slice(OPEN.length + 2), inputs: new WalkedExpr(b.arg, argPath) };
  }
  const kind = b.name === OPEN ? 'provider' : b.name === ROTATE || b.name.startsWith(ROTATE + '::') ? 'rotator' : undefined;
  if (kind === undefined) return undefined;
  const provider = b.arg.object?.get('provider')?.literal;
  const name = b.name.length > ROTATE.length && kind === 'rotator' ? b.name.slice(ROTATE.length + 2) : typeof provider === 'string' ? provider : '';
  const inputs = b.arg.object?.get('inputs');
  return inputs !== undefined ? { ...base, kind, name, inputs: new WalkedExpr(inputs, () => joinKey(argPath(), 'inputs')) } : { ...base, kind, name };
}

function isShortOpen(name: string): boolean {
  return name.startsWith(OPEN + '::');
}

/** Reports whether a range points into a document (synthesized expressions have all-zero ranges). */
export function hasPosition(r: Range): boolean {
  return r.begin.line > 0;
}
