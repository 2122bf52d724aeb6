// Where things are defined: the key of the value an access reaches (in this or an imported
// document), the file of an imported or referenced environment, and the definitions a key overrides.

import type { Range, Value } from '../model.js';
import type { SyntaxNode } from '../syntax/nodes.js';
import type { AnalysisContext, AnalysisDocument } from './document.js';
import { accessorAt, accessorKey } from './interpolations.js';
import { nodePath, siteAt } from './locate.js';
import { isZeroRange, sameRange } from './ranges.js';
import { resolvePath, type Target } from './resolve.js';

/** Returns the definitions of what is at a UTF-16 offset: key ranges, or the start of an environment's document. */
export function definitionAt(ctx: AnalysisContext, offset: number): Range[] {
  const doc = ctx.document;
  const pos = doc.source.pos(offset);
  const site = siteAt(doc.loaded.decl?.syntax, pos);
  if (site.kind === 'import') {
    const start = documentStart(ctx, site.name.value);
    return start === undefined ? [] : [start];
  }
  if (site.kind !== 'value' && site.kind !== 'builtinArg') return [];
  const node = site.frame.node;
  if (!site.onKey && node.kind === 'string') {
    const at = accessorAt(node, pos);
    if (at === undefined) return [];
    const keys = at.access.accessors.map(accessorKey);
    const targets = resolvePath(ctx, keys.slice(0, at.index + 1));
    const r = definitionOfTargets(ctx, targets);
    return r === undefined ? [] : [r];
  }
  if (site.kind === 'value' && site.onKey && site.path.length > 0) {
    // A key is its own definition; what it can lead to is the imported definitions it overrides.
    const targets = resolvePath(ctx, site.path);
    const t = targets[targets.length - 1];
    if (t?.kind !== 'value' || t.value === undefined) return [];
    return overriddenDefinitions(ctx, t.value);
  }
  return [];
}

/** Returns the key ranges of the definitions a value overrides (its base chain), nearest first. */
export function overriddenDefinitions(ctx: AnalysisContext, v: Value): Range[] {
  const out: Range[] = [];
  const seen = new Set<Value>();
  for (let b = v.trace.base; b !== undefined && !seen.has(b); b = b.trace.base) {
    seen.add(b);
    const r = keyOfDefinition(ctx, b.trace.def);
    if (r !== undefined && !out.some((o) => sameRange(o, r))) out.push(r);
  }
  return out;
}

/**
 * Returns the definition of the last target of a resolved access. When the last one is only typed
 * (a provider output, unknown until opened), the nearest resolved prefix stands in for it.
 */
export function definitionOfTargets(ctx: AnalysisContext, targets: readonly (Target | undefined)[]): Range | undefined {
  for (let i = targets.length - 1; i >= 0; i--) {
    const t = targets[i];
    if (t === undefined) return undefined;
    if (t.kind === 'environment') return t.document === undefined ? undefined : documentStart(ctx, t.document.name);
    if (t.kind !== 'value') return undefined;
    if (t.value === undefined || isZeroRange(t.value.trace.def)) continue;
    return keyOfDefinition(ctx, t.value.trace.def);
  }
  return undefined;
}

/** Returns the range of the key whose value is the expression at `def` (or `def` itself for list elements). */
export function keyOfDefinition(ctx: AnalysisContext, def: Range): Range | undefined {
  if (isZeroRange(def)) return undefined;
  const doc = documentNamed(ctx, def.environment);
  if (doc === undefined) return def;
  const key = keyOfValueNode(doc.loaded.decl?.syntax, def);
  return key ?? def;
}

/** Returns the key range of the object entry whose value node spans exactly `def`, if there is one. */
export function keyOfValueNode(root: SyntaxNode | undefined, def: Range): Range | undefined {
  const path = nodePath(root, def.begin);
  for (let i = path.frames.length - 1; i >= 0; i--) {
    const f = path.frames[i]!;
    if (sameRange(f.node.range, def)) return f.key?.range;
  }
  return undefined;
}

/** Returns a document by the name its ranges carry: this document or one of the workspace. */
export function documentNamed(ctx: AnalysisContext, name: string): AnalysisDocument | undefined {
  return name === ctx.document.name ? ctx.document : ctx.workspace.document(name);
}

/** Returns an empty range at the start of an environment's document, if it exists. */
export function documentStart(ctx: AnalysisContext, name: string): Range | undefined {
  const doc = documentNamed(ctx, name);
  if (doc === undefined) return undefined;
  const p = doc.source.pos(0);
  return { environment: doc.name, begin: p, end: p };
}
