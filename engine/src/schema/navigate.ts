// Navigating and combining schemas (§11.3, §11.7): the schema of a property or element, unions,
// and the merge of an imported object's schema with the overriding one.

import { Schema, never, recordSchema, always } from './schema.js';

/** Returns the schema of property `key` of values described by `s` (Always.property(k) is Never). */
export function propertySchema(s: Schema | undefined, key: string): Schema {
  if (s === undefined) return never();
  if (s.refTarget !== undefined) return propertySchema(s.refTarget, key);
  const members: (Schema | undefined)[] = [];
  if (s.anyOf) for (const m of s.anyOf) members.push(propertySchema(m, key));
  if (s.oneOf) for (const m of s.oneOf) members.push(propertySchema(m, key));
  if (s.type === 'object') {
    const p = s.properties?.get(key);
    members.push(p !== undefined ? p : s.additionalProperties);
  } else members.push(never());
  return unionSchemas(members);
}

/** Returns the schema of element `index` of values described by `s`. */
export function itemSchema(s: Schema | undefined, index: number): Schema {
  if (s === undefined) return never();
  if (s.refTarget !== undefined) return itemSchema(s.refTarget, index);
  const members: (Schema | undefined)[] = [];
  if (s.anyOf) for (const m of s.anyOf) members.push(itemSchema(m, index));
  if (s.oneOf) for (const m of s.oneOf) members.push(itemSchema(m, index));
  if (s.type === 'array') {
    const prefix = s.prefixItems ?? [];
    members.push(index >= 0 && index < prefix.length ? prefix[index] : s.items);
  } else members.push(never());
  return unionSchemas(members);
}

/** Unions schemas: absent and Never members drop out; none → Never; one → it; else oneOf. */
export function unionSchemas(members: readonly (Schema | undefined)[]): Schema {
  const kept: Schema[] = [];
  for (const m of members) if (m !== undefined && !m.never) kept.push(m);
  if (kept.length === 0) return never();
  if (kept.length === 1) return kept[0]!;
  const u = new Schema();
  u.oneOf = kept;
  u.isRotateOnly = kept.every((m) => m.isRotateOnly);
  return u;
}

/**
 * Merges the schema of an imported (base) value with the schema of the value overriding it: objects
 * over objects become a record of the union of properties (all required); anything else is `top`.
 * The record's properties are computed on first use: layers of imports merge schemas at every level
 * of every stack, while only the root environment's are ever read in full.
 */
export function mergedSchema(base: Schema | undefined, top: Schema): Schema {
  if (base === undefined || top.type !== 'object' || base.type !== 'object') return top;
  const r = new Schema();
  r.type = 'object';
  if (top.additionalProperties !== undefined) r.additionalProperties = top.additionalProperties;
  if (base.additionalProperties !== undefined) {
    r.additionalProperties = top.additionalProperties === undefined ? base.additionalProperties : always();
  }
  let computed: { properties?: Map<string, Schema>; required?: string[] } | undefined;
  const compute = () => {
    if (computed !== undefined) return computed;
    const props = new Map<string, Schema>(base.properties ?? []);
    if (top.properties) {
      for (const [k, t] of top.properties) {
        const b = base.properties?.get(k);
        props.set(k, b !== undefined ? mergedSchema(b, t) : t);
      }
    }
    const rec = recordSchema(props);
    computed = {};
    if (rec.properties !== undefined) computed.properties = rec.properties;
    if (rec.required !== undefined) computed.required = rec.required;
    return computed;
  };
  Object.defineProperty(r, 'properties', { get: () => compute().properties, set: (v) => overwrite(r, 'properties', v), enumerable: true, configurable: true });
  Object.defineProperty(r, 'required', { get: () => compute().required, set: (v) => overwrite(r, 'required', v), enumerable: true, configurable: true });
  return r;
}

/** Replaces a lazy field with a plain value (schemas are treated as immutable, but stay assignable). */
function overwrite(s: Schema, field: 'properties' | 'required', value: unknown): void {
  Object.defineProperty(s, field, { value, writable: true, enumerable: true, configurable: true });
}
