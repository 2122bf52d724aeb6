// Go RE2 patterns: what Go accepts and rejects (with Go's messages), matching semantics that differ
// from JavaScript's (\s, ., ^/$ with (?m), POSIX classes), linear-time matching, and agreement of
// the automaton with the translated JavaScript RegExp.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { compileRE2, re2ToJsSource } from '../../../engine/src/util/re2.js';

function compiled(pattern: string): RegExp {
  const r = compileRE2(pattern);
  assert.ok(r.ok, `${pattern}: ${!r.ok && r.error}`);
  return r.regexp;
}

test('RE2: patterns Go rejects, with Go\'s messages', () => {
  const cases: Array<[string, string]> = [
    ['(?=a)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['(?!a)', 'invalid or unsupported Perl syntax: `(?!`'],
    ['(?<=a)b', 'invalid named capture: `(?<=a)b`'],
    ['(?P=n)', 'invalid or unsupported Perl syntax: `(?P`'],
    ['(?', 'invalid or unsupported Perl syntax: `(?`'],
    ['(?i', 'invalid or unsupported Perl syntax: `(?i`'],
    ['(?-)', 'invalid or unsupported Perl syntax: `(?-)`'],
    ['(?P<1-a>x)', 'invalid named capture: `(?P<1-a>`'],
    ['(?<name', 'invalid named capture: `(?<name`'],
    ['(a)\\1', 'invalid escape sequence: `\\1`'],
    ['\\8', 'invalid escape sequence: `\\8`'],
    ['\\C', 'invalid escape sequence: `\\C`'],
    ['\\Z', 'invalid escape sequence: `\\Z`'],
    ['\\x{110000}', 'invalid escape sequence: `\\x{110000`'],
    ['\\', 'trailing backslash at end of expression: ``'],
    ['a**', 'invalid nested repetition operator: `**`'],
    ['a*?+', 'invalid nested repetition operator: `*?+`'],
    ['x{2}{3}', 'invalid nested repetition operator: `{2}{3}`'],
    ['*', 'missing argument to repetition operator: `*`'],
    ['a|*', 'missing argument to repetition operator: `*`'],
    ['(+)', 'missing argument to repetition operator: `+`'],
    ['a{1001}', 'invalid repeat count: `{1001}`'],
    ['a{3,2}', 'invalid repeat count: `{3,2}`'],
    ['(a{500}){3}', 'invalid repeat count: `{3}`'],
    ['(a', 'missing closing ): `(a`'],
    ['a)', 'unexpected ): `a)`'],
    ['[a', 'missing closing ]: `[a`'],
    ['[]', 'missing closing ]: `[]`'],
    ['[z-a]', 'invalid character class range: `z-a`'],
    ['\\p{Foo}', 'invalid character class range: `\\p{Foo}`'],
    ['\\pX', 'invalid character class range: `\\pX`'],
    ['[[:foo:]]', 'invalid character class range: `[:foo:]`'],
    ['[[:constructor:]]', 'invalid character class range: `[:constructor:]`'],
    ['\\p{toString}', 'invalid character class range: `\\p{toString}`'],
  ];
  for (const [pattern, message] of cases) assert.deepEqual(compileRE2(pattern), { ok: false, error: `error parsing regexp: ${message}` }, pattern);
});

test('RE2: matching semantics (unanchored search, Go flavours of classes and anchors)', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['^foo[0-9]+$', ['foo12'], ['foo', 'xfoo1', 'foo1\n']],
    ['(?i)hello', ['say HeLLo'], ['help']],
    ['(?i)k', ['\u212a'], ['x']],
    ['a(?i)b', ['aB', 'ab'], ['AB']],
    ['(?i:a)b', ['Ab'], ['AB']],
    ['[[:alpha:]]+', ['a1'], ['123']],
    ['[[:^digit:]]', ['a'], ['123']],
    ['\\pL', ['é'], ['1']],
    ['\\p{Greek}', ['λ'], ['l']],
    ['\\PL', ['1'], ['é']],
    ['\\s', ['\t', ' '], ['\u00a0', '\v']],
    ['\\w', ['_'], ['é']],
    ['a.b', ['axb', 'a\rb'], ['a\nb']],
    ['(?s)a.b', ['a\nb'], []],
    ['(?m)^b$', ['a\nb\nc'], ['a\r\nb\r\n']],
    ['^b$', ['b'], ['a\nb']],
    ['\\Ab\\z', ['b'], ['b\n']],
    ['\\bfoo\\b', ['a foo b'], ['afoob']],
    ['\\Qa.b\\E', ['a.b'], ['axb']],
    ['x{2,3}', ['xx'], ['x']],
    ['a{,2}', ['a{,2}'], ['aa']],
    ['[^a]', ['\n'], ['a']],
    ['[a-]', ['-'], ['b']],
    ['[]a]', [']'], ['b']],
    ['\\x41\\x{263a}\\101', ['A☺A'], ['A']],
    ['^*a', ['a'], ['b']],
    ['(?P<year>\\d{4})-(?<month>\\d\\d)', ['2024-01'], ['24-01']],
    ['(?U)a+', ['aaa'], ['b']],
    ['(|a)b', ['b'], ['c']],
    ['😀+', ['😀😀'], ['x']],
  ];
  for (const [pattern, yes, no] of cases) {
    const re = compiled(pattern);
    for (const s of yes) assert.equal(re.test(s), true, `${pattern} should match ${JSON.stringify(s)}`);
    for (const s of no) assert.equal(re.test(s), false, `${pattern} should not match ${JSON.stringify(s)}`);
  }
});

test('RE2: test() stays linear on patterns that make backtracking engines explode', () => {
  for (const pattern of ['^(a+)+$', '^(a|a)*$', '^(a*)*b$', '(x+x+)+y']) {
    const re = compiled(pattern);
    assert.equal(re.test('a'.repeat(5000) + '!'), false, pattern);
  }
  assert.equal(compiled('^(a+)+$').test('a'.repeat(5000)), true);
});

/**
 * Random patterns from RE2's common syntax (without mid-pattern case-folding switches). Groups get
 * only bounded quantifiers: the JavaScript side of the comparison backtracks, and nested unbounded
 * quantifiers would make it (not the automaton) take exponential time.
 */
const pattern = fc.letrec<{ re: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    fc.tuple(fc.constantFrom('a', 'b', 'A', '1', ' ', '.', '\\d', '\\w', '\\s', '\\S', '[ab]', '[^a]', '[a-c1]', '[[:alpha:]]', '\\pL', '\\n', '\\.', 'é'), fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,2}', '{0,}', '*?', '+?')).map(([a, q]) => a + q),
    fc.tuple(fc.constantFrom('^', '$', '\\b', '\\B', '\\A', '\\z'), fc.constantFrom('', '', '?', '{2}')).map(([a, q]) => (q ? `(?:${a})${q}` : a)),
    fc.tuple(tie('re'), fc.constantFrom('(', '(?:'), fc.constantFrom('', '?', '{2}', '{1,2}', '??')).map(([r, open, q]) => `${open}${r})${q}`),
  ),
  re: fc.array(tie('atom'), { minLength: 1, maxLength: 4 }).chain((parts) => fc.constantFrom(parts.join(''), parts.join('|'))),
}));

test('property: the automaton agrees with the translated JavaScript RegExp', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'A', '1', ' ', '\n', 'é', '.', 'x'), maxLength: 8 });
  fc.assert(
    fc.property(fc.constantFrom('', '(?i)', '(?s)', '(?m)'), pattern.re, fc.array(text, { minLength: 1, maxLength: 5 }), (flags, re, texts) => {
      const r = compileRE2(flags + re);
      assert.ok(r.ok, `${flags + re}: ${!r.ok && r.error}`);
      const js = new RegExp(r.regexp.source, r.regexp.flags);
      for (const s of texts) assert.equal(r.regexp.test(s), js.test(s), `${flags + re} on ${JSON.stringify(s)}`);
    }),
    { numRuns: 800, seed: 31 },
  );
});

test('re2ToJsSource: self-contained source for the u flag (JSON Schema patterns)', () => {
  assert.equal(re2ToJsSource('^a\\d+$'), '^a[0-9]+$');
  assert.equal(re2ToJsSource('(?=x)'), undefined);
  const folded = new RegExp(re2ToJsSource('(?i)ab')!, 'u');
  assert.equal(folded.test('xAbx'), true);
  assert.equal(folded.test('ac'), false);
  assert.equal(new RegExp(re2ToJsSource('\\s')!, 'u').test('\u00a0'), false);
});
