// Data flow into rotate-only inputs.
//
// A rotate-only input carries what only rotation needs, typically credentials allowed to manage the
// rotated secret. ESC skips it when the environment is opened, so that whoever opens the environment
// needs no access to it. That only holds if its value is not computed on every open anyway: when a
// rotate-only input takes its value from a `fn::open` (or `fn::rotate`) call among the environment's
// values, or an import's, that call runs on every open, its output (unknown until then) is exposed
// among the values, and every open needs its credentials. Opening the provider inside the input, or
// reading it through `${environments.<project>.<env>...}`, keeps it to rotation.

import { warningDiag, type Diagnostic } from '../diagnostics.js';
import type { Accessor, Environment, Expr, Range } from '../model.js';
import { propertySchema } from '../schema/navigate.js';
import type { Schema } from '../schema/schema.js';
import { joinKey } from '../syntax/joinKey.js';
import { childExprs, walkExprs, type CallSite, type PathedExpr } from './calls.js';

/** Stable code of this lint. */
export const ROTATE_ONLY_OPENED = 'esc-rotate-only-opened';

/** Checks the rotate-only inputs of the rotator calls in `calls` (of `environment`). */
export function lintRotateOnlyFlow(
  environment: Environment,
  calls: readonly CallSite[],
  imported: ReadonlyMap<string, Environment> = new Map(),
): Diagnostic[] {
  const rotators = calls.filter((c) => c.kind === 'rotator' && c.inputs !== undefined);
  if (rotators.length === 0) return [];
  const index = new RangeIndex();
  index.add(environment);
  for (const env of imported.values()) index.add(env);
  const out: Diagnostic[] = [];
  for (const site of rotators) {
    const inputSchema = site.call.builtin?.argSchema.properties?.get('inputs');
    for (const input of rotateOnlyInputs(site.inputs!, inputSchema)) {
      const source = dynamicSource(input.expr, index);
      if (source === undefined) continue;
      const inputName = input.path.slice(site.inputs!.path.length).replace(/^\./, '');
      out.push(
        warningDiag(
          `rotate-only input ${JSON.stringify(inputName)} gets its value from ${source.builtin} at ${source.path}, which runs whenever the environment is opened`,
          input.expr.range,
          input.path,
          ROTATE_ONLY_OPENED,
        ),
      );
      out[out.length - 1]!.detail =
        'Rotate-only inputs are skipped when the environment is opened, so that opening it needs no access to them. ' +
        `Open ${source.builtin} inside this input, or read it from another environment with \${environments.<project>.<env>...}, so that only rotation runs it.`;
    }
  }
  return out;
}

/** Returns the rotate-only inputs (at any depth) of a rotator's literal inputs, following its compiled input schema. */
function rotateOnlyInputs(inputs: PathedExpr, schema: Schema | undefined): PathedExpr[] {
  const found: PathedExpr[] = [];
  const visit = (pe: PathedExpr, s: Schema | undefined) => {
    if (s === undefined || pe.expr.object === undefined) return;
    for (const [k, e] of pe.expr.object) {
      const p = propertySchema(s, k);
      const child = { expr: e, path: joinKey(pe.path, k) };
      if (p.isRotateOnly) found.push(child);
      else visit(child, p);
    }
  };
  visit(inputs, schema);
  return found;
}

/** A provider or rotator call whose output reaches an expression. */
interface Source {
  builtin: string;
  path: string;
}

/**
 * Follows the references below `root` (transitively) to the first provider or rotator call whose
 * output they read. Calls written inside `root` itself are fine: they are skipped with it.
 */
function dynamicSource(root: Expr, index: RangeIndex): Source | undefined {
  const seen = new Set<Expr>();
  const stack: { at: PathedExpr; inline: boolean }[] = [{ at: { expr: root, path: '' }, inline: true }];
  while (stack.length > 0) {
    const { at, inline } = stack.pop()!;
    if (seen.has(at.expr)) continue;
    seen.add(at.expr);
    for (const sub of subtree(at)) {
      if (!inline && isDynamic(sub.expr)) return { builtin: sub.expr.builtin!.name, path: sub.path };
      for (const chain of accessChains(sub.expr)) {
        for (let i = 0; i < chain.length; i++) {
          const target = index.get(chain[i]!.value);
          if (target === undefined) continue;
          if (isDynamic(target.expr)) return { builtin: target.expr.builtin!.name, path: target.path };
          // The last step's value flows whole; an earlier step only passes through literal objects
          // and lists (the next step names what is read), but a reference there is read into.
          const literalContainer = target.expr.object !== undefined || target.expr.list !== undefined;
          if (i === chain.length - 1 || !literalContainer) stack.push({ at: target, inline: false });
        }
      }
    }
  }
  return undefined;
}

function isDynamic(e: Expr): boolean {
  const name = e.builtin?.name;
  return name !== undefined && (name.startsWith('fn::open') || name.startsWith('fn::rotate'));
}

/** The property accesses of an expression: its symbol, or each interpolated access. */
function accessChains(e: Expr): Accessor[][] {
  if (e.symbol) return [e.symbol];
  return (e.interpolate ?? []).flatMap((p) => (p.value ? [p.value] : []));
}

/** Lists an expression and everything below it, with paths. */
function subtree(root: PathedExpr): PathedExpr[] {
  const out: PathedExpr[] = [];
  const stack: PathedExpr[] = [root];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    out.push(cur);
    stack.push(...childExprs(cur));
  }
  return out;
}

/** Expressions of the root document and its imports, by range. */
class RangeIndex {
  private readonly byRange = new Map<string, PathedExpr>();

  add(env: Environment): void {
    walkExprs(env.exprs, (pe) => {
      const key = rangeKey(pe.expr.range);
      // The outermost expression of a range wins: a call and its synthetic argument share none, but
      // an expression and its base may.
      if (key !== undefined && !this.byRange.has(key)) this.byRange.set(key, pe);
    });
  }

  get(r: Range): PathedExpr | undefined {
    const key = rangeKey(r);
    return key === undefined ? undefined : this.byRange.get(key);
  }
}

function rangeKey(r: Range): string | undefined {
  if (r.begin.line === 0) return undefined;
  return `${r.environment}\u0000${r.begin.byte}\u0000${r.end.byte}`;
}
