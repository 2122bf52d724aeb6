// Compiling a schema (§11.4): resolves `$ref`s against the root's `$defs`, applies `rotateOnly`,
// parses numeric limits and compiles `pattern`s as Go RE2 expressions. Idempotent.

import { compileRE2 } from '../util/re2.js';
import { parseDecimal } from '../util/decimal.js';
import { parseGoUint } from '../util/goStrconv.js';
import { Schema, cloneSchema, type CompiledLimits } from './schema.js';

const DEFS_PREFIX = '#/$defs/';

/** Compiles `s` in place and returns the first error message, or '' on success. */
export function compileSchema(s: Schema): string {
  return compile(s, s, 0);
}

function compile(s: Schema, root: Schema, depth: number): string {
  if (s.compileError !== undefined) return s.compileError;
  if (s.always || s.never) return '';
  // Mark first so that recursive schemas ($ref cycles through $defs) terminate.
  s.compileError = '';
  const err = compileFields(s, root, depth);
  s.compileError = err;
  return err;
}

function compileFields(s: Schema, root: Schema, depth: number): string {
  if (depth > 256) return 'schema nests too deeply';
  if (s.ref) {
    if (!s.ref.startsWith(DEFS_PREFIX)) return 'only fragment references of the form #/$defs/ref are supported';
    let name: string;
    try {
      name = decodeURIComponent(s.ref.slice(DEFS_PREFIX.length));
    } catch {
      return `invalid URL escape in ${s.ref}`;
    }
    if (name.includes('/')) return 'only fragment references of the form #/$defs/ref are supported';
    const target = root.defs?.get(name);
    if (target === undefined) return `unknown subschema ${s.ref}`;
    s.refTarget = target;
    const e = compile(target, root, depth + 1);
    if (e) return e;
  }
  for (const list of [s.anyOf, s.oneOf, s.prefixItems]) {
    if (!list) continue;
    for (const m of list) {
      const e = compile(m, root, depth + 1);
      if (e) return e;
    }
  }
  for (const m of [s.items, s.additionalProperties]) {
    if (m === undefined) continue;
    const e = compile(m, root, depth + 1);
    if (e) return e;
  }
  if (s.rotateOnly && s.properties) {
    for (const name of s.rotateOnly) {
      const p = s.properties.get(name);
      if (p === undefined) continue;
      s.properties.set(name, rotateOnlyCopy(p));
    }
  }
  if (s.properties) {
    for (const p of s.properties.values()) {
      const e = compile(p, root, depth + 1);
      if (e) return e;
    }
  }
  // Numeric limits parse as Go parses them (big.ParseFloat, strconv.ParseUint), errors included.
  for (const f of ['multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum'] as const) {
    const t = s[f];
    if (t === undefined) continue;
    const r = parseDecimal(t);
    if (!r.ok) return r.error;
  }
  const limits: CompiledLimits = {};
  for (const f of ['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties'] as const) {
    const t = s[f];
    if (t === undefined) continue;
    const r = parseGoUint(t);
    if (!r.ok) return r.error;
    limits[f] = r.value;
  }
  s.limits = limits;
  if (s.pattern !== undefined && s.pattern !== '') {
    const r = compileRE2(s.pattern);
    if ('error' in r) return r.error;
    s.regexp = r.regexp;
  }
  return '';
}

/** Copies a property schema, flagging it (and, through its own rotateOnly list, its properties) rotate-only. */
function rotateOnlyCopy(p: Schema): Schema {
  if (p.always || p.never) {
    const c = new Schema();
    c.always = p.always;
    c.never = p.never;
    c.isRotateOnly = true;
    return c;
  }
  const c = cloneSchema(p);
  if (p.properties) {
    c.properties = new Map(p.properties);
    c.rotateOnly = [...p.properties.keys()];
  }
  c.isRotateOnly = true;
  return c;
}
