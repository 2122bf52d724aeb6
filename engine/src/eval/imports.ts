// Imports (§7): static `imports:` merged in order, and inline `${environments.<project>.<env>...}`
// references. Each environment is evaluated at most once per evaluation; cycles are diagnosed.

import type { Expr as AstExpr } from '../ast/expr.js';
import { loadYAML, type LoadedDocument } from '../ast/load.js';
import { hasErrors } from '../diagnostics.js';
import { always, recordSchema, type Schema } from '../schema/schema.js';
import { EvalContext } from './context.js';
import { childContext } from './execContext.js';
import { EvalExpr, type EvalAccessor } from './exprs.js';
import { accessorError, AccessMessages, evaluateValueAccess, invalidAccess } from './access.js';
import { EvalValue } from './value.js';
import { combineLayers, linearize, type Layered } from './layers.js';
import type { ImportEntry } from './shared.js';

/**
 * Evaluates the `imports:` of an environment, building its merged base and `${imports}` (§7.1), and
 * returns its import layers in precedence order (see layers.ts).
 */
export function evaluateImports(ctx: EvalContext): Layered[] {
  const myImports = new Map<string, EvalValue>();
  const merged: Layered[] = [];
  for (const imp of ctx.decl.imports) {
    const name = imp.environment.value;
    const entry = evaluateImport(ctx, imp.environment, name);
    if (entry === undefined) continue;
    myImports.set(name, entry.value!);
    if (imp.merge) merged.push(entry);
  }
  const layers = linearize(merged);
  ctx.base = combineLayers(layers, ctx.shared.stacks);
  const schemas = new Map<string, Schema>();
  for (const [k, v] of myImports) schemas.set(k, v.schema);
  const def = new EvalExpr('imports', { kind: 'synthetic' }, always(), null);
  ctx.myImports = new EvalValue(def, recordSchema(schemas), myImports);
  return layers;
}

/**
 * Evaluates the environment `name` imported or referenced at `at`, or returns undefined after
 * reporting why it cannot be (cycle, loader error, load errors).
 */
export function evaluateImport(ctx: EvalContext, at: AstExpr | EvalExpr | undefined, name: string): ImportEntry | undefined {
  const entry = ctx.shared.imports.get(name);
  if (entry !== undefined) {
    if (entry.evaluating) {
      ctx.errorAt(at, `cyclic import of ${name}`);
      return undefined;
    }
    return entry.value === null ? undefined : entry;
  }
  const loader = ctx.shared.environments;
  if (loader === undefined) {
    ctx.errorAt(at, `environment ${JSON.stringify(name)} not found: no environment loader`);
    return undefined;
  }
  let doc: LoadedDocument;
  let decrypter;
  try {
    const loaded = loader.loadEnvironment(name);
    decrypter = loaded.decrypter;
    doc = typeof loaded.source === 'string' || loaded.source instanceof Uint8Array ? loadYAML(name, loaded.source) : loaded.source;
  } catch (e) {
    ctx.errorAt(at, e instanceof Error ? e.message : String(e));
    return undefined;
  }
  for (const d of doc.diagnostics) ctx.diags.push(d);
  if (hasErrors(doc.diagnostics) || doc.decl === undefined) return undefined;
  const child = new EvalContext(ctx.shared, name, doc.decl, decrypter, childContext(ctx.execContext, name), false, false);
  child.evaluate();
  for (const d of child.diags) ctx.diags.push(d);
  return ctx.shared.imports.get(name);
}

/** Resolves `${environments.<project>.<env>...}` (§7.2): the environment is evaluated, not merged. */
export function evaluateEnvironmentAccess(ctx: EvalContext, x: EvalExpr, accessors: EvalAccessor[]): EvalValue {
  // Fewer than three accessors silently evaluate to unknown, as in ESC.
  if (accessors.length < 3) return invalidAccess(ctx, x, accessors);
  const project = keyOf(accessors[1]!);
  const env = keyOf(accessors[2]!);
  if (project === undefined || env === undefined) {
    const at = project === undefined ? 1 : 2;
    accessorError(ctx, x, accessors[at]!.accessor, AccessMessages.indexOnObject);
    return invalidAccess(ctx, x, accessors);
  }
  const imported = evaluateImport(ctx, x, `${project}/${env}`)?.value ?? missingEnvironment();
  const envMap = new Map([[env, imported]]);
  const projectMap = new Map([[project, wrap(x, envMap)]]);
  const root = wrap(x, new Map([['environments', wrap(x, projectMap)]]));
  return evaluateValueAccess(ctx, x, root, accessors);
}

/** The value of an environment that could not be imported: unknown, defined by nothing. */
function missingEnvironment(): EvalValue {
  const v = new EvalValue(new EvalExpr('', { kind: 'missing' }, always(), null), always(), null);
  v.unknown = true;
  return v;
}

function wrap(x: EvalExpr, m: Map<string, EvalValue>): EvalValue {
  const schemas = new Map<string, Schema>();
  for (const [k, v] of m) schemas.set(k, v.schema);
  return new EvalValue(x, recordSchema(schemas), m);
}

function keyOf(a: EvalAccessor): string | undefined {
  const acc = a.accessor;
  return acc.kind === 'name' ? acc.name : typeof acc.index === 'string' ? acc.index : undefined;
}
