// Looking up the model's expressions by range: accessors record the range of the definition they
// resolved to, and this turns those ranges back into expressions (with their document paths).

import type { Accessor, Environment, Expr, Range } from '../model.js';
import { childExprs, walkExprs, type PathedExpr } from './calls.js';

/** Expressions of checked environments (a root document and, optionally, its imports), by range. */
export class RangeIndex {
  private readonly byRange = new Map<string, PathedExpr>();

  /** Indexes every expression of an environment. */
  add(env: Environment): void {
    walkExprs(env.exprs, (pe) => {
      const key = rangeKey(pe.expr.range);
      // The outermost expression of a range wins: a container and its only child may share a range.
      if (key !== undefined && !this.byRange.has(key)) this.byRange.set(key, pe);
    });
  }

  /** Returns the expression defined at `r`, if indexed. */
  get(r: Range): PathedExpr | undefined {
    const key = rangeKey(r);
    return key === undefined ? undefined : this.byRange.get(key);
  }
}

/** Reports whether an expression is a provider or rotator call. */
export function isDynamic(e: Expr): boolean {
  const name = e.builtin?.name;
  return name !== undefined && (name.startsWith('fn::open') || name.startsWith('fn::rotate'));
}

/** The property accesses of an expression: its symbol, or each interpolated access. */
export function accessChains(e: Expr): Accessor[][] {
  if (e.symbol) return [e.symbol];
  return (e.interpolate ?? []).flatMap((p) => (p.value ? [p.value] : []));
}

/** Lists an expression and everything below it, with paths. */
export function subtree(root: PathedExpr): PathedExpr[] {
  const out: PathedExpr[] = [];
  const stack: PathedExpr[] = [root];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    out.push(cur);
    stack.push(...childExprs(cur));
  }
  return out;
}

function rangeKey(r: Range): string | undefined {
  if (r.begin.line === 0) return undefined;
  return `${r.environment}\u0000${r.begin.byte}\u0000${r.end.byte}`;
}
