// Go encoding/json compatibility: encoding (escapes, key order, layout, number literals), decoding
// with json.Decoder + UseNumber (first value only, Go's error texts), round trips, and the strings
// of the reference's golden files.

import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { encodeJSON, goJsonString } from '../../../engine/src/util/goJson.js';
import { decodeJSON } from '../../../engine/src/util/goJsonDecode.js';
import { NumberText, type JsonData, type PlainValue } from '../../../engine/src/util/plain.js';
import { conformanceAbsent, conformanceDir } from '../../util/conformance.js';
import { plainData, snapshot } from '../../util/plainData.js';

const n = (t: string) => new NumberText(t);
const m = (...es: Array<[string, PlainValue]>) => new Map(es);

test('encodeJSON: compact output', () => {
  const cases: Array<[JsonData, string]> = [
    [null, 'null'],
    [true, 'true'],
    [n('1.0'), '1.0'],
    [n(''), '0'],
    ['<a & b>', '"\\u003ca \\u0026 b\\u003e"'],
    ['"\\\b\f\n\r\t\x01\x1f\x7f', '"\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\x7f"'],
    ['\u2028\u2029é世😀', '"\\u2028\\u2029é世😀"'],
    ['lone \ud800 surrogate', '"lone \\ufffd surrogate"'],
    [m(['b', 1 === 1], ['a', null], ['\u{10000}', 1 === 1], ['\uffff', 1 === 1]), '{"a":null,"b":true,"\uffff":true,"\u{10000}":true}'],
    [{ z: n('1'), skipped: undefined, a: [m(), []] }, '{"z":1,"a":[{},[]]}'],
  ];
  for (const [data, want] of cases) assert.deepEqual(encodeJSON(data), { ok: true, text: want }, String(want));
});

test('encodeJSON: indented output and failures', () => {
  const data = m(['a', [n('1'), m()]], ['b', m(['c', []])]);
  assert.equal((encodeJSON(data, { indent: '    ' }) as { text: string }).text, '{\n    "a": [\n        1,\n        {}\n    ],\n    "b": {\n        "c": []\n    }\n}');
  assert.equal((encodeJSON([n('1')], { indent: '  ', trailingNewline: true }) as { text: string }).text, '[\n  1\n]\n');
  for (const bad of ['+Inf', 'NaN', '-Inf', '0x1F', '1.', '.5', '01', '1e', '+1']) {
    assert.deepEqual(encodeJSON(m(['x', [n(bad)]])), { ok: false, error: `json: invalid number literal "${bad}"` });
  }
});

test('decodeJSON: values, numbers kept as text, first value only', () => {
  const cases: Array<[string, PlainValue]> = [
    ['  42  ', n('42')],
    ['-0.10e+5', n('-0.10e+5')],
    ['123abc', n('123')],
    ['01', n('0')],
    ['true x', true],
    ['{"x":1}garbage', m(['x', n('1')])],
    ['{"a":1,"a":2}', m(['a', n('2')])],
    ['[1.0, "\\u00e9\\ud83d\\ude00\\ud800x", null, {}]', [n('1.0'), 'é😀\ufffdx', null, m()]],
    ['"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\/\b\f\n\r\t'],
  ];
  for (const [text, want] of cases) {
    const r = decodeJSON(text);
    assert.ok(r.ok, `${text}: ${!r.ok && r.error}`);
    assert.deepEqual(snapshot(r.value), snapshot(want), text);
  }
});

test('decodeJSON: Go error texts', () => {
  const cases: Array<[string, string]> = [
    ['', 'EOF'],
    [' \n\t', 'EOF'],
    ['{', 'unexpected EOF'],
    ['[1,2', 'unexpected EOF'],
    ['tru', 'unexpected EOF'],
    ['1.', 'unexpected EOF'],
    ['"abc', 'unexpected EOF'],
    ['x', "invalid character 'x' looking for beginning of value"],
    ['é', "invalid character 'Ã' looking for beginning of value"],
    ["'", "invalid character '\\'' looking for beginning of value"],
    ['-a', "invalid character 'a' in numeric literal"],
    ['1.x', "invalid character 'x' after decimal point in numeric literal"],
    ['1ex', "invalid character 'x' in exponent of numeric literal"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b"}', 'invalid character \'"\' after object key:value pair'],
    ['[1 2]', "invalid character '2' after array element"],
    ['{1:2}', "invalid character '1' looking for beginning of object key string"],
    ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
    ['[1,]', "invalid character ']' looking for beginning of value"],
    ['"a\x01"', "invalid character '\\x01' in string literal"],
    ['"\\x"', "invalid character 'x' in string escape code"],
    ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape"],
    ['nulx', "invalid character 'x' in literal null (expecting 'l')"],
    ['fals', 'unexpected EOF'],
    ['tx', "invalid character 'x' in literal true (expecting 'r')"],
    ['['.repeat(10001), "invalid character '[' exceeded max depth"],
  ];
  for (const [text, want] of cases) assert.deepEqual(decodeJSON(text), { ok: false, error: want }, JSON.stringify(text));
  // 10000 levels are allowed (and decoding them uses no recursion).
  assert.equal(decodeJSON('['.repeat(10000) + ']'.repeat(10000)).ok, true);
});

test('property: encode then decode gives the data back; output is valid JSON', () => {
  fc.assert(
    fc.property(plainData(), fc.boolean(), (v, indented) => {
      const enc = encodeJSON(v, indented ? { indent: '    ' } : {});
      assert.ok(enc.ok);
      JSON.parse(enc.text);
      const dec = decodeJSON(enc.text);
      assert.ok(dec.ok);
      assert.deepEqual(snapshot(dec.value), snapshot(v));
    }),
    { numRuns: 300, seed: 7 },
  );
});

test('property: goJsonString is a JSON string literal of the same text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      assert.equal(JSON.parse(goJsonString(s)), s);
      assert.ok(!/[<>&\u2028\u2029]/.test(goJsonString(s)));
    }),
    { numRuns: 500, seed: 7 },
  );
});

const corpus = conformanceDir();

test('golden: every string literal of the esc-eval expected.json files re-encodes identically', (t) => {
  if (!corpus) return t.skip(conformanceAbsent);
  const dir = join(corpus, 'esc-eval');
  let count = 0;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name, 'expected.json');
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    for (const lit of text.match(/"(?:[^"\\]|\\.)*"/g) ?? []) {
      assert.equal(goJsonString(JSON.parse(lit) as string), lit, `${name}: ${lit}`);
      count++;
    }
    const dec = decodeJSON(text);
    assert.ok(dec.ok, name);
    const again = encodeJSON(dec.value, { indent: '    ' });
    assert.ok(again.ok);
    assert.deepEqual(JSON.parse(again.text), JSON.parse(text), name);
  }
  assert.ok(count > 1000);
});

test('golden: omnibus fn::toJSON and fn::fromJSON', (t) => {
  if (!corpus) return t.skip(conformanceAbsent);
  const dec = decodeJSON(readFileSync(join(corpus, 'esc-eval', 'omnibus', 'expected.json'), 'utf8'));
  assert.ok(dec.ok);
  const revealed = (dec.value as Map<string, PlainValue>).get('evalJSONRevealed') as Map<string, PlainValue>;
  const toJSON = revealed.get('toJSON') as string;
  assert.deepEqual(encodeJSON(revealed.get('open')!), { ok: true, text: toJSON });
  const back = decodeJSON(toJSON);
  assert.ok(back.ok);
  assert.deepEqual(snapshot(back.value), snapshot(revealed.get('fromJSON')!));
});
