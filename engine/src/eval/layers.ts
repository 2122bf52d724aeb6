// Import layers without copies. ESC merges each import by deep-copying the imported environment's
// value (with its whole base chain) and appending the previous imports below it. That costs time
// quadratic in the length of an import chain and exponential in an import DAG, and repeats an
// environment reached twice. Here every imported environment contributes its *own layer* (its value
// without the links its evaluation attached to its own imports) once, in ESC's precedence order, and
// layers are combined by lazy overlays that never mutate what they combine. Values and precedence are
// those of ESC; traces differ only in not repeating an environment reached twice (a documented
// divergence).

import type { Schema } from '../schema/schema.js';
import { mergedSchema } from '../schema/navigate.js';
import type { Expr as AstExpr } from '../ast/expr.js';
import { compareCodePoints } from '../util/order.js';
import { EvalValue, type Repr } from './value.js';

/**
 * A lazy view of `origin` merged over `below` — what ESC computes as `copy(origin).merge(below)` —
 * materialized one level at a time on first access, and immutable.
 */
export class OverlayValue extends EvalValue {
  private baseReady = false;
  private reprReady = false;
  private schemaReady = false;
  /** Children merged so far, by key (property lookups build only the children they reach). */
  private children: Map<string, EvalValue> | undefined;
  private mergedKeys: string[] | undefined;

  constructor(
    readonly origin: EvalValue,
    private readonly below: EvalValue,
  ) {
    super(origin.def, origin.schema, null);
    this.unknown = origin.unknown;
    this.secret = origin.secret;
    this.final = origin.final;
  }

  override get base(): EvalValue {
    if (!this.baseReady) {
      this.baseReady = true;
      const b = this.origin.base;
      this.baseValue = b === null ? this.below : overlay(b, this.below);
    }
    return this.baseValue!;
  }
  override set base(_b: EvalValue | null) {
    throw new Error('internal error: overlay values are immutable');
  }
  override get repr(): Repr {
    if (!this.reprReady) {
      this.reprReady = true;
      const repr = this.origin.repr;
      if (repr instanceof Map) {
        const m = new Map<string, EvalValue>();
        for (const [k, p] of repr) m.set(k, this.child(k, p));
        this.reprValue = m;
      } else this.reprValue = repr;
    }
    return this.reprValue;
  }
  override set repr(_r: Repr) {
    throw new Error('internal error: overlay values are immutable');
  }
  override get schema(): Schema {
    if (!this.schemaReady) {
      this.schemaReady = true;
      this.schemaValue = mergedSchema(this.base.schema, this.origin.schema);
    }
    return this.schemaValue;
  }
  override set schema(_s: Schema) {
    throw new Error('internal error: overlay values are immutable');
  }

  override isMap(): boolean {
    return this.origin.isMap();
  }

  override ownProperty(key: string): EvalValue | undefined {
    const p = this.origin.ownProperty(key);
    return p === undefined ? undefined : this.child(key, p);
  }

  override ownKeys(): Iterable<string> {
    return this.origin.ownKeys();
  }

  override property(x: AstExpr | undefined, key: string): EvalValue | null {
    const repr = this.origin.repr;
    if (!(repr instanceof Map)) return super.property(x, key);
    const p = repr.get(key);
    return p !== undefined ? this.child(key, p) : this.base.property(x, key);
  }

  override keys(): string[] {
    const repr = this.origin.repr;
    if (!(repr instanceof Map)) return [];
    if (this.mergedKeys === undefined) {
      const keys = [...repr.keys()];
      for (const k of this.base.keys()) if (!repr.has(k)) keys.push(k);
      this.mergedKeys = keys.sort(compareCodePoints);
    }
    return this.mergedKeys;
  }

  /** The own child `k` merged over the base's property `k` (ESC's merge of own properties), built once. */
  private child(k: string, p: EvalValue): EvalValue {
    const children = (this.children ??= new Map());
    let c = children.get(k);
    if (c === undefined) children.set(k, (c = overlay(p, this.base.property(p.def.node, k))));
    return c;
  }
}

/** Returns `v` merged over `below` without mutating either (`v` itself when there is nothing to merge). */
export function overlay(v: EvalValue, below: EvalValue | null): EvalValue {
  if (below === null || v.is(below)) return v;
  return new OverlayValue(v, below);
}

/**
 * Returns the own layer of an environment's value: a copy without the links that its evaluation
 * attached to its import bases (links inside referenced values are kept). `onCopy` counts copies.
 */
export function ownLayer(v: EvalValue, onCopy: () => void, memo: Map<EvalValue, EvalValue> = new Map()): EvalValue {
  const seen = memo.get(v);
  if (seen !== undefined) return seen;
  onCopy();
  const c = new EvalValue(v.def, v.schema, null);
  c.unknown = v.unknown;
  c.secret = v.secret;
  c.final = v.final;
  memo.set(v, c);
  const base = v.base;
  if (base !== null && !v.importLink) c.base = ownLayer(base, onCopy, memo);
  const repr = v.repr;
  if (Array.isArray(repr)) c.repr = repr.map((e) => ownLayer(e, onCopy, memo));
  else if (repr instanceof Map) {
    const m = new Map<string, EvalValue>();
    for (const [k, p] of repr) m.set(k, ownLayer(p, onCopy, memo));
    c.repr = m;
  } else c.repr = repr;
  return c;
}

/** An environment as a layer: its own layer and the layers below it, in precedence order. */
export interface Layered {
  /** The environment's own layer (computed on first use). */
  own(): EvalValue;
  /** The environments merged into it, highest precedence first, each once. */
  readonly layers: readonly Layered[];
}

/**
 * Orders the layers of merged imports (listed in document order) by ESC's precedence — later
 * imports first, each followed by its own layers — keeping the first occurrence of each.
 */
export function linearize(imports: readonly Layered[]): Layered[] {
  const out: Layered[] = [];
  const seen = new Set<Layered>();
  for (let i = imports.length - 1; i >= 0; i--) {
    const imp = imports[i]!;
    for (const l of [imp, ...imp.layers]) {
      if (seen.has(l)) continue;
      seen.add(l);
      out.push(l);
    }
  }
  return out;
}

/** Memo of combined layers: the stack of a layer over a given base is built once per evaluation. */
export type LayerStacks = Map<Layered, Map<EvalValue | null, EvalValue>>;

/**
 * Combines layers (highest precedence first) into the base value of an environment. Stacks are
 * shared between environments whose layers end alike (an import chain builds one stack, not one per
 * environment), so their lazily merged parts are computed once.
 */
export function combineLayers(layers: readonly Layered[], stacks: LayerStacks): EvalValue | null {
  let base: EvalValue | null = null;
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    let byBase = stacks.get(layer);
    if (byBase === undefined) stacks.set(layer, (byBase = new Map()));
    let stack = byBase.get(base);
    if (stack === undefined) byBase.set(base, (stack = overlay(layer.own(), base)));
    base = stack;
  }
  return base;
}
