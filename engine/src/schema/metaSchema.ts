// The schema of JSON schemas (§11.2, ESC's JSONSchemaSchema), used to check `fn::validate` schemas.

import { Schema, arraySchema, booleanSchema, mapSchema, numberSchema, refSchema, stringSchema, typed } from './schema.js';

const SCHEMA_REF = '#/$defs/schema';

/** Returns a fresh schema describing JSON schemas (booleans or objects of the supported keywords). */
export function jsonSchemaSchema(): Schema {
  const ref = () => refSchema(SCHEMA_REF);
  const anyValue = () => new Schema(); // `{}`: no constraint (type "")
  const props = new Map<string, Schema>([
    ['$defs', mapSchema(ref())],
    ['$ref', stringSchema()],
    ['anyOf', arraySchema(ref())],
    ['oneOf', arraySchema(ref())],
    ['prefixItems', arraySchema(ref())],
    ['items', ref()],
    ['additionalProperties', ref()],
    ['properties', mapSchema(ref())],
    ['type', enumOfStrings(['string', 'number', 'boolean', 'array', 'object', 'null'])],
    ['const', anyValue()],
    ['enum', typed('array')],
    ['multipleOf', numberSchema()],
    ['maximum', numberSchema()],
    ['exclusiveMaximum', numberSchema()],
    ['minimum', numberSchema()],
    ['exclusiveMinimum', numberSchema()],
    ['maxLength', numberSchema()],
    ['minLength', numberSchema()],
    ['pattern', stringSchema()],
    ['maxItems', numberSchema()],
    ['minItems', numberSchema()],
    ['uniqueItems', booleanSchema()],
    ['maxProperties', numberSchema()],
    ['minProperties', numberSchema()],
    ['required', arraySchema(stringSchema())],
    ['dependentRequired', mapSchema(arraySchema(stringSchema()))],
    ['title', stringSchema()],
    ['description', stringSchema()],
    ['default', anyValue()],
    ['deprecated', booleanSchema()],
    ['examples', typed('array')],
  ]);
  const object = typed('object');
  object.properties = props;
  const def = new Schema();
  def.anyOf = [booleanSchema(), object];
  const root = refSchema(SCHEMA_REF);
  root.defs = new Map([['schema', def]]);
  return root;
}

function enumOfStrings(values: string[]): Schema {
  const s = stringSchema();
  s.enum = values;
  return s;
}
