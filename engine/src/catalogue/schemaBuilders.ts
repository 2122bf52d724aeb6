// A small vocabulary for writing catalogue schemas by hand: typed leaves with a description and
// optional constraints, objects whose `required` list keeps the authored order (it is the order of
// the engine's "missing required properties" message), and maps of named entries.

import { NumberText, type PlainValue } from '../util/plain.js';
import { always, typed, type Schema } from '../schema/schema.js';

/** Constraints and annotations a catalogue schema may carry besides its type. */
export interface SchemaExtras {
  readonly default?: PlainValue | number;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minProperties?: number;
  readonly enum?: readonly string[];
  readonly title?: string;
}

/** Builds a string schema. */
export function str(description: string, extras: SchemaExtras = {}): Schema {
  return annotate(typed('string'), description, extras);
}

/** Builds a number schema. */
export function num(description: string, extras: SchemaExtras = {}): Schema {
  return annotate(typed('number'), description, extras);
}

/** Builds a boolean schema. */
export function bool(description: string, extras: SchemaExtras = {}): Schema {
  return annotate(typed('boolean'), description, extras);
}

/** Builds an array schema of `items`. */
export function list(description: string, items: Schema, extras: SchemaExtras = {}): Schema {
  const s = typed('array');
  s.items = items;
  return annotate(s, description, extras);
}

/** Builds an object schema with the given properties; `required` keeps its order. */
export function obj(description: string, properties: Record<string, Schema>, required: readonly string[] = [], extras: SchemaExtras = {}): Schema {
  const s = typed('object');
  s.properties = new Map(Object.entries(properties));
  if (required.length > 0) s.required = [...required];
  return annotate(s, description, extras);
}

/** Builds an object schema whose every property follows `values` (a map of named entries). */
export function mapOf(description: string, values: Schema, extras: SchemaExtras = {}): Schema {
  const s = typed('object');
  s.additionalProperties = values;
  return annotate(s, description, extras);
}

/** Builds an object schema that accepts any properties. */
export function anyObject(description: string, extras: SchemaExtras = {}): Schema {
  return mapOf(description, always(), extras);
}

/** Builds a schema that matches exactly one of `members` (`oneOf`). */
export function oneOf(description: string, members: Schema[], type = ''): Schema {
  const s = typed(type);
  s.oneOf = members;
  return annotate(s, description, {});
}

/** Marks properties of an object schema rotate-only and returns it. */
export function withRotateOnly(s: Schema, names: readonly string[]): Schema {
  s.rotateOnly = [...names];
  return s;
}

function annotate(s: Schema, description: string, x: SchemaExtras): Schema {
  if (description !== '') s.description = description;
  if (x.default !== undefined) s.default = typeof x.default === 'number' ? new NumberText(String(x.default)) : x.default;
  if (x.pattern !== undefined) s.pattern = x.pattern;
  if (x.minLength !== undefined) s.minLength = String(x.minLength);
  if (x.maxLength !== undefined) s.maxLength = String(x.maxLength);
  if (x.minimum !== undefined) s.minimum = String(x.minimum);
  if (x.maximum !== undefined) s.maximum = String(x.maximum);
  if (x.minProperties !== undefined) s.minProperties = String(x.minProperties);
  if (x.enum !== undefined) s.enum = [...x.enum];
  if (x.title !== undefined) s.title = x.title;
  return s;
}
