// Exporting evaluation results to the data model (§12.1, §12.3): values with traces, expressions
// with ranges and schemas. Editors are built on these ranges, so they are the true source ranges.

import type { Expr as AstExpr } from '../ast/expr.js';
import type {
  Accessor as ModelAccessor,
  Expr as ModelExpr,
  Interpolation as ModelInterpolation,
  Range,
  Value as ModelValue,
} from '../model.js';
import { builtinInfo } from '../builtins/registry.js';
import { always } from '../schema/schema.js';
import { NumberText } from '../util/plain.js';
import type { EvalAccessor, EvalExpr } from './exprs.js';
import type { EvalValue } from './value.js';

/** Environment name used for ranges without syntax inside base chains. */
export const IMPORT_ENVIRONMENT = '<import>';

const ZERO = { line: 0, column: 0, byte: 0 };

/** Returns a range without position, naming only the environment (or nothing). */
export function zeroRange(environment = ''): Range {
  return { environment, begin: ZERO, end: ZERO };
}

/** Exports values; reports export cycles (which would be an evaluator bug) through `onCycle`. */
export class Exporter {
  /** Exported expressions by environment name: base chains share their expressions, so the model is a DAG. */
  private readonly exprs = new Map<string, Map<EvalExpr, ModelExpr>>();

  constructor(private readonly onCycle: (v: EvalValue) => void) {}

  /** Exports a value with its trace (cached per value, as ESC does). */
  value(v: EvalValue, environment: string): ModelValue {
    if (v.exported !== undefined) return v.exported;
    if (v.exporting) {
      this.onCycle(v);
      return { unknown: true, trace: { def: defRange(v.def, environment) } };
    }
    v.exporting = true;
    try {
      const out: ModelValue = { trace: { def: defRange(v.def, environment) } };
      const repr = v.repr;
      if (Array.isArray(repr)) out.value = repr.map((e) => this.value(e, environment));
      else if (repr instanceof Map) {
        const m = new Map<string, ModelValue>();
        for (const k of v.keys()) {
          const p = v.property(v.def.node, k);
          if (p !== null) m.set(k, this.value(p, environment));
        }
        out.value = m;
      } else if (repr !== null) out.value = repr;
      if (v.secret) out.secret = true;
      if (v.unknown) out.unknown = true;
      if (v.base !== null) out.trace.base = this.value(v.base, IMPORT_ENVIRONMENT);
      v.exported = out;
      return out;
    } finally {
      v.exporting = false;
    }
  }

  /** Exports an expression (§12.3); an expression is exported once per environment name. */
  expr(x: EvalExpr, environment: string): ModelExpr {
    let cache = this.exprs.get(environment);
    if (cache === undefined) this.exprs.set(environment, (cache = new Map()));
    let e = cache.get(x);
    if (e === undefined) cache.set(x, (e = this.exportExpr(x, environment)));
    return e;
  }

  private exportExpr(x: EvalExpr, environment: string): ModelExpr {
    const repr = x.repr;
    if (repr.kind === 'access') return this.accessExpr(x, environment);
    const e: ModelExpr = { range: exprRange(x.node, environment), schema: x.schema };
    if (x.base !== null) e.base = this.expr(x.base.def, environment);
    switch (repr.kind) {
      case 'literal': {
        const n = repr.node;
        if (n.kind === 'boolean' || n.kind === 'string') e.literal = n.value;
        else if (n.kind === 'number') e.literal = new NumberText(n.value);
        break;
      }
      case 'interpolate':
        e.interpolate = repr.parts.map((p) => {
          const part: ModelInterpolation = {};
          if (p.text !== '') part.text = p.text;
          if (p.access) part.value = p.access.accessors.map((a) => this.accessor(a, environment));
          return part;
        });
        break;
      case 'symbol':
        e.symbol = repr.access.accessors.map((a) => this.accessor(a, environment));
        break;
      case 'array':
        // Empty lists, objects and key ranges are omitted, as ESC's JSON (omitempty) does.
        if (repr.elements.length > 0) e.list = repr.elements.map((el) => this.expr(el, environment));
        break;
      case 'object': {
        const keyRanges = new Map<string, Range>();
        for (const entry of repr.node?.entries ?? []) {
          if (entry.key) keyRanges.set(entry.key.value, entry.keySyntax.range);
        }
        if (keyRanges.size > 0) e.keyRanges = keyRanges;
        const object = new Map<string, ModelExpr>();
        for (const [k, p] of repr.properties) object.set(k, this.expr(p, environment));
        if (object.size > 0) e.object = object;
        break;
      }
      case 'missing':
      case 'synthetic':
        break;
      default:
        e.builtin = this.builtin(x, environment);
        break;
    }
    return e;
  }

  private builtin(x: EvalExpr, environment: string): NonNullable<ModelExpr['builtin']> {
    const repr = x.repr;
    const node = repr.node as Extract<AstExpr, { kind: 'builtin' }>;
    const info = builtinInfo(node.name);
    let argSchema = info ? info.argSchema() : always();
    let arg: ModelExpr;
    const sub = (s: EvalExpr | undefined) => (s ? this.expr(s, environment) : undefined);
    const argRange = exprRange(node.args, environment);
    switch (repr.kind) {
      case 'open':
        if (node.builtin === 'open' && node.shortForm) {
          argSchema = repr.inputSchema;
          arg = this.expr(repr.inputs, environment);
        } else {
          argSchema = withProperties(argSchema, [['inputs', repr.inputSchema]]);
          arg = { range: zeroRange(), object: objectOf([['provider', sub(repr.provider)], ['inputs', sub(repr.inputs)]]) };
        }
        break;
      case 'rotate':
        argSchema = withProperties(argSchema, [
          ['inputs', repr.inputSchema],
          ['state', repr.stateSchema],
        ]);
        arg = {
          range: zeroRange(),
          object: objectOf([
            ['provider', node.builtin === 'rotate' && !node.shortForm ? sub(repr.provider) : undefined],
            ['inputs', sub(repr.inputs)],
            ['state', sub(repr.state)],
          ]),
        };
        break;
      case 'secret':
        if (repr.ciphertext) arg = { range: argRange, object: objectOf([['ciphertext', sub(repr.ciphertext)]]) };
        else arg = this.expr(repr.plaintext!, environment);
        break;
      case 'join':
        arg = { range: argRange, list: [this.expr(repr.delimiter, environment), this.expr(repr.values, environment)] };
        break;
      case 'split':
        arg = { range: argRange, list: [this.expr(repr.delimiter, environment), this.expr(repr.string, environment)] };
        break;
      case 'validate':
        arg = { range: argRange, object: objectOf([['schema', sub(repr.schema)], ['value', sub(repr.value)]]) };
        break;
      case 'concat':
        arg = this.expr(repr.arrays, environment);
        break;
      case 'unary':
        arg = this.expr(repr.value, environment);
        break;
      default:
        arg = { range: argRange };
        break;
    }
    return { name: node.name, nameRange: node.nameSyntax.range, argSchema, arg };
  }

  /** Exports an access into an unknown value; nested accesses extend the outermost receiver access. */
  private accessExpr(x: EvalExpr, environment: string): ModelExpr {
    const repr = x.repr as Extract<EvalExpr['repr'], { kind: 'access' }>;
    const accessor: ModelAccessor = { key: repr.key, range: zeroRange(environment) } as ModelAccessor;
    const receiverDef = repr.receiver.def;
    if (receiverDef.repr.kind === 'access') {
      const outer = this.accessExpr(receiverDef, environment);
      outer.access = { receiver: outer.access!.receiver, accessors: [...outer.access!.accessors, accessor] };
      return outer;
    }
    const e: ModelExpr = { range: exprRange(repr.node, environment), schema: x.schema };
    if (x.base !== null) e.base = this.expr(x.base.def, environment);
    e.access = { receiver: defRange(receiverDef, environment), accessors: [accessor] };
    return e;
  }

  private accessor(a: EvalAccessor, environment: string): ModelAccessor {
    const acc = a.accessor;
    const out: ModelAccessor =
      acc.kind === 'name' || typeof acc.index === 'string'
        ? { key: acc.kind === 'name' ? acc.name : (acc.index as string), range: acc.range ?? zeroRange(environment), value: zeroRange() }
        : { index: acc.index, range: acc.range ?? zeroRange(environment), value: zeroRange() };
    if (a.value !== undefined) out.value = defRange(a.value.def, environment);
    return out;
  }
}

/** The range of a value's definition; without syntax, a zero range naming `environment`. */
export function defRange(def: EvalExpr, environment: string): Range {
  return exprRange(def.node, environment);
}

function exprRange(node: AstExpr | undefined, environment: string): Range {
  return node?.syntax?.range ?? zeroRange(environment);
}

function objectOf(entries: [string, ModelExpr | undefined][]): Map<string, ModelExpr> {
  const m = new Map<string, ModelExpr>();
  for (const [k, v] of entries) if (v !== undefined) m.set(k, v);
  return m;
}

function withProperties(s: ReturnType<typeof always>, props: [string, ReturnType<typeof always>][]): ReturnType<typeof always> {
  if (!s.properties) return s;
  const m = new Map(s.properties);
  for (const [k, p] of props) if (m.has(k)) m.set(k, p);
  const c = Object.assign(Object.create(Object.getPrototypeOf(s)), s);
  c.properties = m;
  return c;
}
