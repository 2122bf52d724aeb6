// yaml.v3-style YAML output: scalar styles and quoting, block layout with indents 3 and 4, empty
// collections, numbers (ours and the reference's quirk), and decode(encode(x)) = x.

import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { encodeYaml, encodeYamlFlow, encodeYamlScalar } from '../../../engine/src/edit/yamlEncode.js';
import { NumberText, type PlainValue } from '../../../engine/src/util/plain.js';
import { conformanceAbsent, conformanceDir } from '../../util/conformance.js';
import { hasMultilineKey, plainData, snapshot, yamlToPlain } from '../../util/plainData.js';

const n = (t: string) => new NumberText(t);
const m = (...es: Array<[string, PlainValue]>) => new Map(es);

test('scalars: quoted exactly when yaml.v3 quotes them', () => {
  const cases: Array<[string, string]> = [
    ['hello, world', 'hello, world'],
    ['', '""'],
    ['true', '"true"'],
    ['False', '"False"'],
    ['null', '"null"'],
    ['~', '"~"'],
    ['yes', '"yes"'],
    ['on', '"on"'],
    ['N', '"N"'],
    ['1.5', '"1.5"'],
    ['0x1F', '"0x1F"'],
    ['08', '"08"'],
    ['1:20', '"1:20"'],
    ['2001-12-14', '"2001-12-14"'],
    ['.inf', '".inf"'],
    ['1e400', '1e400'],
    ['<<', '<<'],
    [' lead', "' lead'"],
    ['trail ', "'trail '"],
    ['#c', "'#c'"],
    ['a #b', "'a #b'"],
    ['a#b', 'a#b'],
    ['a: b', "'a: b'"],
    ['a:b', 'a:b'],
    ['- x', "'- x'"],
    ['-x', '-x'],
    ['@x', "'@x'"],
    ['---', "'---'"],
    ["it's", "it's"],
    ["'q'", "'''q'''"],
    ['tab\there', '"tab\\there"'],
    ['bell\x07', '"bell\\a"'],
    ['\u0085', '"\\N"'],
    ['\ufeff', '"\\uFEFF"'],
    ['é世', 'é世'],
    ['\u{10000}', '"\\U00010000"'],
    ['multi\nline', '|-\n    multi\n    line'],
    ['end\n', '|\n    end'],
    ['two\n\n', '|+\n    two\n'],
    [' lead\nx', '|4-\n     lead\n    x'],
    ['trail \nx', '"trail \\nx"'],
  ];
  for (const [s, want] of cases) assert.equal(encodeYaml(m(['k', s])), `k: ${want}\n`, JSON.stringify(s));
});

test('layout: yaml.v3 indentation arithmetic, natural key order, empty collections', () => {
  const data = m(
    ['b10', m(['x', [m(['a', m(['b', 'c'])]), [['z']]]])],
    ['b9', []],
    ['a', m()],
    ['lit', ['x\ny']],
  );
  assert.equal(
    encodeYaml(data, { indent: 4 }),
    'a: {}\nb9: []\nb10:\n    x:\n        - a:\n            b: c\n        - - - z\nlit:\n    - |-\n      x\n      y\n',
  );
  assert.equal(
    encodeYaml(data, { indent: 3 }),
    'a: {}\nb9: []\nb10:\n   x:\n      - a:\n         b: c\n      - - - z\nlit:\n   - |-\n     x\n     y\n',
  );
  // Divergence: yaml.v3 writes its indent (4) as the indentation indicator even inside sequence
  // items, whose content it indents by 2, which is invalid YAML; we write the true offset.
  assert.equal(encodeYaml([' lead\nx']), '- |2-\n   lead\n  x\n');
  assert.equal(encodeYaml(m()), '{}\n');
  assert.equal(encodeYaml(['x']), '- x\n');
  assert.equal(encodeYaml('x'), 'x\n');
  assert.equal(encodeYaml(m(['multi\nkey', 'v'], ['k'.repeat(129), 1 === 1])), '? ' + 'k'.repeat(129) + '\n: true\n? |-\n    multi\n    key\n: v\n');
  assert.equal(encodeYaml(m(['multi\nkey', m(['a', 'b'])]), { indent: 2 }), '? |-\n  multi\n  key\n: a: b\n');
});

test('numbers: plain by default, double-quoted strings in the reference\'s mode', () => {
  const data = m(['i', n('42')], ['f', n('-1.5e3')], ['nan', n('NaN')], ['inf', n('+Inf')], ['neg', n('-Inf')]);
  assert.equal(encodeYaml(data), 'f: -1.5e3\ni: 42\ninf: .inf\nnan: .nan\nneg: -.inf\n');
  assert.equal(encodeYaml(data, { numbersAsStrings: true }), 'f: "-1.5e3"\ni: "42"\ninf: +Inf\nnan: NaN\nneg: -Inf\n');
});

test('flow style and requested styles', () => {
  assert.equal(encodeYamlFlow(m(['a', ['b', 'c d', 'x,y', '']], ['e', m()], ['n', null])), '{a: [b, c d, \'x,y\', ""], e: {}, "n": null}');
  assert.equal(encodeYamlFlow('multi\nline'), '"multi\\nline"');
  assert.equal(encodeYamlScalar('1.5', 'single', false), "'1.5'");
  assert.equal(encodeYamlScalar("it's", 'single', false), "'it''s'");
  assert.equal(encodeYamlScalar('tab\t', 'single', false), '"tab\\t"');
  assert.equal(encodeYamlScalar('', 'plain', true), "''");
  assert.equal(encodeYamlScalar('a\nb', 'literal', false, 2), '|-\n  a\n  b');
  assert.equal(encodeYamlScalar('a\nb', 'literal', true), '"a\\nb"');
});

test('property: the engine\'s YAML decoder reads the output back', () => {
  fc.assert(
    fc.property(plainData().filter((v) => !hasMultilineKey(v)), fc.constantFrom(2, 3, 4), (v, indent) => {
      const text = encodeYaml(v, { indent });
      assert.deepEqual(snapshot(yamlToPlain(text)!, true), snapshot(v, true), text);
      const flow = encodeYamlFlow(v);
      assert.ok(!flow.includes('\n'));
      assert.deepEqual(snapshot(yamlToPlain(flow)!, true), snapshot(v, true), flow);
    }),
    { numRuns: 400, seed: 37 },
  );
});

const corpus = conformanceDir();

test('golden: esc-yaml encoded.yaml (exact where yaml.v3 emitted plain data, else same data)', (t) => {
  if (!corpus) return t.skip(conformanceAbsent);
  const dir = join(corpus, 'esc-yaml', 'yaml');
  for (const name of readdirSync(dir)) {
    if (!existsSync(join(dir, name, 'encoded.yaml')) || name === 'alias' || name === 'tags') continue;
    const data = yamlToPlain(readFileSync(join(dir, name, 'doc.yaml'), 'utf8'))!;
    const ours = encodeYaml(data, { indent: 2, keepKeyOrder: true });
    const theirs = readFileSync(join(dir, name, 'encoded.yaml'), 'utf8');
    // The reference re-emits nodes with their comments and styles; for these cases that is just plain data.
    if (['bigint', 'top-level-array', 'unicode'].includes(name)) assert.equal(ours, theirs, name);
    assert.deepEqual(snapshot(yamlToPlain(ours)!), snapshot(yamlToPlain(theirs)!), name);
  }
});

test('golden: yaml-edit expected.yaml files, re-encoded in document order with indent 4, exactly', (t) => {
  if (!corpus) return t.skip(conformanceAbsent);
  const dir = join(corpus, 'esc-yaml', 'yaml-edit');
  for (const name of readdirSync(dir)) {
    const expected = readFileSync(join(dir, name, 'expected.yaml'), 'utf8');
    assert.equal(encodeYaml(yamlToPlain(expected)!, { indent: 4, keepKeyOrder: true }), expected, name);
  }
});
