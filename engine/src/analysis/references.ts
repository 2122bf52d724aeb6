// References to a value key across the workspace. An accessor segment refers to a key when the value
// its prefix reaches is defined by that key's value expression (its trace names the same range), so
// references through imports, `imports.*`, `environments.*` and copies (`x: ${obj}` then `${x.k}`)
// are all found, and a key overridden by a nearer definition is not. Keys of other environments that
// override the definition (same path, base chain through it) are reported separately.

import type { PropertyAccessor } from '../ast/expr.js';
import type { Range, Value } from '../model.js';
import type { StringNode, SyntaxNode } from '../syntax/nodes.js';
import type { AnalysisContext, AnalysisDocument } from './document.js';
import { keyOfDefinition } from './definitions.js';
import { accessesOf, accessorAt, accessorKey, forEachString } from './interpolations.js';
import { isBuiltinCall, siteAt, type PathStep } from './locate.js';
import { isZeroRange, rangeKey, sameRange } from './ranges.js';
import { resolvePath } from './resolve.js';

/** A value key whose references are looked for. */
export interface KeyTarget {
  /** The range of the value expression the key defines (what traces name). */
  readonly def: Range;
  /** The range of the key itself. */
  readonly key: Range;
  /** The key's text. */
  readonly name: string;
}

/** One accessor segment that refers to a key. */
export interface AccessorReference {
  /** The accessor's range (with its leading `.` or brackets). */
  readonly range: Range;
  readonly accessor: PropertyAccessor;
  /** True when it is the first accessor of its access (written without a leading dot). */
  readonly first: boolean;
}

/** The places that use a key. */
export interface KeyReferences {
  readonly target: KeyTarget;
  readonly accessors: readonly AccessorReference[];
  /** Keys of other documents that override this definition. */
  readonly overrides: readonly { readonly key: Range; readonly style: StringNode['style'] }[];
}

/** Returns the value key at a UTF-16 offset: a key under `values`, or the key an accessor reaches. */
export function keyTargetAt(ctx: AnalysisContext, offset: number): KeyTarget | undefined {
  const doc = ctx.document;
  const pos = doc.source.pos(offset);
  const site = siteAt(doc.loaded.decl?.syntax, pos);
  if (site.kind === 'value' && site.onKey && site.frame.key !== undefined) {
    return { def: site.frame.node.range, key: site.frame.key.range, name: site.frame.key.value };
  }
  if ((site.kind === 'value' || site.kind === 'builtinArg') && !site.onKey && site.frame.node.kind === 'string') {
    const at = accessorAt(site.frame.node, pos);
    if (at === undefined) return undefined;
    const keys = at.access.accessors.slice(0, at.index + 1).map(accessorKey);
    const t = resolvePath(ctx, keys)[at.index];
    if (t?.kind !== 'value' || t.value === undefined || isZeroRange(t.value.trace.def)) return undefined;
    const def = t.value.trace.def;
    const key = keyOfDefinition(ctx, def);
    if (key === undefined || sameRange(key, def)) return undefined;
    const last = keys[keys.length - 1];
    return typeof last === 'string' ? { def, key, name: last } : undefined;
  }
  return undefined;
}

/**
 * Finds every reference to a key in the documents that can reach its environment. Keys overriding it
 * (same path in an importer) are the same key for the documents below them, so accessors that reach
 * an override count too: renaming all of them keeps every access working.
 */
export function findKeyReferences(ctx: AnalysisContext, target: KeyTarget): KeyReferences {
  const accessors: AccessorReference[] = [];
  const overrides: { key: Range; style: StringNode['style']; def: Range }[] = [];
  const docs = reachingDocuments(ctx, target.def.environment);
  const path = pathOfDefinition(ctx, target.def);
  if (path !== undefined) for (const doc of docs) if (doc.name !== target.def.environment) collectOverride({ ...ctx, document: doc }, target, path, overrides);
  const defs = new Set([rangeKey(target.def), ...overrides.map((o) => rangeKey(o.def))]);
  const seen = new Set<string>();
  for (const doc of docs) {
    const dctx: AnalysisContext = { ...ctx, document: doc };
    forEachString(doc.loaded.decl?.valuesSyntax, (node) => {
      for (const access of accessesOf(node)) {
        const list = access.accessors;
        const targets = resolvePath(dctx, list.map(accessorKey));
        targets.forEach((t, i) => {
          if (t?.kind !== 'value' || t.value === undefined || !defs.has(rangeKey(t.value.trace.def))) return;
          const a = list[i]!;
          if (a.range === undefined || sameRange(a.range, node.range) || seen.has(rangeKey(a.range))) return;
          seen.add(rangeKey(a.range));
          accessors.push({ range: a.range, accessor: a, first: i === 0 });
        });
      }
    });
  }
  return { target, accessors, overrides: overrides.map(({ key, style }) => ({ key, style })) };
}

/** Returns the references of the key at an offset as ranges (the declaration first when asked for). */
export function referencesAt(ctx: AnalysisContext, offset: number, includeDeclaration: boolean): Range[] {
  const target = keyTargetAt(ctx, offset);
  if (target === undefined) return [];
  const refs = findKeyReferences(ctx, target);
  const out: Range[] = includeDeclaration ? [target.key] : [];
  for (const o of refs.overrides) out.push(o.key);
  for (const a of refs.accessors) out.push(a.range);
  return out;
}

/**
 * Returns the documents from which environment `name` can be reached (itself, its importers,
 * transitively, and documents that read it through `environments.*`), this document's version first.
 */
export function reachingDocuments(ctx: AnalysisContext, name: string): AnalysisDocument[] {
  const docs = new Map<string, AnalysisDocument>();
  docs.set(ctx.document.name, ctx.document);
  for (const e of ctx.workspace.environments()) {
    if (docs.has(e.name)) continue;
    const d = ctx.workspace.document(e.name);
    if (d !== undefined) docs.set(d.name, d);
  }
  const edges = new Map<string, string[]>();
  for (const d of docs.values()) edges.set(d.name, dependenciesOf(ctx, d));
  const memo = new Map<string, boolean>();
  const reaches = (from: string, stack: Set<string>): boolean => {
    if (from === name) return true;
    const known = memo.get(from);
    if (known !== undefined) return known;
    if (stack.has(from)) return false;
    stack.add(from);
    const r = (edges.get(from) ?? []).some((to) => reaches(to, stack));
    stack.delete(from);
    memo.set(from, r);
    return r;
  };
  return [...docs.values()].filter((d) => reaches(d.name, new Set()));
}

/** Returns the canonical names a document depends on: its imports and the environments it reads. */
export function dependenciesOf(ctx: AnalysisContext, doc: AnalysisDocument): string[] {
  const out = new Set<string>();
  for (const i of doc.loaded.decl?.imports ?? []) {
    const info = ctx.workspace.environmentInfo(i.environment.value);
    if (info !== undefined) out.add(info.name);
  }
  if (doc.source.text.includes('environments')) {
    forEachString(doc.loaded.decl?.valuesSyntax, (node) => {
      for (const access of accessesOf(node)) {
        const keys = access.accessors.map(accessorKey);
        if (keys[0] !== 'environments' || typeof keys[1] !== 'string' || typeof keys[2] !== 'string') continue;
        const info = ctx.workspace.environmentInfo(`${keys[1]}/${keys[2]}`);
        if (info !== undefined) out.add(info.name);
      }
    });
  }
  return [...out];
}

/** Returns the property path of the value defined at `def` in its document, when it is a value (not inside a builtin call). */
function pathOfDefinition(ctx: AnalysisContext, def: Range): PathStep[] | undefined {
  const doc = def.environment === ctx.document.name ? ctx.document : ctx.workspace.document(def.environment);
  if (doc === undefined) return undefined;
  const site = siteAt(doc.loaded.decl?.syntax, def.begin);
  if (site.kind !== 'value' || !sameRange(site.frame.node.range, def)) return undefined;
  return [...site.path];
}

/** Adds the key of `ctx.document` at `path` when its value overrides the target definition. */
function collectOverride(ctx: AnalysisContext, target: KeyTarget, path: readonly PathStep[], out: { key: Range; style: StringNode['style']; def: Range }[]): void {
  let node: SyntaxNode | undefined = ctx.document.loaded.decl?.valuesSyntax;
  let key: StringNode | undefined;
  for (const step of path) {
    if (node?.kind !== 'object' || typeof step !== 'string' || (node !== ctx.document.loaded.decl?.valuesSyntax && isBuiltinCall(node))) return;
    const entry: { key: StringNode; value: SyntaxNode } | undefined = node.entries.find((e) => e.key.value === step);
    if (entry === undefined) return;
    key = entry.key;
    node = entry.value;
  }
  if (key === undefined || node === undefined) return;
  const t = resolvePath(ctx, path)[path.length - 1];
  if (t?.kind === 'value' && t.value !== undefined && sameRange(t.value.trace.def, node.range) && overridesDef(t.value, target.def)) {
    out.push({ key: key.range, style: key.style, def: node.range });
  }
}

function overridesDef(v: Value, def: Range): boolean {
  const seen = new Set<Value>();
  for (let b = v.trace.base; b !== undefined && !seen.has(b); b = b.trace.base) {
    seen.add(b);
    if (sameRange(b.trace.def, def)) return true;
  }
  return false;
}

