// Accesses into provider and rotator outputs. While checking, an output is an unknown value typed
// by the output schema; ESC then accepts any property name and only types it "nothing" when the
// schema does not declare it, so `${aws.login.acessKeyId}` passes Check and fails when opened.
// This lint follows each access to the call whose output it reads (directly or through references)
// and reports names the output schema does not declare, with a suggestion.

import { warningDiag, type Diagnostic } from '../diagnostics.js';
import type { Accessor, Expr } from '../model.js';
import type { Schema } from '../schema/schema.js';
import { didYouMean } from '../util/suggest.js';
import { goQuote } from '../util/goQuote.js';
import { walkExprs } from './calls.js';
import { RangeIndex, accessChains, isDynamic } from './exprIndex.js';
import type { Environment } from '../model.js';

/** Stable code of this lint. */
export const UNKNOWN_OUTPUT = 'esc-unknown-output';

/** Reports accesses into provider and rotator outputs that name undeclared properties. */
export function lintOutputAccess(environment: Environment, index: RangeIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  walkExprs(environment.exprs, (pe) => {
    for (const chain of accessChains(pe.expr)) {
      const problem = undeclaredStep(chain, index, new Set());
      if (problem === undefined) continue;
      const { accessor, key, schema, call } = problem;
      const declared = [...(schema.properties?.keys() ?? [])];
      out.push(
        warningDiag(
          `unknown property ${goQuote(key)} of the output of ${call}${didYouMean(key, declared)}`,
          hasRange(accessor) ? accessor.range : pe.expr.range,
          pe.path,
          UNKNOWN_OUTPUT,
        ),
      );
    }
  });
  return out;
}

interface Undeclared {
  accessor: Accessor;
  key: string;
  schema: Schema;
  call: string;
}

/** Finds the first step of `chain` that reads an undeclared property of a call's output. */
function undeclaredStep(chain: readonly Accessor[], index: RangeIndex, seen: Set<Expr>): Undeclared | undefined {
  for (let i = 0; i < chain.length; i++) {
    const target = index.get(chain[i]!.value);
    if (target === undefined) continue;
    const output = outputOf(target.expr, index, seen);
    if (output === undefined) continue;
    return walkSchema(output.schema, chain.slice(i + 1), output.call);
  }
  return undefined;
}

/** The output schema a call expression gives, or the narrowed output schema a reference to one gives. */
function outputOf(e: Expr, index: RangeIndex, seen: Set<Expr>): { schema: Schema; call: string } | undefined {
  if (isDynamic(e)) return e.schema === undefined ? undefined : { schema: e.schema, call: e.builtin!.name };
  if (e.symbol === undefined || seen.has(e)) return undefined;
  seen.add(e);
  // An alias of an output (`x: ${aws.login}`): its own accesses narrow the schema first.
  const chain = e.symbol;
  for (let i = 0; i < chain.length; i++) {
    const target = index.get(chain[i]!.value);
    if (target === undefined) continue;
    const inner = outputOf(target.expr, index, seen);
    if (inner === undefined) continue;
    let s: Schema | undefined = inner.schema;
    for (const a of chain.slice(i + 1)) s = s === undefined ? undefined : step(s, a);
    return s === undefined ? undefined : { schema: s, call: inner.call };
  }
  return undefined;
}

function walkSchema(s: Schema, rest: readonly Accessor[], call: string): Undeclared | undefined {
  let cur: Schema | undefined = s;
  for (const a of rest) {
    if (cur === undefined) return undefined;
    const key = a.key;
    const t: Schema = cur.refTarget ?? cur;
    if (key !== undefined && t.type === 'object' && !t.always && isClosed(t) && !t.properties?.has(key)) {
      return { accessor: a, key, schema: t, call };
    }
    cur = step(cur, a);
  }
  return undefined;
}

/** The schema one accessor reaches, or undefined when nothing more can be said. */
function step(s: Schema, a: Accessor): Schema | undefined {
  const t = s.refTarget ?? s;
  if (a.key !== undefined) return t.properties?.get(a.key) ?? (t.additionalProperties?.always ? undefined : t.additionalProperties);
  if (a.index !== undefined) return t.items ?? t.prefixItems?.[a.index];
  return undefined;
}

/** Reports whether an object schema declares all its properties (no alternatives, no additional properties). */
function isClosed(t: Schema): boolean {
  return t.additionalProperties === undefined && t.oneOf === undefined && t.anyOf === undefined && t.properties !== undefined;
}

function hasRange(a: Accessor): boolean {
  return a.range.begin.line > 0;
}
