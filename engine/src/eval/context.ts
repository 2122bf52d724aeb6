// The evaluation context of one environment (ESC's eval/eval.go evalContext): declaration of
// expressions, the evaluation loop and the environment-level algorithm (§6, §8.3). Builtins, property
// access, imports and validation live in their own modules and receive this context.

import type { Expr as AstExpr, EnvironmentDecl, ObjectExpr } from '../ast/expr.js';
import { errorDiag, warningDiag, type Diagnostic } from '../diagnostics.js';
import type { Decrypter } from '../host.js';
import type { Range } from '../model.js';
import { itemSchema, propertySchema } from '../schema/navigate.js';
import {
  always,
  arraySchema,
  booleanSchema,
  mapSchema,
  nullSchema,
  numberSchema,
  recordSchema,
  stringSchema,
  tupleSchema,
  type Schema,
} from '../schema/schema.js';
import { joinKey } from '../syntax/index.js';
import { goQuote } from '../util/goQuote.js';
import { compareCodePoints } from '../util/order.js';
import { NumberText } from '../util/plain.js';
import { builtinInfo } from '../builtins/registry.js';
import { evaluatePropertyAccess } from './access.js';
import { evaluateBuiltin } from './builtins/index.js';
import { contextValue, type ExecContextData } from './execContext.js';
import { evaluateImports } from './imports.js';
import { EvalExpr, ExprState, type EvalAccess, type ExprRepr } from './exprs.js';
import type { ImportEntry, Shared } from './shared.js';
import { ownLayer } from './layers.js';
import { EvalValue } from './value.js';

const RESERVED_KEYS = new Set(['imports', 'context', 'environments']);

/** The evaluation of one environment (the root or an import). */
export class EvalContext {
  readonly diags: Diagnostic[] = [];
  /** The merged imports: the base of the root expression. */
  base: EvalValue | null = null;
  root!: EvalExpr;
  myImports!: EvalValue;
  myContext!: EvalValue;
  private depth = 0;

  constructor(
    readonly shared: Shared,
    readonly name: string,
    readonly decl: EnvironmentDecl,
    readonly decrypter: Decrypter | undefined,
    readonly execContext: ExecContextData,
    readonly isRoot: boolean,
    /** True only for the root environment of a Rotate evaluation. */
    readonly rotating: boolean,
  ) {}

  /** True in Check mode. */
  get validating(): boolean {
    return this.shared.mode === 'check';
  }

  /** Evaluates the environment: context, imports, then the root object (§6.2). */
  evaluate(): EvalValue {
    const budget = this.shared.budget;
    let own: EvalValue | undefined;
    const entry: ImportEntry = {
      evaluating: true,
      value: null,
      layers: [],
      own: () => (own ??= ownLayer(entry.value!, () => budget.addValues(1))),
    };
    this.shared.imports.set(this.name, entry);
    try {
      this.myContext = contextValue(this.execContext, this.shared);
      entry.layers = evaluateImports(this);
      this.root = this.declareRoot();
      const v = this.evaluateExpr(this.root, always());
      entry.value = v;
      return v;
    } finally {
      entry.evaluating = false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Declaration (§8.2)

  private declareRoot(): EvalExpr {
    const properties = new Map<string, EvalExpr>();
    for (const entry of this.decl.values) {
      const key = entry.key!;
      const k = key.value;
      if (RESERVED_KEYS.has(k)) {
        this.errorAtSyntax(entry.keySyntax.range, entry.keySyntax.path, `${goQuote(k)} is a reserved key`);
        continue;
      }
      if (properties.has(k)) {
        this.errorAtSyntax(entry.keySyntax.range, entry.keySyntax.path, `duplicate key ${goQuote(k)}`);
        continue;
      }
      properties.set(k, this.declare(k, entry.value, this.base === null ? null : this.base.property(key, k)));
    }
    return new EvalExpr(this.name, { kind: 'object', properties }, mapSchema(always()), this.base);
  }

  /** Declares the evaluator expression of an AST expression (`undefined` declares a missing expression). */
  declare(path: string, x: AstExpr | undefined, base: EvalValue | null): EvalExpr {
    if (x === undefined) return new EvalExpr(path, { kind: 'missing' }, always(), base);
    switch (x.kind) {
      case 'null':
        return new EvalExpr(path, { kind: 'literal', node: x }, nullSchema(), base);
      case 'boolean':
        return new EvalExpr(path, { kind: 'literal', node: x }, booleanSchema(x.value), base);
      case 'number':
        return new EvalExpr(path, { kind: 'literal', node: x }, numberSchema(new NumberText(x.value)), base);
      case 'string':
        return new EvalExpr(path, { kind: 'literal', node: x }, stringSchema(x.value), base);
      case 'interpolate': {
        const parts = x.parts.map((p) => (p.value ? { text: p.text, access: this.declareAccess(p.value.accessors) } : { text: p.text }));
        return new EvalExpr(path, { kind: 'interpolate', node: x, parts }, stringSchema(), base);
      }
      case 'symbol':
        return new EvalExpr(path, { kind: 'symbol', node: x, access: this.declareAccess(x.property.accessors) }, always(), base);
      case 'array': {
        const elements = x.elements.map((e, i) => this.declare(`${path}[${i}]`, e, null));
        return new EvalExpr(path, { kind: 'array', node: x, elements }, arraySchema(always()), base);
      }
      case 'object':
        return new EvalExpr(path, { kind: 'object', node: x, properties: this.declareProperties(path, x, base) }, mapSchema(always()), base);
      case 'builtin':
        return this.declareBuiltin(path, x, base);
    }
  }

  private declareProperties(path: string, x: ObjectExpr, base: EvalValue | null): Map<string, EvalExpr> {
    const properties = new Map<string, EvalExpr>();
    for (const entry of x.entries) {
      if (entry.key === undefined) continue;
      const k = entry.key.value;
      if (properties.has(k)) {
        this.errorAtSyntax(entry.keySyntax.range, entry.keySyntax.path, `duplicate key ${goQuote(k)}`);
        continue;
      }
      properties.set(k, this.declare(joinKey(path, k), entry.value, base === null ? null : base.property(entry.key, k)));
    }
    return properties;
  }

  private declareAccess(accessors: readonly import('../ast/expr.js').PropertyAccessor[]): EvalAccess {
    return { accessors: accessors.map((accessor) => ({ accessor })) };
  }

  private declareBuiltin(path: string, x: Extract<AstExpr, { kind: 'builtin' }>, base: EvalValue | null): EvalExpr {
    const info = builtinInfo(x.name);
    const declared = info ? info.resultSchema() : always();
    const sub = (e: AstExpr | undefined) => this.declare('', e, null);
    let repr: ExprRepr;
    switch (x.builtin) {
      case 'open':
        repr = { kind: 'open', node: x, provider: sub(x.provider), inputs: sub(x.inputs), inputSchema: always() };
        break;
      case 'rotate':
        repr = { kind: 'rotate', node: x, provider: sub(x.provider), inputs: sub(x.inputs), state: sub(x.state), inputSchema: always(), stateSchema: always() };
        break;
      case 'secret': {
        repr = { kind: 'secret', node: x };
        if (x.ciphertext) {
          repr.ciphertext = sub(x.ciphertext);
          repr.ciphertext.secret = true;
        } else {
          repr.plaintext = sub(x.plaintext);
          repr.plaintext.secret = true;
        }
        break;
      }
      case 'join':
        repr = { kind: 'join', node: x, delimiter: sub(x.delimiter), values: sub(x.values) };
        break;
      case 'split':
        repr = { kind: 'split', node: x, delimiter: sub(x.delimiter), string: sub(x.string) };
        break;
      case 'concat':
        repr = { kind: 'concat', node: x, arrays: sub(x.arrays) };
        break;
      case 'validate':
        repr = { kind: 'validate', node: x, schema: sub(x.schema), value: sub(x.value) };
        break;
      default:
        repr = { kind: 'unary', node: x, builtin: x.builtin, value: sub(x.value) };
        break;
    }
    return new EvalExpr(path, repr, declared, base);
  }

  // ---------------------------------------------------------------------------------------------
  // Evaluation (§8.3)

  /** Evaluates an expression once (memoized), reporting cycles. `accept` only carries rotate-only-ness. */
  evaluateExpr(x: EvalExpr, accept: Schema): EvalValue {
    if (x.state === ExprState.Done) return x.value ?? this.unknownValue(x);
    if (x.state === ExprState.Evaluating) {
      this.errorAt(x, `cyclic reference to ${x.path}`);
      return this.unknownValue(x);
    }
    if (this.depth >= this.shared.budget.limits.maxDepth) {
      this.errorAt(x, `references nest more than ${this.shared.budget.limits.maxDepth} levels deep`);
      return this.unknownValue(x);
    }
    x.state = ExprState.Evaluating;
    this.depth++;
    try {
      return this.evaluateExprOnce(x, accept);
    } finally {
      this.depth--;
      x.state = ExprState.Done;
    }
  }

  private evaluateExprOnce(x: EvalExpr, accept: Schema): EvalValue {
    this.shared.budget.addValues(1);
    if (accept.isRotateOnly && ((!this.rotating && !this.validating) || !this.isRoot)) {
      // Rotate-only inputs are skipped: an unknown that is not observable outside rotation.
      const v = new EvalValue(new EvalExpr(x.path, { kind: 'missing' }, always(), x.base), always(), null);
      v.unknown = true;
      v.rotateOnly = true;
      return v;
    }
    if (x.base !== null && x.base.final) {
      this.warningAt(x, 'cannot override final value');
      x.value = x.base;
      x.schema = x.base.schema;
      return x.base;
    }
    let v: EvalValue;
    const repr = x.repr;
    switch (repr.kind) {
      case 'missing':
      case 'synthetic':
      case 'access':
        v = this.unknownValue(x, x.schema);
        break;
      case 'literal':
        v = new EvalValue(x, x.schema, literalRepr(repr.node));
        break;
      case 'interpolate':
        v = this.evaluateInterpolate(x, repr.parts);
        break;
      case 'symbol':
        v = evaluatePropertyAccess(this, x, repr.access.accessors, accept);
        break;
      case 'array': {
        const elements = repr.elements.map((e, i) => this.evaluateExpr(e, itemSchema(accept, i)));
        v = new EvalValue(x, tupleSchema(elements.map((e) => e.schema)), elements);
        break;
      }
      case 'object': {
        const keys = [...repr.properties.keys()].sort(compareCodePoints);
        const m = new Map<string, EvalValue>();
        const schemas = new Map<string, Schema>();
        for (const k of keys) {
          const p = this.evaluateExpr(repr.properties.get(k)!, propertySchema(accept, k));
          m.set(k, p);
          schemas.set(k, p.schema);
        }
        v = new EvalValue(x, recordSchema(schemas), m);
        break;
      }
      default:
        v = evaluateBuiltin(this, x, repr);
        break;
    }
    if (accept.isRotateOnly) v.rotateOnly = true;
    if (x.secret) v.secret = true;
    v.merge(x.base);
    x.schema = v.schema;
    x.value = v;
    return v;
  }

  private evaluateInterpolate(x: EvalExpr, parts: { text: string; access?: EvalAccess }[]): EvalValue {
    let s = '';
    let unknown = false;
    let secret = false;
    for (const part of parts) {
      s += part.text;
      if (part.access === undefined) continue;
      const v = evaluatePropertyAccess(this, x, part.access.accessors, always());
      const conv = v.toStringValue();
      unknown ||= conv.unknown;
      secret ||= conv.secret;
      if (!conv.unknown) s += conv.text;
    }
    this.shared.budget.addString(s.length);
    const v = new EvalValue(x, stringSchema(), unknown ? '[unknown]' : s);
    v.unknown = unknown;
    v.secret = secret;
    return v;
  }

  /** Returns a new unknown value defined by `x`. */
  unknownValue(x: EvalExpr, schema: Schema = always()): EvalValue {
    const v = new EvalValue(x, schema, null);
    v.unknown = true;
    return v;
  }

  // ---------------------------------------------------------------------------------------------
  // Diagnostics

  /** Reports an error at an expression (its syntax range and path; none when synthesized). */
  errorAt(x: EvalExpr | AstExpr | undefined, summary: string): void {
    const node = x instanceof EvalExpr ? x.node : x;
    this.diags.push(errorDiag(summary, node?.syntax?.range, node?.syntax?.path ?? ''));
  }

  /** Reports a warning at an expression. */
  warningAt(x: EvalExpr | AstExpr | undefined, summary: string): void {
    const node = x instanceof EvalExpr ? x.node : x;
    this.diags.push(warningDiag(summary, node?.syntax?.range, node?.syntax?.path ?? ''));
  }

  /** Reports an error at an explicit range and path. */
  errorAtSyntax(range: Range | undefined, path: string, summary: string): void {
    this.diags.push(errorDiag(summary, range, path));
  }
}

function literalRepr(node: AstExpr): EvalValue['repr'] {
  switch (node.kind) {
    case 'boolean':
      return node.value;
    case 'number':
      return new NumberText(node.value);
    case 'string':
      return node.value;
    default:
      return null;
  }
}
