import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { formatGoFloat } from '../../../engine/src/syntax/goNumbers.js';
import { joinIndex, joinKey } from '../../../engine/src/syntax/joinKey.js';
import { resolveScalar, type ResolvedScalar } from '../../../engine/src/syntax/scalars.js';

const num = (value: string): ResolvedScalar => ({ kind: 'number', value });
const str = (value: string): ResolvedScalar => ({ kind: 'string', value });
const NULL: ResolvedScalar = { kind: 'null' };
const bool = (value: boolean): ResolvedScalar => ({ kind: 'boolean', value });

test('plain scalars resolve as yaml.v3 does', () => {
  const cases: [string, ResolvedScalar][] = [
    ['', NULL], ['~', NULL], ['null', NULL], ['Null', NULL], ['NULL', NULL], ['nULL', str('nULL')],
    ['true', bool(true)], ['True', bool(true)], ['TRUE', bool(true)], ['false', bool(false)], ['FALSE', bool(false)],
    ['yes', str('yes')], ['no', str('no')], ['on', str('on')], ['off', str('off')], ['y', str('y')], ['n', str('n')],
    ['.nan', num('NaN')], ['.NaN', num('NaN')], ['.inf', num('+Inf')], ['+.Inf', num('+Inf')], ['-.INF', num('-Inf')], ['.Nan', str('.Nan')],
    ['42', num('42')], ['+5', num('5')], ['-0', num('0')], ['0x1F', num('31')], ['0X1f', num('31')], ['0o17', num('15')],
    ['017', num('15')], ['0b101', num('5')], ['-0b101', num('-5')], ['1_000', num('1000')], ['08', num('8')], ['09.5', num('9.5')],
    ['9223372036854775807', num('9223372036854775807')], ['-9223372036854775808', num('-9223372036854775808')],
    ['18446744073709551615', num('18446744073709551615')], ['18446744073709551616', num('1.8446744073709552e+19')],
    ['-18446744073709551615', num('-1.8446744073709552e+19')],
    ['3.14', num('3.14')], ['1.0', num('1')], ['1.50', num('1.5')], ['1e3', num('1000')], ['1.', num('1')], ['.5', num('0.5')],
    ['+.5', num('0.5')], ['.5_0', num('0.5')], ['1e400', str('1e400')], ['.5e999', str('.5e999')], ['0x', str('0x')], ['0o', str('0o')],
    ['1_', num('1')], ['2001-12-14', str('2001-12-14')], ['2001-12-14T21:59:43Z', str('2001-12-14T21:59:43Z')],
    ['1.2.3', str('1.2.3')], ['12:30', str('12:30')], ['-', str('-')], ['<<', str('<<')], ['hello', str('hello')], ['0xZZ', str('0xZZ')],
  ];
  for (const [text, want] of cases) assert.deepEqual(resolveScalar(text, true, undefined), want, text);
});

test('quoted and block scalars are strings unless a standard tag says otherwise', () => {
  assert.deepEqual(resolveScalar('42', false, undefined), str('42'));
  assert.deepEqual(resolveScalar('true', false, undefined), str('true'));
  assert.deepEqual(resolveScalar('42', false, '!!int'), num('42'));
});

test('explicit tags: !!str and !!binary keep the raw text, unknown tags make strings, mismatches fail', () => {
  const cases: [string, string, ResolvedScalar][] = [
    ['42', '!!str', str('42')],
    ['aGVsbG8=', '!!binary', str('aGVsbG8=')],
    ['42', '!tag', str('42')],
    ['null', '!custom', str('null')],
    ['42', '!!int', num('42')],
    ['0x10', '!!float', num('16')],
    ['2.5', '!!float', num('2.5')],
    ['true', '!!bool', bool(true)],
    ['~', '!!null', NULL],
    ['2001-12-14', '!!timestamp', str('2001-12-14')],
    ['abc', '!!int', { kind: 'error', message: 'yaml: cannot decode !!str `abc` as a !!int' }],
    ['3.5', '!!int', { kind: 'error', message: 'yaml: cannot decode !!float `3.5` as a !!int' }],
    ['yes', '!!bool', { kind: 'error', message: 'yaml: cannot decode !!str `yes` as a !!bool' }],
    ['18446744073709551615', '!!float', { kind: 'error', message: 'yaml: cannot decode !!int `18446744073709551615` as a !!float' }],
    ['2001-13-14', '!!timestamp', { kind: 'error', message: 'yaml: cannot decode !!str `2001-13-14` as a !!timestamp' }],
    ['2001-12-14', '!!int', { kind: 'error', message: 'yaml: cannot decode !!str `2001-12-14` as a !!int' }],
  ];
  for (const [text, tag, want] of cases) assert.deepEqual(resolveScalar(text, true, tag), want, `${tag} ${text}`);
});

test('floats format as Go strconv.FormatFloat(f, g, -1, 64)', () => {
  const cases: [number, string][] = [
    [1, '1'], [1.5, '1.5'], [3.14, '3.14'], [1000, '1000'], [100000, '100000'], [123456, '123456'], [1e6, '1e+06'],
    [1234567, '1.234567e+06'], [0.0001, '0.0001'], [0.00001, '1e-05'], [1e21, '1e+21'], [-0, '-0'], [0, '0'],
    [18446744073709551616, '1.8446744073709552e+19'], [NaN, 'NaN'], [Infinity, '+Inf'], [-Infinity, '-Inf'],
    [1e100, '1e+100'], [5e-324, '5e-324'], [-2.5e-7, '-2.5e-07'], [123.456, '123.456'], [0.1 + 0.2, '0.30000000000000004'],
  ];
  for (const [f, want] of cases) assert.equal(formatGoFloat(f), want, String(f));
});

test('JoinKey escapes keys with non-word characters or a leading digit; empty keys vanish', () => {
  const cases: [string, string, string][] = [
    ['', 'values', 'values'],
    ['values', 'foo', 'values.foo'],
    ['values', 'fn::secret', 'values["fn::secret"]'],
    ['values.a', 'quoted "property"', 'values.a["quoted \\"property\\""]'],
    ['values', '1abc', 'values["1abc"]'],
    ['values', 'a1_B', 'values.a1_B'],
    ['values', '', 'values'],
    ['', 'a-b', '["a-b"]'],
    ['values', 'é', 'values["é"]'],
  ];
  for (const [root, key, want] of cases) assert.equal(joinKey(root, key), want, `${root} + ${key}`);
  assert.equal(joinIndex('imports', 0), 'imports[0]');
});
