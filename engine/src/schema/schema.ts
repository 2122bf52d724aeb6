// The schema type: the JSON-Schema subset ESC uses to type values (ESC's schema package), with two
// distinguished states, Always (`true`) and Never (`false`).

import type { PlainValue } from '../util/plain.js';
import { sortedKeys } from '../util/order.js';

/**
 * A schema. Construct with the builders below or `schemaFromJSON`; treat as immutable once shared.
 * Optional fields are declared, not defined: an instance carries only the fields it sets, which keeps
 * the many small literal schemas of an evaluation small.
 */
export class Schema {
  /** `true` in JSON: accepts everything. */
  always = false;
  /** `false` in JSON: accepts nothing. */
  never = false;

  declare defs?: Map<string, Schema>;
  declare ref?: string;
  declare anyOf?: Schema[];
  declare oneOf?: Schema[];
  declare prefixItems?: Schema[];
  declare items?: Schema;
  declare additionalProperties?: Schema;
  /** Named properties (an accessor, so that merged records can compute it on first use). */
  get properties(): Map<string, Schema> | undefined {
    return this.propertiesValue;
  }
  set properties(p: Map<string, Schema> | undefined) {
    this.propertiesValue = p;
  }
  declare private propertiesValue?: Map<string, Schema>;
  /** Always serialised, even when empty. */
  type = '';
  /** Absent when undefined; a JSON null const is indistinguishable from absent, as in ESC. */
  declare const?: PlainValue;
  declare enum?: PlainValue[];
  declare multipleOf?: string;
  declare maximum?: string;
  declare exclusiveMaximum?: string;
  declare minimum?: string;
  declare exclusiveMinimum?: string;
  declare maxLength?: string;
  declare minLength?: string;
  declare pattern?: string;
  declare maxItems?: string;
  declare minItems?: string;
  declare uniqueItems?: boolean;
  declare maxProperties?: string;
  declare minProperties?: string;
  /** Required property names (an accessor, like `properties`). */
  get required(): string[] | undefined {
    return this.requiredValue;
  }
  set required(r: string[] | undefined) {
    this.requiredValue = r;
  }
  declare private requiredValue?: string[];
  declare dependentRequired?: Map<string, string[]>;
  declare title?: string;
  declare description?: string;
  declare default?: PlainValue;
  declare deprecated?: boolean;
  declare examples?: PlainValue[];
  declare secret?: boolean;
  declare rotateOnly?: string[];

  // Internal, never serialised: set by `compileSchema`.
  /** Set when compiled from a `rotateOnly` list of the parent object schema. */
  isRotateOnly = false;
  /** The compiled `$ref` target. */
  declare refTarget?: Schema;
  /** The compiled `pattern`. */
  declare regexp?: RegExp;
  /** Non-null once compiled (empty string = success, else the compile error). */
  declare compileError?: string;
  /** Parsed numeric limits, by field name. */
  declare limits?: CompiledLimits;
}

/** Numeric limits parsed at compile time. Decimal numbers stay text (exact comparison); counts are bigints. */
export interface CompiledLimits {
  maxLength?: bigint;
  minLength?: bigint;
  maxItems?: bigint;
  minItems?: bigint;
  maxProperties?: bigint;
  minProperties?: bigint;
}

const ALWAYS = Object.freeze(Object.assign(new Schema(), { always: true, compileError: '' })) as Schema;
const NEVER = Object.freeze(Object.assign(new Schema(), { never: true, compileError: '' })) as Schema;

/** Returns the schema that accepts everything (`true`). */
export function always(): Schema {
  return ALWAYS;
}

/** Returns the schema that accepts nothing (`false`). */
export function never(): Schema {
  return NEVER;
}

/** Reports whether `s` is absent or Always. */
export function isAlways(s: Schema | undefined): boolean {
  return s === undefined || s.always;
}

/** Builds `{"type":"null"}`. */
export function nullSchema(): Schema {
  return typed('null');
}

/** Builds `{"type":"boolean"}`, optionally with a const. */
export function booleanSchema(c?: boolean): Schema {
  const s = typed('boolean');
  if (c !== undefined) s.const = c;
  return s;
}

/** Builds `{"type":"number"}`, optionally with a const (number text wrapped by the caller). */
export function numberSchema(c?: PlainValue): Schema {
  const s = typed('number');
  if (c !== undefined) s.const = c;
  return s;
}

/** Builds `{"type":"string"}`, optionally with a const. */
export function stringSchema(c?: string): Schema {
  const s = typed('string');
  if (c !== undefined) s.const = c;
  return s;
}

/** Builds `{"items":S,"type":"array"}`. */
export function arraySchema(items: Schema): Schema {
  const s = typed('array');
  s.items = items;
  return s;
}

/** Builds `{"prefixItems":[...],"items":false,"type":"array"}`. */
export function tupleSchema(elements: Schema[]): Schema {
  const s = typed('array');
  if (elements.length > 0) s.prefixItems = elements;
  s.items = NEVER;
  return s;
}

/** Builds `{"additionalProperties":S,"type":"object"}`. */
export function mapSchema(additionalProperties: Schema): Schema {
  const s = typed('object');
  s.additionalProperties = additionalProperties;
  return s;
}

/** Builds `{"properties":m,"type":"object","required":sorted keys}` (empty map: `{"type":"object"}`). */
export function recordSchema(properties: Map<string, Schema>): Schema {
  const s = typed('object');
  if (properties.size > 0) {
    s.properties = properties;
    s.required = sortedKeys(properties);
  }
  return s;
}

/** Builds `{"oneOf":[...],"type":""}`. */
export function oneOfSchema(members: Schema[]): Schema {
  const s = new Schema();
  s.oneOf = members;
  return s;
}

/** Builds `{"anyOf":[...],"type":""}`. */
export function anyOfSchema(members: Schema[]): Schema {
  const s = new Schema();
  s.anyOf = members;
  return s;
}

/** Builds `{"$ref":ref,"type":""}`. */
export function refSchema(ref: string): Schema {
  const s = new Schema();
  s.ref = ref;
  return s;
}

/** Builds a schema with only a type. */
export function typed(type: string): Schema {
  const s = new Schema();
  s.type = type;
  return s;
}

/** Returns a shallow copy of a schema (internal compile state is not copied). */
export function cloneSchema(s: Schema): Schema {
  const c = Object.assign(new Schema(), s);
  // Fields a subclass computes (merged records) live on its prototype; copy them explicitly.
  if (s.properties !== undefined) c.properties = s.properties;
  if (s.required !== undefined) c.required = s.required;
  c.isRotateOnly = false;
  delete c.refTarget;
  delete c.regexp;
  delete c.compileError;
  delete c.limits;
  return c;
}
