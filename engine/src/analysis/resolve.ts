// Resolving property accesses (`a.b[0]`, `imports.x.y`, `context.pulumi.user`, `environments.p.e.k`)
// against checked models, step by step, the way the evaluator resolves them (§8.4, §7.2): each prefix
// of the access gets what it reached, so hover, definition, references and completion can all ask
// "what is this segment?".

import type { Value } from '../model.js';
import { itemSchema, propertySchema } from '../schema/navigate.js';
import { always, type Schema } from '../schema/schema.js';
import type { AnalysisContext, AnalysisDocument } from './document.js';
import type { PathStep } from './locate.js';

/** The reserved roots of property accesses. */
export type Namespace = 'imports' | 'context' | 'environments';

/** A value reached by an access: known (with its trace) or only typed (unknown until opened). */
export interface ValueTarget {
  readonly kind: 'value';
  /** The value, when the model has one (absent below unknown values). */
  readonly value: Value | undefined;
  readonly schema: Schema;
  /** The document whose model the value was read from. */
  readonly document: AnalysisDocument;
  /** Which tree of that model: its values or its execution context. */
  readonly root: 'values' | 'context';
  /** The path of the value in that tree. */
  readonly path: readonly PathStep[];
}

/** What one prefix of an access reached. */
export type Target =
  | ValueTarget
  | { readonly kind: 'namespace'; readonly namespace: Namespace }
  | { readonly kind: 'project'; readonly project: string }
  | {
      readonly kind: 'environment';
      /** The name as written (`imports.<name>`) or `<project>/<env>`. */
      readonly name: string;
      readonly document: AnalysisDocument | undefined;
      readonly via: 'imports' | 'environments';
    };

/** Resolves every prefix of `keys`; the result has one entry per key (undefined once nothing is reached). */
export function resolvePath(ctx: AnalysisContext, keys: readonly PathStep[]): (Target | undefined)[] {
  const out: (Target | undefined)[] = [];
  let cur: Target | undefined;
  for (let i = 0; i < keys.length; i++) {
    cur = i === 0 ? first(ctx, keys[0]!) : next(ctx, cur, keys[i]!);
    out.push(cur);
  }
  return out;
}

/** Resolves a whole access and returns what its last key reached. */
export function resolveTarget(ctx: AnalysisContext, keys: readonly PathStep[]): Target | undefined {
  const all = resolvePath(ctx, keys);
  return all[all.length - 1];
}

/** Returns the root of an environment's values as a target (the document's own properties). */
export function valuesRoot(document: AnalysisDocument): ValueTarget | undefined {
  const env = document.environment;
  if (env === undefined) return undefined;
  return { kind: 'value', value: { value: env.properties ?? new Map(), trace: { def: zero(document.name) } }, schema: env.schema ?? always(), document, root: 'values', path: [] };
}

/** Returns the root of a document's execution context as a target. */
export function contextRoot(document: AnalysisDocument): ValueTarget | undefined {
  const ctx = document.environment?.executionContext;
  if (ctx === undefined) return undefined;
  return { kind: 'value', value: { value: ctx.properties, trace: { def: zero(document.name) } }, schema: ctx.schema, document, root: 'context', path: [] };
}

/** Returns the target reached from `parent` by one key. */
export function childTarget(parent: ValueTarget, key: PathStep): ValueTarget | undefined {
  const repr = parent.value?.value;
  let value: Value | undefined;
  let schema: Schema;
  if (typeof key === 'number') {
    if (Array.isArray(repr)) value = repr[key];
    else if (repr instanceof Map) return undefined;
    schema = itemSchema(parent.schema, key);
  } else {
    if (repr instanceof Map) value = repr.get(key);
    else if (Array.isArray(repr)) return undefined;
    schema = propertySchema(parent.schema, key);
  }
  if (value === undefined && (schema.never || !(parent.value === undefined || parent.value.unknown))) return undefined;
  return { kind: 'value', value, schema: value !== undefined && schema.never ? always() : schema, document: parent.document, root: parent.root, path: [...parent.path, key] };
}

/** Returns the documents a document imports, by the name written in `imports:`. */
export function importedNames(document: AnalysisDocument): string[] {
  return (document.loaded.decl?.imports ?? []).map((i) => i.environment.value);
}

function first(ctx: AnalysisContext, key: PathStep): Target | undefined {
  if (key === 'imports' || key === 'context' || key === 'environments') return { kind: 'namespace', namespace: key };
  const root = valuesRoot(ctx.document);
  return root === undefined ? undefined : childTarget(root, key);
}

function next(ctx: AnalysisContext, cur: Target | undefined, key: PathStep): Target | undefined {
  if (cur === undefined) return undefined;
  switch (cur.kind) {
    case 'value':
      return childTarget(cur, key);
    case 'namespace':
      if (cur.namespace === 'context') {
        const root = contextRoot(ctx.document);
        return root === undefined ? undefined : childTarget(root, key);
      }
      if (typeof key !== 'string') return undefined;
      if (cur.namespace === 'imports') {
        if (!importedNames(ctx.document).includes(key)) return undefined;
        return { kind: 'environment', name: key, document: ctx.workspace.document(key), via: 'imports' };
      }
      return { kind: 'project', project: key };
    case 'project': {
      if (typeof key !== 'string') return undefined;
      const name = `${cur.project}/${key}`;
      return { kind: 'environment', name, document: ctx.workspace.document(name), via: 'environments' };
    }
    case 'environment': {
      const root = cur.document === undefined ? undefined : valuesRoot(cur.document);
      return root === undefined ? undefined : childTarget(root, key);
    }
  }
}

function zero(environment: string) {
  const p = { line: 0, column: 0, byte: 0 };
  return { environment, begin: p, end: p };
}
