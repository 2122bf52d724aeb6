// Validation of values against schemas (§11.6): errors are located at the defining expression of the
// offending value. Unknown values are checked schema-against-schema, with path-prefixed messages.

import type { Expr as AstExpr } from '../ast/expr.js';
import { compileSchema } from '../schema/compile.js';
import type { Schema } from '../schema/schema.js';
import { joinKey } from '../syntax/index.js';
import { encodeJSON } from '../util/goJson.js';
import { compareDecimal, isMultipleOf } from '../util/decimal.js';
import { goQuote } from '../util/goQuote.js';
import { NumberText, type PlainValue } from '../util/plain.js';
import { utf8Length } from '../text/utf8.js';
import type { EvalContext } from './context.js';
import type { EvalExpr } from './exprs.js';
import type { EvalValue } from './value.js';

/** Sink for validation messages: the context's diagnostics, or a scratch list for anyOf/oneOf members. */
type Report = (at: EvalExpr, summary: string) => void;

/** Validates `v` against `accept`, reporting errors; returns whether it is valid. */
export function validateValue(ctx: EvalContext, v: EvalValue, accept: Schema): boolean {
  return new Validator().element(v, accept, (at, s) => ctx.errorAt(at, s));
}

class Validator {
  element(v: EvalValue, a: Schema | undefined, report: Report): boolean {
    if (a === undefined || a.always) return true;
    const err = compileSchema(a);
    if (err) {
      report(v.def, `internal error: invalid schema: ${err}`);
      return false;
    }
    if (a.never) return false;
    if (v.unknown) return this.schemaType(v.schema, a, { at: v.def, path: '', prefix: false }, report);
    let ok = true;
    if (a.refTarget !== undefined) ok = this.element(v, a.refTarget, report) && ok;
    if (a.anyOf && a.anyOf.length > 0) ok = this.anyOf(v, a.anyOf, report) && ok;
    if (a.oneOf && a.oneOf.length > 0) ok = this.oneOf(v, a.oneOf, report) && ok;
    if (a.const !== undefined && a.const !== null && !constEqual(a.const, v)) {
      report(v.def, `expected ${compactJSON(a.const)}`);
      ok = false;
    }
    if (a.enum && a.enum.length > 0 && !a.enum.some((c) => constEqual(c, v))) {
      report(v.def, a.enum.length === 1 ? `expected ${compactJSON(a.enum[0]!)}` : `expected one of ${compactJSON(a.enum)}`);
      ok = false;
    }
    return this.typed(v, a, report) && ok;
  }

  private anyOf(v: EvalValue, members: Schema[], report: Report): boolean {
    const scratch: [EvalExpr, string][] = [];
    for (const m of members) {
      const mine: [EvalExpr, string][] = [];
      if (this.element(v, m, (at, s) => mine.push([at, s]))) return true;
      scratch.push(...mine);
    }
    for (const [at, s] of scratch) report(at, s);
    report(v.def, 'at least one subschema must match');
    return false;
  }

  private oneOf(v: EvalValue, members: Schema[], report: Report): boolean {
    const scratch: [EvalExpr, string][] = [];
    let matched = false;
    for (const m of members) {
      const mine: [EvalExpr, string][] = [];
      if (this.element(v, m, (at, s) => mine.push([at, s]))) {
        if (matched) {
          report(v.def, 'exactly one subschema may match');
          return false;
        }
        matched = true;
      } else scratch.push(...mine);
    }
    if (matched) return true;
    for (const [at, s] of scratch) report(at, s);
    report(v.def, 'exactly one subschema must match');
    return false;
  }

  private typed(v: EvalValue, a: Schema, report: Report): boolean {
    const kind = kindOf(v);
    if (a.type !== '' && a.type !== kind) {
      report(v.def, `expected ${a.type}, got ${kind}`);
      return false;
    }
    const repr = v.repr;
    let ok = true;
    const fail = (s: string) => {
      report(v.def, s);
      ok = false;
    };
    if (repr instanceof NumberText) {
      const checks: [string | undefined, (c: number) => boolean, string][] = [
        [a.minimum, (c) => c >= 0, 'expected a number greater than or equal to '],
        [a.exclusiveMinimum, (c) => c > 0, 'expected a number greater than '],
        [a.maximum, (c) => c <= 0, 'expected a number less than or equal to'],
        [a.exclusiveMaximum, (c) => c < 0, 'expected a number less than '],
      ];
      if (a.multipleOf !== undefined) {
        const r = isMultipleOf(repr.text, a.multipleOf);
        if (typeof r === 'string') fail(`internal error: invalid number ${goQuote(repr.text)} (${r})`);
        else if (!r) fail(`expected a multiple of ${a.multipleOf}`);
      }
      for (const [limit, pass, message] of checks) {
        if (limit === undefined) continue;
        const c = compareDecimal(repr.text, limit);
        if (typeof c === 'string') fail(`internal error: invalid number ${goQuote(repr.text)} (${c})`);
        else if (!pass(c)) fail(message + limit);
      }
    } else if (typeof repr === 'string') {
      const limits = a.limits ?? {};
      const n = BigInt(utf8Length(repr));
      if (limits.minLength !== undefined && n < limits.minLength) fail(`expected a string of at least length ${limits.minLength}`);
      if (limits.maxLength !== undefined && n > limits.maxLength) fail(`expected a string of at most length ${limits.maxLength}`);
      if (a.regexp !== undefined && !a.regexp.test(repr)) fail(`string must match the pattern ${goQuote(a.pattern ?? '')}`);
    } else if (Array.isArray(repr)) {
      const limits = a.limits ?? {};
      const n = BigInt(repr.length);
      if (limits.minItems !== undefined && n < limits.minItems) fail(`expected an array with at least ${limits.minItems} items`);
      if (limits.maxItems !== undefined && n > limits.maxItems) fail(`expected an array with at most ${limits.maxItems} items`);
      const prefix = a.prefixItems ?? [];
      repr.forEach((e, i) => {
        if (!this.element(e, i < prefix.length ? prefix[i] : a.items, report)) ok = false;
      });
    } else if (repr instanceof Map) {
      const keys = v.keys();
      const limits = a.limits ?? {};
      const n = BigInt(keys.length);
      if (limits.minProperties !== undefined && n < limits.minProperties) fail(`expected an object with at least ${limits.minProperties} properties`);
      if (limits.maxProperties !== undefined && n > limits.maxProperties) fail(`expected an object with at most ${limits.maxProperties} properties`);
      const present = new Set(keys);
      for (const k of keys) {
        const p = v.property(v.def.node, k);
        if (p === null) continue;
        const s = a.properties?.get(k) ?? a.additionalProperties;
        if (!this.element(p, s, report)) ok = false;
      }
      const missing: string[] = [];
      for (const r of a.required ?? []) if (!present.has(r)) missing.push(r);
      if (a.dependentRequired) {
        for (const k of keys) for (const d of a.dependentRequired.get(k) ?? []) if (!present.has(d)) missing.push(d);
      }
      if (missing.length > 0) fail(`missing required properties: ${missing.join(', ')}`);
    }
    return ok;
  }

  /** Checks an unknown value's schema `x` against the accepted schema `a` (no value constraints). */
  private schemaType(x: Schema | undefined, a: Schema | undefined, loc: Loc, report: Report): boolean {
    if (a === undefined || a.always) return true;
    if (a.never) return false;
    if (x === undefined || x.always) return true;
    if (x.never) return false;
    compileSchema(x);
    const fail = (s: string) => report(loc.at, loc.prefix ? `${loc.path}: ${s}` : s);
    let ok = true;
    if (a.refTarget !== undefined) ok = this.schemaType(x, a.refTarget, loc, report) && ok;
    if (x.refTarget !== undefined) ok = this.schemaType(x.refTarget, a, loc, report) && ok;
    for (const alternatives of [x.anyOf, x.oneOf]) {
      if (!alternatives || alternatives.length === 0) continue;
      ok = this.some(alternatives.map((m) => (r: Report) => this.schemaType(m, a, loc, r)), loc, report) && ok;
    }
    if (x.type !== '' && a.type !== '' && x.type !== a.type) {
      fail(`expected ${a.type}, got ${x.type}`);
      ok = false;
    }
    for (const alternatives of [a.anyOf, a.oneOf]) {
      if (!alternatives || alternatives.length === 0) continue;
      ok = this.some(alternatives.map((m) => (r: Report) => this.schemaType(x, m, loc, r)), loc, report) && ok;
    }
    if (x.type === 'array') {
      const xp = x.prefixItems ?? [];
      const ap = a.prefixItems ?? [];
      for (let i = 0; i < Math.max(xp.length, ap.length); i++) {
        const at = this.index(loc, i);
        if (i < xp.length && i < ap.length) ok = this.schemaType(xp[i], ap[i], at, report) && ok;
        else if (i < xp.length) ok = this.schemaType(xp[i], a.items, at, report) && ok;
        else ok = this.schemaType(x.items, ap[i], at, report) && ok;
      }
      if (x.items !== undefined && !x.items.never) ok = this.schemaType(x.items, a.items, loc, report) && ok;
    } else if (x.type === 'object') {
      for (const [k, p] of x.properties ?? []) {
        ok = this.schemaType(p, a.properties?.get(k) ?? a.additionalProperties, this.property(loc, k), report) && ok;
      }
      if (x.additionalProperties === undefined) {
        const required = new Set(x.required ?? []);
        const missing = (name: string) => {
          const at = this.property(loc, name);
          report(at.at, `${at.path}: missing required property`);
          ok = false;
        };
        for (const r of a.required ?? []) if (!required.has(r)) missing(r);
        for (const [k, deps] of a.dependentRequired ?? []) {
          if (!required.has(k)) continue;
          for (const d of deps) if (!required.has(d)) missing(d);
        }
      } else if (!x.additionalProperties.never) {
        ok = this.schemaType(x.additionalProperties, a.additionalProperties, loc, report) && ok;
      }
    }
    return ok;
  }

  /** Passes when one alternative passes; otherwise reports all their messages and "at least one". */
  private some(alternatives: ((r: Report) => boolean)[], loc: Loc, report: Report): boolean {
    const scratch: [EvalExpr, string][] = [];
    for (const alt of alternatives) {
      const mine: [EvalExpr, string][] = [];
      if (alt((at, s) => mine.push([at, s]))) return true;
      scratch.push(...mine);
    }
    for (const [at, s] of scratch) report(at, s);
    report(loc.at, loc.prefix ? `${loc.path}: at least one subschema must match` : 'at least one subschema must match');
    return false;
  }

  private index(loc: Loc, i: number): Loc {
    const repr = loc.at.repr;
    if (repr.kind === 'array' && i < repr.elements.length) return { at: repr.elements[i]!, path: `[${i}]`, prefix: false };
    return { at: loc.at, path: `${loc.path}[${i}]`, prefix: true };
  }

  private property(loc: Loc, k: string): Loc {
    const repr = loc.at.repr;
    if (repr.kind === 'object') {
      const p = repr.properties.get(k);
      if (p !== undefined) return { at: p, path: joinKey('', k), prefix: false };
    }
    return { at: loc.at, path: joinKey(loc.path, k), prefix: true };
  }
}

/** A location in schema-against-schema checks: an expression plus a path below it. */
interface Loc {
  at: EvalExpr;
  path: string;
  prefix: boolean;
}

function kindOf(v: EvalValue): string {
  const r = v.repr;
  if (r === null) return 'null';
  if (typeof r === 'boolean') return 'boolean';
  if (typeof r === 'string') return 'string';
  if (r instanceof NumberText) return 'number';
  if (Array.isArray(r)) return 'array';
  return 'object';
}

/** Compares a schema constant with a known value (§11.8): numbers by text, objects by own keys. */
export function constEqual(c: PlainValue, v: EvalValue): boolean {
  const r = v.repr;
  if (c === null) return r === null;
  if (typeof c === 'boolean' || typeof c === 'string') return r === c;
  if (c instanceof NumberText) return r instanceof NumberText && r.text === c.text;
  if (Array.isArray(c)) return Array.isArray(r) && r.length === c.length && c.every((e, i) => constEqual(e, r[i]!));
  if (!(r instanceof Map) || r.size !== c.size) return false;
  for (const [k, e] of c) {
    const p = r.get(k);
    if (p === undefined || !constEqual(e, p)) return false;
  }
  return true;
}

function compactJSON(p: PlainValue | PlainValue[]): string {
  const r = encodeJSON(p, {});
  return r.ok ? r.text : String(p);
}

export type { AstExpr };
