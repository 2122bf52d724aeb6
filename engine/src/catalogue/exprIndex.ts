// Looking up the model's expressions by range: accessors record the range of the definition they
// resolved to, and this turns those ranges back into expressions (with their document paths).

import type { Accessor, Environment, Expr, Range } from '../model.js';
import { childExprs, walkExprs, type PathedExpr } from './calls.js';

/**
 * Expressions of checked environments (a root document and, optionally, its imports), by range.
 * Within one evaluation the model shares Range objects (an accessor's `value` is the very range of
 * the expression that defined the value), so lookups go by identity, with no text key for every
 * expression. Imported environments checked on their own have their own Range objects: those are
 * matched by position, through a second index built only when such a lookup happens.
 */
export class RangeIndex {
  private readonly byRange = new Map<Range, PathedExpr>();
  private readonly imported: Environment[] = [];
  private byPosition: Map<string, PathedExpr> | undefined;
  private rootEnvironment: string | undefined;

  /** Indexes every expression of an environment (the first one added is the root); `visit` sees each, in the same walk. */
  add(env: Environment, visit?: (pe: PathedExpr) => void): void {
    if (this.rootEnvironment !== undefined) {
      this.imported.push(env);
      this.byPosition = undefined;
    }
    walkExprs(env.exprs, (pe) => {
      visit?.(pe);
      const r = pe.expr.range;
      this.rootEnvironment ??= r.environment;
      // The outermost expression of a range wins; synthesized expressions (line 0) are not indexed.
      if (r.begin.line !== 0 && !this.byRange.has(r)) this.byRange.set(r, pe);
    });
  }

  /** Returns the expression defined at `r`, if indexed. */
  get(r: Range): PathedExpr | undefined {
    const hit = this.byRange.get(r);
    if (hit !== undefined || r.begin.line === 0 || this.imported.length === 0 || r.environment === this.rootEnvironment) return hit;
    return this.positions().get(positionKey(r));
  }

  private positions(): Map<string, PathedExpr> {
    if (this.byPosition === undefined) {
      const m = new Map<string, PathedExpr>();
      for (const env of this.imported) {
        walkExprs(env.exprs, (pe) => {
          const r = pe.expr.range;
          const k = positionKey(r);
          if (r.begin.line !== 0 && !m.has(k)) m.set(k, pe);
        });
      }
      this.byPosition = m;
    }
    return this.byPosition;
  }
}

function positionKey(r: Range): string {
  return `${r.environment}\u0000${r.begin.byte}\u0000${r.end.byte}`;
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
