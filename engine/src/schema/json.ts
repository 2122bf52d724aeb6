// Schema ⇄ JSON, with ESC's field order and omission rules (§11.1).

import { NumberText, type JsonData, type PlainValue } from '../util/plain.js';
import { sortedKeys } from '../util/order.js';
import { Schema, always, never } from './schema.js';

/** Converts a schema to JSON data (struct field order of ESC's schema.Schema). */
export function schemaToJSON(s: Schema | undefined): JsonData {
  if (s === undefined || s.always) return true;
  if (s.never) return false;
  const o: Record<string, JsonData | undefined> = {};
  if (s.defs && s.defs.size > 0) o['$defs'] = schemaMapToJSON(s.defs);
  if (s.ref) o['$ref'] = s.ref;
  if (s.anyOf && s.anyOf.length > 0) o['anyOf'] = s.anyOf.map(schemaToJSON);
  if (s.oneOf && s.oneOf.length > 0) o['oneOf'] = s.oneOf.map(schemaToJSON);
  if (s.prefixItems && s.prefixItems.length > 0) o['prefixItems'] = s.prefixItems.map(schemaToJSON);
  if (s.items !== undefined) o['items'] = schemaToJSON(s.items);
  if (s.additionalProperties !== undefined) o['additionalProperties'] = schemaToJSON(s.additionalProperties);
  if (s.properties && s.properties.size > 0) o['properties'] = schemaMapToJSON(s.properties);
  o['type'] = s.type;
  if (s.const !== undefined && s.const !== null) o['const'] = s.const;
  if (s.enum && s.enum.length > 0) o['enum'] = s.enum;
  for (const f of NUMBER_FIELDS) {
    const t = s[f];
    if (t) o[f] = new NumberText(t);
  }
  if (s.pattern) o['pattern'] = s.pattern;
  if (s.maxItems) o['maxItems'] = new NumberText(s.maxItems);
  if (s.minItems) o['minItems'] = new NumberText(s.minItems);
  if (s.uniqueItems) o['uniqueItems'] = true;
  if (s.maxProperties) o['maxProperties'] = new NumberText(s.maxProperties);
  if (s.minProperties) o['minProperties'] = new NumberText(s.minProperties);
  if (s.required && s.required.length > 0) o['required'] = s.required;
  if (s.dependentRequired && s.dependentRequired.size > 0) o['dependentRequired'] = s.dependentRequired;
  if (s.title) o['title'] = s.title;
  if (s.description) o['description'] = s.description;
  if (s.default !== undefined && s.default !== null) o['default'] = s.default;
  if (s.deprecated) o['deprecated'] = true;
  if (s.examples && s.examples.length > 0) o['examples'] = s.examples;
  if (s.secret) o['secret'] = true;
  if (s.rotateOnly && s.rotateOnly.length > 0) o['rotateOnly'] = s.rotateOnly;
  return o;
}

const NUMBER_FIELDS = ['multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength'] as const;

function schemaMapToJSON(m: Map<string, Schema>): Map<string, JsonData> {
  const out = new Map<string, JsonData>();
  for (const k of sortedKeys(m)) out.set(k, schemaToJSON(m.get(k)));
  return out;
}

/**
 * Converts plain JSON data to a schema. `true`/`false` become Always/Never; unknown fields are ignored;
 * fields of the wrong JSON type are reported as an error string (ESC: "failed to parse schema").
 */
export function schemaFromJSON(v: PlainValue): { schema: Schema } | { error: string } {
  try {
    return { schema: parse(v, '') };
  } catch (e) {
    if (e instanceof SchemaShapeError) return { error: e.message };
    throw e;
  }
}

class SchemaShapeError extends Error {}

function parse(v: PlainValue, where: string): Schema {
  if (v === true) return always();
  if (v === false) return never();
  if (!(v instanceof Map)) throw new SchemaShapeError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type schema.Schema${where}`);
  const s = new Schema();
  for (const [k, f] of v) {
    switch (k) {
      case '$defs':
        s.defs = parseMap(f, k);
        break;
      case '$ref':
        s.ref = str(f, k);
        break;
      case 'anyOf':
        s.anyOf = parseList(f, k);
        break;
      case 'oneOf':
        s.oneOf = parseList(f, k);
        break;
      case 'prefixItems':
        s.prefixItems = parseList(f, k);
        break;
      case 'items':
        s.items = parse(f, fieldSuffix(k));
        break;
      case 'additionalProperties':
        s.additionalProperties = parse(f, fieldSuffix(k));
        break;
      case 'properties':
        s.properties = parseMap(f, k);
        break;
      case 'type':
        s.type = str(f, k);
        break;
      case 'const':
        s.const = f;
        break;
      case 'enum':
        s.enum = list(f, k);
        break;
      case 'multipleOf':
      case 'maximum':
      case 'exclusiveMaximum':
      case 'minimum':
      case 'exclusiveMinimum':
      case 'maxLength':
      case 'minLength':
      case 'maxItems':
      case 'minItems':
      case 'maxProperties':
      case 'minProperties':
        s[k] = num(f, k);
        break;
      case 'pattern':
        s.pattern = str(f, k);
        break;
      case 'uniqueItems':
        s.uniqueItems = bool(f, k);
        break;
      case 'required':
        s.required = list(f, k).map((x) => str(x, k));
        break;
      case 'dependentRequired': {
        if (f === null) break;
        if (!(f instanceof Map)) throw shapeError(f, k, 'map[string][]string');
        const m = new Map<string, string[]>();
        for (const [dk, dv] of f) m.set(dk, list(dv, k).map((x) => str(x, k)));
        s.dependentRequired = m;
        break;
      }
      case 'title':
        s.title = str(f, k);
        break;
      case 'description':
        s.description = str(f, k);
        break;
      case 'default':
        s.default = f;
        break;
      case 'deprecated':
        s.deprecated = bool(f, k);
        break;
      case 'examples':
        s.examples = list(f, k);
        break;
      case 'secret':
        s.secret = bool(f, k);
        break;
      case 'rotateOnly':
        s.rotateOnly = list(f, k).map((x) => str(x, k));
        break;
      default:
        break;
    }
  }
  return s;
}

function parseMap(v: PlainValue, field: string): Map<string, Schema> | undefined {
  if (v === null) return undefined;
  if (!(v instanceof Map)) throw shapeError(v, field, 'map[string]*schema.Schema');
  const m = new Map<string, Schema>();
  for (const [k, s] of v) m.set(k, parse(s, fieldSuffix(field)));
  return m;
}

function parseList(v: PlainValue, field: string): Schema[] | undefined {
  if (v === null) return undefined;
  return list(v, field).map((s) => parse(s, fieldSuffix(field)));
}

function list(v: PlainValue, field: string): PlainValue[] {
  if (v === null) return [];
  if (!Array.isArray(v)) throw shapeError(v, field, '[]');
  return v;
}

function str(v: PlainValue, field: string): string {
  if (v === null) return '';
  if (typeof v !== 'string') throw shapeError(v, field, 'string');
  return v;
}

function bool(v: PlainValue, field: string): boolean {
  if (v === null) return false;
  if (typeof v !== 'boolean') throw shapeError(v, field, 'bool');
  return v;
}

function num(v: PlainValue, field: string): string | undefined {
  if (v === null) return undefined;
  if (!(v instanceof NumberText)) throw shapeError(v, field, 'json.Number');
  return v.text;
}

function fieldSuffix(field: string): string {
  return ` (field ${field})`;
}

function shapeError(v: PlainValue, field: string, goType: string): SchemaShapeError {
  return new SchemaShapeError(`json: cannot unmarshal ${jsonKind(v)} into Go struct field Schema.${field} of type ${goType}`);
}

function jsonKind(v: PlainValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (v instanceof NumberText) return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}
