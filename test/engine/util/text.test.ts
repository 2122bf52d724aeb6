// Go strconv.Quote, "did you mean" suggestions, yaml.v3's natural key order, strconv integers and
// Pulumi property paths.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { goQuote, goQuoteRune } from '../../../engine/src/util/goQuote.js';
import { parseGoInt, parseGoUint } from '../../../engine/src/util/goStrconv.js';
import { compareNatural, naturalLess } from '../../../engine/src/util/naturalOrder.js';
import { formatPropertyPath, parsePropertyPath, type PropertyPathElement } from '../../../engine/src/util/propertyPath.js';
import { closestKey, didYouMean, foldName, levenshtein, sortByFieldDistance } from '../../../engine/src/util/suggest.js';

test('goQuote: Go\'s strconv quote tests and more', () => {
  const cases: Array<[string, string]> = [
    // From Go's strconv/quote_test.go (quotetests; invalid UTF-8 cannot occur in JS strings).
    ['\x07\b\f\r\n\t\v', '"\\a\\b\\f\\r\\n\\t\\v"'],
    ['\\', '"\\\\"'],
    ['\u263a', '"☺"'],
    ['\u{10ffff}', '"\\U0010ffff"'],
    ['\x04', '"\\x04"'],
    ['!\u00a0!\u2000!\u3000!', '"!\\u00a0!\\u2000!\\u3000!"'],
    ['\x7f', '"\\x7f"'],
    // ESC-relevant: quotes, non-ASCII letters kept, format characters and lone surrogates escaped.
    ['say "hi"', '"say \\"hi\\""'],
    ['é世😀', '"é世😀"'],
    ['\u00ad\u200b\ufeff', '"\\u00ad\\u200b\\ufeff"'],
    ['\u{e0001}', '"\\U000e0001"'],
    ['a\ud800b', '"a\\ufffdb"'],
  ];
  for (const [s, want] of cases) assert.equal(goQuote(s), want, JSON.stringify(s));
  assert.equal(goQuoteRune(0x27), "'\\''");
  assert.equal(goQuoteRune(0x22), `'"'`);
  assert.equal(goQuoteRune(0xc3), "'Ã'");
});

/** Go's strconv.Unquote for the escapes Quote produces (test oracle). */
function unquote(q: string): string {
  return q.slice(1, -1).replace(/\\(x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8}|.)/g, (_, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ({ a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' } as Record<string, string>)[e] ?? e;
  });
}

test('property: goQuote round-trips through Go unquoting and keeps printable ASCII', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      assert.equal(unquote(goQuote(s)), s);
    }),
    { numRuns: 500, seed: 11 },
  );
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...' !#$%&()*+,-./09:;<=>?@AZ[]^_`az{|}~') }), (s) => {
      assert.equal(goQuote(s), `"${s}"`);
    }),
    { numRuns: 200, seed: 11 },
  );
});

test('suggestions: ESC golden messages and the nearest-first field list', () => {
  assert.equal(didYouMean('bar', ['baz']), '; did you mean "baz"?');
  assert.equal(didYouMean('bar', ['foo']), '');
  assert.equal(didYouMean('Some_Key', ['somekey', 'other']), '; did you mean "somekey"?');
  // Ties go to the first candidate in code point order, whatever the input order.
  assert.equal(closestKey('abc', ['abd', 'abe']), 'abd');
  assert.equal(closestKey('abc', ['abe', 'abd']), 'abd');
  assert.deepEqual(sortByFieldDistance('valeus', ["'description'", "'imports'", "'values'"]), ["'values'", "'imports'", "'description'"]);
  assert.deepEqual(sortByFieldDistance('x', ["'bb'", "'aa'"]), ["'bb'", "'aa'"]);
  assert.equal(foldName('Foo_Bar\u0130Σ'), 'foobariσ');
  assert.equal(levenshtein('é', 'e'), 2);
});

test('property: Levenshtein is a metric', () => {
  const s = fc.string({ maxLength: 8 });
  fc.assert(
    fc.property(s, s, s, (a, b, c) => {
      assert.equal(levenshtein(a, a), 0);
      assert.equal(levenshtein(a, b), levenshtein(b, a));
      assert.ok(levenshtein(a, c) <= levenshtein(a, b) + levenshtein(b, c));
    }),
    { numRuns: 300, seed: 13 },
  );
});

test('natural order: yaml.v3\'s own sorted-output list', () => {
  // The string keys of yaml.v3's TestSortedOutput, in yaml.v3's order.
  const order = ['', '.1', '.2', '.a', '1', '2', 'a!10', 'a/0001', 'a/002', 'a/3', 'a/10', 'a/11', 'a/0012', 'a/100', 'a~10', 'ab/1', 'b/1', 'b/01', 'b/2', 'b/02', 'b/3', 'b/03', 'b1', 'b01', 'b3', 'c2.10', 'c10.2', 'd1', 'd7', 'd7abc', 'd12', 'd12a', 'e2b', 'e4b', 'e21a'];
  assert.deepEqual([...order].reverse().sort(compareNatural), order);
  assert.deepEqual(['a10', 'a9', 'Z', '_x'].sort(compareNatural), ['_x', 'Z', 'a9', 'a10']);
});

test('property: natural order is a strict total order', () => {
  const s = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', 'é', '0', '1', '9', '٣', '_', '.', '/'), maxLength: 6 });
  fc.assert(
    fc.property(s, s, s, (a, b, c) => {
      assert.equal(Math.sign(compareNatural(a, b)) + Math.sign(compareNatural(b, a)), 0);
      assert.equal(compareNatural(a, b) === 0, a === b);
      if (naturalLess(a, b) && naturalLess(b, c)) assert.ok(naturalLess(a, c));
    }),
    { numRuns: 2000, seed: 17 },
  );
});

test('strconv: ParseInt / ParseUint (base 10) texts', () => {
  assert.deepEqual(parseGoInt('-42'), { ok: true, value: -42n });
  assert.deepEqual(parseGoInt('+7'), { ok: true, value: 7n });
  assert.deepEqual(parseGoInt('9223372036854775807'), { ok: true, value: 9223372036854775807n });
  assert.deepEqual(parseGoInt('-9223372036854775808'), { ok: true, value: -9223372036854775808n });
  assert.deepEqual(parseGoInt('9223372036854775808'), { ok: false, error: 'strconv.ParseInt: parsing "9223372036854775808": value out of range' });
  assert.deepEqual(parseGoInt(''), { ok: false, error: 'strconv.ParseInt: parsing "": invalid syntax' });
  assert.deepEqual(parseGoInt('1_0'), { ok: false, error: 'strconv.ParseInt: parsing "1_0": invalid syntax' });
  // Go stops at the first overflow, before later bad characters.
  assert.deepEqual(parseGoUint('99999999999999999999x'), { ok: false, error: 'strconv.ParseUint: parsing "99999999999999999999x": value out of range' });
  assert.deepEqual(parseGoUint('1.5'), { ok: false, error: 'strconv.ParseUint: parsing "1.5": invalid syntax' });
  assert.deepEqual(parseGoUint('+1'), { ok: false, error: 'strconv.ParseUint: parsing "+1": invalid syntax' });
  assert.deepEqual(parseGoUint('18446744073709551615'), { ok: true, value: 18446744073709551615n });
});

test('property paths: parsing and Pulumi\'s error texts', () => {
  const ok: Array<[string, PropertyPathElement[]]> = [
    ['root', ['root']],
    ['root.nested', ['root', 'nested']],
    ['root["double"]["nest"]', ['root', 'double', 'nest']],
    ['root.array[100]', ['root', 'array', 100]],
    ['root["key with \\"escaped\\" quotes"]', ['root', 'key with "escaped" quotes']],
    ['["root key with a ."][100]', ['root key with a .', 100]],
    ['root.array[*].field', ['root', 'array', '*', 'field']],
    ['a.[0]', ['a', 0]],
    ['a..b', ['a', 'b']],
    ['a[-1]', ['a', -1]],
    ['fn::secret', ['fn::secret']],
    ['["deeply.nested"].path.with.an["\\"array[]\\""][0]', ['deeply.nested', 'path', 'with', 'an', '"array[]"', 0]],
  ];
  for (const [text, path] of ok) assert.deepEqual(parsePropertyPath(text), { ok: true, path }, text);
  const bad: Array<[string, string]> = [
    ['.a', 'expected property path to start with a name or index'],
    ['a.', 'expected property path to end with a name or index'],
    ['a[', 'missing closing bracket in array index'],
    ['a["x', 'missing closing quote in property name'],
    ['a["x"', 'missing closing bracket in property access'],
    ['a[x]', 'invalid array index: strconv.ParseInt: parsing "x": invalid syntax'],
    ['a[]', 'invalid array index: strconv.ParseInt: parsing "": invalid syntax'],
    ['a[99999999999999999999]', 'invalid array index: strconv.ParseInt: parsing "99999999999999999999": value out of range'],
  ];
  for (const [text, error] of bad) assert.deepEqual(parsePropertyPath(text), { ok: false, error }, text);
  assert.equal(formatPropertyPath(['values', 'full', 'fn::rotate', 'state']), 'values.full["fn::rotate"].state');
  assert.equal(formatPropertyPath([0, 'a', '1b', 'x"y', '']), '[0].a.1b["x\\"y"][""]');
});

test('property: formatted property paths parse back', () => {
  const key = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '_', '.', '[', ']', '"', ' ', ':', '*', 'é'), maxLength: 5 });
  fc.assert(
    fc.property(fc.array(fc.oneof(key, fc.nat(1000)), { minLength: 1, maxLength: 5 }), (path) => {
      assert.deepEqual(parsePropertyPath(formatPropertyPath(path)), { ok: true, path });
    }),
    { numRuns: 500, seed: 19 },
  );
});
