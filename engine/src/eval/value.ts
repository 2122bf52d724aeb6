// Runtime values of the evaluator (ESC's eval/value.go): mutable objects with identity, a defining
// expression, an optional base (the imported value they override), a schema and secret/unknown flags.

import { propertySchema } from '../schema/navigate.js';
import { mergedSchema } from '../schema/navigate.js';
import type { Schema } from '../schema/schema.js';
import type { Expr as AstExpr } from '../ast/expr.js';
import { goQuote } from '../util/goQuote.js';
import { compareCodePoints } from '../util/order.js';
import { NumberText } from '../util/plain.js';
import type { Value as ModelValue } from '../model.js';
import { accessExpr, type EvalExpr } from './exprs.js';

/** The representation of a known value: null, boolean, number text, string, array or map. */
export type Repr = null | boolean | NumberText | string | EvalValue[] | Map<string, EvalValue>;

/** A runtime value. */
export class EvalValue {
  protected baseValue: EvalValue | null = null;
  protected reprValue: Repr;
  protected schemaValue: Schema;
  /** Set when `base` was attached by merging an import base (see layers.ts); copies clear it. */
  importLink = false;
  unknown = false;
  secret = false;
  rotateOnly = false;
  final = false;
  /** Merged, sorted keys; computed on first use (as in ESC, not invalidated by later merges). */
  private keysCache: string[] | undefined;
  /** Cached export (ESC caches the first export of a value). */
  exported: ModelValue | undefined;
  /** Set while exporting, to detect cycles. */
  exporting = false;

  constructor(
    public def: EvalExpr,
    schema: Schema,
    repr: Repr,
  ) {
    this.schemaValue = schema;
    this.reprValue = repr;
  }

  /** The value this one overrides (from an import), if any. */
  get base(): EvalValue | null {
    return this.baseValue;
  }
  set base(b: EvalValue | null) {
    this.baseValue = b;
  }

  /** The representation (own keys only for maps). */
  get repr(): Repr {
    return this.reprValue;
  }
  set repr(r: Repr) {
    this.reprValue = r;
  }

  /** The schema of the value (merged with the base's after a merge). */
  get schema(): Schema {
    return this.schemaValue;
  }
  set schema(s: Schema) {
    this.schemaValue = s;
  }

  /** Reports whether the representation is a map, without building it (overlays build theirs lazily). */
  isMap(): boolean {
    return this.repr instanceof Map;
  }

  /** Returns own property `key` of a map value (not looking through the base), or undefined. */
  ownProperty(key: string): EvalValue | undefined {
    const repr = this.repr;
    return repr instanceof Map ? repr.get(key) : undefined;
  }

  /** Returns the own keys of a map value, in their order. */
  ownKeys(): Iterable<string> {
    const repr = this.repr;
    return repr instanceof Map ? repr.keys() : [];
  }

  /** Returns the merged keys (own and base keys, sorted) of a map value; none for other values. */
  keys(): string[] {
    if (this.keysCache !== undefined) return this.keysCache;
    const repr = this.repr;
    if (!(repr instanceof Map)) return (this.keysCache = []);
    const keys = [...repr.keys()];
    if (this.base !== null) for (const k of this.base.keys()) if (!repr.has(k)) keys.push(k);
    keys.sort(compareCodePoints);
    return (this.keysCache = keys);
  }

  /**
   * Returns property `key`, looking through the base chain. Unknown values yield a new unknown value
   * defined by an access expression (its schema from this value's schema).
   */
  property(x: AstExpr | undefined, key: string): EvalValue | null {
    const repr = this.repr;
    if (repr instanceof Map) {
      const p = repr.get(key);
      if (p !== undefined) return p;
      return this.base === null ? null : this.base.property(x, key);
    }
    if (this.unknown) {
      const s = propertySchema(this.schema, key);
      const b = this.base === null ? null : this.base.property(x, key);
      const v = new EvalValue(accessExpr(x, this, key, s, b), s, null);
      v.base = b;
      v.unknown = true;
      return v;
    }
    return null;
  }

  /** Reports whether this value is `o`, or both are unknown accesses of the same name into identical receivers. */
  is(o: EvalValue): boolean {
    if (this === o) return true;
    if (!this.unknown || !o.unknown) return false;
    const a = this.def.repr;
    const b = o.def.repr;
    if (a.kind !== 'access' || b.kind !== 'access') return false;
    return a.key === b.key && a.receiver.is(b.receiver);
  }

  /** Merges `base` under this value (JSON-merge-like; null overrides, arrays replace, objects merge). */
  merge(base: EvalValue | null): void {
    if (base === null || this.is(base)) return;
    if (this.base !== null) this.base.merge(base);
    else {
      this.base = base;
      this.importLink = true;
    }
    const repr = this.repr;
    if (repr instanceof Map) {
      for (const [k, p] of repr) p.merge(this.base.property(p.def.node, k));
    }
    this.schema = mergedSchema(this.base.schema, this.schema);
  }

  /** Reports whether this value or anything in it (base-aware) is unknown. */
  containsUnknowns(): boolean {
    return this.containsObservableUnknowns(true);
  }

  /** Like containsUnknowns, but when not rotating, unknowns of skipped rotate-only inputs do not count. */
  containsObservableUnknowns(rotating: boolean): boolean {
    if (this.unknown) return rotating || !this.rotateOnly;
    const repr = this.repr;
    if (Array.isArray(repr)) return repr.some((e) => e.containsObservableUnknowns(rotating));
    if (repr instanceof Map) {
      for (const k of this.keys()) {
        const p = this.property(this.def.node, k);
        if (p !== null && p.containsObservableUnknowns(rotating)) return true;
      }
    }
    return false;
  }

  /** Reports whether this value or anything in it (base-aware) is secret. */
  containsSecrets(): boolean {
    if (this.secret) return true;
    const repr = this.repr;
    if (Array.isArray(repr)) return repr.some((e) => e.containsSecrets());
    if (repr instanceof Map) {
      for (const k of this.keys()) {
        const p = this.property(this.def.node, k);
        if (p !== null && p.containsSecrets()) return true;
      }
    }
    return false;
  }

  /**
   * Returns a deep copy (shared sub-values stay shared; defs are shared; rotateOnly and caches
   * dropped). `onCopy` is told about each new value, so resource limits apply while copying.
   */
  copy(memo: Map<EvalValue, EvalValue> = new Map(), onCopy?: () => void): EvalValue {
    const seen = memo.get(this);
    if (seen !== undefined) return seen;
    onCopy?.();
    const c = new EvalValue(this.def, this.schema, null);
    c.unknown = this.unknown;
    c.secret = this.secret;
    c.final = this.final;
    memo.set(this, c);
    if (this.base !== null) c.base = this.base.copy(memo, onCopy);
    const repr = this.repr;
    if (Array.isArray(repr)) c.repr = repr.map((e) => e.copy(memo, onCopy));
    else if (repr instanceof Map) {
      const m = new Map<string, EvalValue>();
      for (const [k, p] of repr) m.set(k, p.copy(memo, onCopy));
      c.repr = m;
    } else c.repr = repr;
    return c;
  }

  /** Converts to a string as interpolation and fn::toString do (own keys only), with unknown/secret flags. */
  toStringValue(): { text: string; unknown: boolean; secret: boolean } {
    if (this.unknown) return { text: '[unknown]', unknown: true, secret: this.secret };
    const repr = this.repr;
    let unknown = false;
    let secret = this.secret;
    let text: string;
    if (repr === null) text = '';
    else if (typeof repr === 'boolean') text = repr ? 'true' : 'false';
    else if (typeof repr === 'string') text = repr;
    else if (repr instanceof NumberText) text = repr.text;
    else if (Array.isArray(repr)) {
      const parts: string[] = [];
      for (const e of repr) {
        const s = e.toStringValue();
        unknown ||= s.unknown;
        secret ||= s.secret;
        parts.push(goQuote(s.text));
      }
      text = parts.join(',');
    } else {
      const parts: string[] = [];
      for (const k of [...repr.keys()].sort(compareCodePoints)) {
        const s = repr.get(k)!.toStringValue();
        unknown ||= s.unknown;
        secret ||= s.secret;
        parts.push(`${goQuote(k)}=${goQuote(s.text)}`);
      }
      text = parts.join(',');
    }
    return { text, unknown, secret };
  }
}

/** Reports whether a value may be an object: a known map, or an unknown whose schema is Always or an object type. */
export function isPossiblyObject(v: EvalValue | null): boolean {
  if (v === null) return false;
  if (v.isMap()) return true;
  return v.unknown && (v.schema.always || v.schema.type === 'object');
}
