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
import type { ImportCacheKey, ImportRecording } from './importCache.js';
import type { Decrypter } from '../host.js';

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
  const shared = ctx.shared;
  const entry = shared.imports.get(name);
  if (entry !== undefined) {
    if (entry.evaluating) {
      ctx.errorAt(at, `cyclic import of ${name}`);
      for (const r of shared.recordings) r.sawCycle = true;
      return undefined;
    }
    if (entry.value === null) return undefined;
    if (entry.dependencies) recordInto(shared.recordings, entry.dependencies);
    return entry;
  }
  const loader = shared.environments;
  if (loader === undefined) {
    ctx.errorAt(at, `environment ${JSON.stringify(name)} not found: no environment loader`);
    return undefined;
  }
  const cache = shared.mode === 'check' ? shared.importCache : undefined;
  const key: ImportCacheKey | undefined = cache && {
    rootName: childContext(ctx.execContext, name).rootName,
    context: ctx.execContext.values,
    providers: shared.providers,
    showSecrets: shared.showSecrets,
  };
  if (cache !== undefined && key !== undefined) {
    const hit = cache.lookup(name, key, loader);
    if (hit !== undefined && [...hit.entries.keys()].every((n) => !shared.imports.has(n))) {
      for (const [n, e] of hit.entries) shared.imports.set(n, e);
      for (const d of hit.diagnostics) ctx.diags.push(d);
      recordInto(shared.recordings, hit.entry.dependencies!);
      return hit.entry;
    }
  }
  let doc: LoadedDocument;
  let decrypter: Decrypter | undefined;
  try {
    const loaded = loader.loadEnvironment(name);
    decrypter = loaded.decrypter;
    doc = typeof loaded.source === 'string' || loaded.source instanceof Uint8Array ? loadYAML(name, loaded.source) : loaded.source;
  } catch (e) {
    ctx.errorAt(at, e instanceof Error ? e.message : String(e));
    return undefined;
  }
  const before = ctx.diags.length;
  for (const d of doc.diagnostics) ctx.diags.push(d);
  const recording: ImportRecording = { entries: new Map(), documents: new Map([[name, { doc, decrypter }]]), sawCycle: false };
  if (hasErrors(doc.diagnostics) || doc.decl === undefined) {
    recordInto(shared.recordings, recording);
    return undefined;
  }
  const child = new EvalContext(shared, name, doc.decl, decrypter, childContext(ctx.execContext, name), false, false);
  shared.recordings.push(recording);
  try {
    child.evaluate();
  } finally {
    shared.recordings.pop();
  }
  for (const d of child.diags) ctx.diags.push(d);
  const result = shared.imports.get(name);
  if (result === undefined || result.value === null) return undefined;
  recording.entries.set(name, result);
  result.dependencies = recording;
  recordInto(shared.recordings, recording);
  // An evaluation that met a cycle depends on what else was being evaluated: it is not reused.
  if (cache !== undefined && key !== undefined && !recording.sawCycle) {
    cache.store(name, { key, entry: result, entries: recording.entries, documents: recording.documents, diagnostics: ctx.diags.slice(before) });
  }
  return result;
}

/** Adds what an import depended on to every recording in progress (the imports that contain it). */
function recordInto(recordings: readonly ImportRecording[], r: ImportRecording): void {
  for (const outer of recordings) {
    for (const [n, e] of r.entries) outer.entries.set(n, e);
    for (const [n, d] of r.documents) outer.documents.set(n, d);
    if (r.sawCycle) outer.sawCycle = true;
  }
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
