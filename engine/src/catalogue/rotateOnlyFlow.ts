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
import type { Expr } from '../model.js';
import { propertySchema } from '../schema/navigate.js';
import type { Schema } from '../schema/schema.js';
import { joinKey } from '../syntax/joinKey.js';
import type { CallSite, PathedExpr } from './calls.js';
import { RangeIndex, accessChains, isDynamic, subtree } from './exprIndex.js';

/** Stable code of this lint. */
export const ROTATE_ONLY_OPENED = 'esc-rotate-only-opened';

/** Checks the rotate-only inputs of the rotator calls in `calls`; `index` holds the environment's expressions (and its imports'). */
export function lintRotateOnlyFlow(calls: readonly CallSite[], index: RangeIndex): Diagnostic[] {
  const rotators = calls.filter((c) => c.kind === 'rotator' && c.inputs !== undefined);
  const out: Diagnostic[] = [];
  for (const site of rotators) {
    const inputSchema = site.call.builtin?.argSchema.properties?.get('inputs');
    for (const input of rotateOnlyInputs(site.inputs!, inputSchema)) {
      const from = dynamicSource(input.expr, index);
      if (from === undefined) continue;
      const inputName = input.path.slice(site.inputs!.path.length).replace(/^\./, '');
      const where = from.environment === site.call.range.environment ? from.path : `${from.path} of ${from.environment}`;
      out.push(
        warningDiag(
          `rotate-only input ${JSON.stringify(inputName)} gets its value from ${from.builtin} at ${where}, which runs whenever the environment is opened`,
          input.expr.range,
          input.path,
          ROTATE_ONLY_OPENED,
        ),
      );
      out[out.length - 1]!.detail =
        'Rotate-only inputs are skipped when the environment is opened, so that opening it needs no access to them. ' +
        `Open ${from.builtin} inside this input, or read it from another environment with \${environments.<project>.<env>...}, so that only rotation runs it.`;
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
  environment: string;
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
      if (!inline && isDynamic(sub.expr)) return source(sub);
      for (const chain of accessChains(sub.expr)) {
        for (let i = 0; i < chain.length; i++) {
          const target = index.get(chain[i]!.value);
          if (target === undefined) continue;
          if (isDynamic(target.expr)) return source(target);
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


function source(call: PathedExpr): Source {
  return { builtin: call.expr.builtin!.name, path: call.path, environment: call.expr.range.environment };
}
