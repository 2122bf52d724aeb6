// Unit tests of schemas: navigation (property/item/union/merge), compilation errors, JSON round
// trips, and validation messages through fn::validate (the evaluator's validation entry point).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkEnvironment, compileSchema, loadYAML, schemaFromJSON, schemaToJSON, type PlainValue } from '../../engine/src/index';
import { decodeJSON } from '../../engine/src/util/goJsonDecode';
import { encodeJSON } from '../../engine/src/util/goJson';
import { itemSchema, mergedSchema, propertySchema, unionSchemas } from '../../engine/src/schema/navigate';
import { always, arraySchema, mapSchema, never, recordSchema, stringSchema, tupleSchema } from '../../engine/src/schema/schema';

function json(s: Parameters<typeof schemaToJSON>[0]): string {
  const r = encodeJSON(schemaToJSON(s));
  assert.ok(r.ok);
  return r.text;
}

function schema(text: string) {
  const d = decodeJSON(text);
  assert.ok(d.ok);
  const s = schemaFromJSON(d.value as PlainValue);
  assert.ok('schema' in s);
  return s.schema;
}

test('property and item schemas', () => {
  const rec = recordSchema(new Map([['a', stringSchema('x')]]));
  assert.equal(json(propertySchema(rec, 'a')), '{"type":"string","const":"x"}');
  assert.equal(json(propertySchema(rec, 'b')), 'false');
  assert.equal(json(propertySchema(mapSchema(stringSchema()), 'any')), '{"type":"string"}');
  assert.equal(json(propertySchema(always(), 'k')), 'false', 'Always.Property(k) is Never, as in ESC');
  const tup = tupleSchema([stringSchema(), arraySchema(always())]);
  assert.equal(json(itemSchema(tup, 1)), '{"items":true,"type":"array"}');
  assert.equal(json(itemSchema(tup, 2)), 'false');
  assert.equal(json(itemSchema(arraySchema(stringSchema()), 7)), '{"type":"string"}');
  const union = schema('{"oneOf":[{"type":"object","properties":{"a":{"type":"string"}}},{"type":"object","properties":{"a":{"type":"number"}}}]}');
  assert.equal(json(propertySchema(union, 'a')), '{"oneOf":[{"type":"string"},{"type":"number"}],"type":""}');
});

test('unions drop Never and absent members', () => {
  assert.equal(json(unionSchemas([never(), undefined])), 'false');
  assert.equal(json(unionSchemas([never(), stringSchema()])), '{"type":"string"}');
});

test('merged schemas: objects become records of the union; other types are replaced', () => {
  const base = recordSchema(new Map([['a', stringSchema()], ['n', recordSchema(new Map([['x', stringSchema()]]))]]));
  const top = recordSchema(new Map([['b', stringSchema()], ['n', recordSchema(new Map([['y', stringSchema()]]))]]));
  assert.equal(
    json(mergedSchema(base, top)),
    '{"properties":{"a":{"type":"string"},"b":{"type":"string"},"n":{"properties":{"x":{"type":"string"},"y":{"type":"string"}},"type":"object","required":["x","y"]}},"type":"object","required":["a","b","n"]}',
  );
  assert.equal(json(mergedSchema(base, stringSchema())), '{"type":"string"}');
  const open = mapSchema(always());
  assert.equal(json(mergedSchema(open, open)), '{"additionalProperties":true,"type":"object"}');
});

test('a chain of merges gives the same schema computed top first or level by level', () => {
  // Layer i defines k<i>, overrides `shared`, and adds to the nested record `n`.
  const layer = (i: number) =>
    recordSchema(new Map([[`k${i}`, stringSchema()], ['shared', stringSchema(`v${i}`)], ['n', recordSchema(new Map([[`x${i}`, stringSchema()]]))]]));
  const chain = () => {
    const levels = [layer(0)];
    for (let i = 1; i < 30; i++) levels.push(mergedSchema(levels[i - 1], layer(i)));
    return levels;
  };
  const topFirst = chain();
  const levelByLevel = chain();
  for (const l of levelByLevel) json(l);
  assert.equal(json(topFirst[topFirst.length - 1]!), json(levelByLevel[levelByLevel.length - 1]!));
  assert.equal(json(topFirst[10]!), json(levelByLevel[10]!), 'a level below a computed top computes on its own');
  assert.equal(json(propertySchema(topFirst[29], 'shared')), '{"type":"string","const":"v29"}');
});

test('compilation errors', () => {
  assert.equal(compileSchema(schema('{"$ref":"#/definitions/x"}')), 'only fragment references of the form #/$defs/ref are supported');
  assert.equal(compileSchema(schema('{"$ref":"#/$defs/x"}')), 'unknown subschema #/$defs/x');
  assert.equal(compileSchema(schema('{"$defs":{"x":{"type":"string"}},"$ref":"#/$defs/x"}')), '');
  assert.equal(compileSchema(schema('{"minLength":1.5}')), 'strconv.ParseUint: parsing "1.5": invalid syntax');
  assert.match(compileSchema(schema('{"pattern":"(a"}')), /^error parsing regexp: missing closing \)/);
  const recursive = schema('{"$defs":{"n":{"type":"object","properties":{"next":{"$ref":"#/$defs/n"}}}},"$ref":"#/$defs/n"}');
  assert.equal(compileSchema(recursive), '', 'recursive definitions compile');
});

test('schema JSON round trip keeps field order and number texts', () => {
  const text = '{"$defs":{"d":true},"anyOf":[false],"type":"number","const":1.0,"multipleOf":0.5,"maximum":10,"minLength":2,"required":["a"],"description":"x","rotateOnly":["a"]}';
  assert.equal(json(schema(text)), text);
});

/** Validates `value` against `schemaYaml` with fn::validate and returns the messages. */
function validate(schemaYaml: string, valueYaml: string): string[] {
  const doc = `values:\n  v:\n    fn::validate:\n      schema: ${schemaYaml}\n      value: ${valueYaml}\n`;
  const loaded = loadYAML('doc', doc);
  assert.deepEqual(loaded.diagnostics, []);
  // Diagnostics come back sorted by position, then summary.
  return checkEnvironment('doc', loaded.decl, {}).diagnostics.map((d) => d.summary);
}

test('validation messages', () => {
  const cases: [string, string, string[]][] = [
    ['{type: string}', '1', ['expected string, got number']],
    ['{const: [a, 1]}', '[a, 2]', ['expected ["a",1]']],
    ['{enum: [a]}', 'b', ['expected "a"']],
    ['{enum: [a, b]}', 'c', ['expected one of ["a","b"]']],
    ['{type: number, multipleOf: 0.1}', '0.3', []],
    ['{type: number, multipleOf: 0.1}', '0.35', ['expected a multiple of 0.1']],
    ['{type: number, exclusiveMaximum: 1e3}', '1000', ['expected a number less than 1000']], // YAML writes the float 1e3 as 1000],
    ['{type: string, minLength: 2}', 'é', []], // lengths count UTF-8 bytes
    ['{type: string, minLength: 3}', 'a', ['expected a string of at least length 3']],
    ['{type: string, pattern: "^\\\\d+$"}', '"12a"', ['string must match the pattern "^\\\\d+$"']],
    ['{type: array, items: {type: number}}', '[1, x]', ['expected number, got string']],
    ['{type: object, additionalProperties: false}', '{a: 1}', []],
    ['{type: object, dependentRequired: {a: [b, c]}}', '{a: 1, c: 2}', ['missing required properties: b']],
    ['{anyOf: [{type: string}, {type: number}]}', 'true', ['at least one subschema must match', 'expected number, got boolean', 'expected string, got boolean']],
    ['{oneOf: [{type: number}, {minimum: 0}]}', '1', ['exactly one subschema may match']],
    ['{$defs: {s: {type: string}}, $ref: "#/$defs/s"}', '1', ['expected string, got number']],
  ];
  for (const [s, v, expected] of cases) assert.deepEqual(validate(s, v), expected, `${s} ⟵ ${v}`);
});
