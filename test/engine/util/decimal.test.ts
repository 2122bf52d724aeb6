// Exact decimal comparison and multipleOf on number texts (big.ParseFloat syntax and errors).

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { compareDecimal, isMultipleOf, parseDecimal } from '../../../engine/src/util/decimal.js';

test('parseDecimal: what big.ParseFloat(…, 10, …) accepts, with its errors', () => {
  for (const ok of ['0', '-0', '+1', '1.', '.5', '1.5e-3', '1E+3', '1p3', '-1.5P-2', 'Inf', 'inf', '+Inf', '-inf', '00012', '1e99999']) {
    assert.equal(parseDecimal(ok).ok, true, ok);
  }
  const bad: Array<[string, string]> = [
    ['', 'EOF'],
    ['NaN', 'number has no digits'],
    ['-', 'number has no digits'],
    ['.', 'number has no digits'],
    [' 1', 'number has no digits'],
    ['1e', 'number has no digits'],
    ['1e+', 'number has no digits'],
    ['1x', "expected end of string, found 'x'"],
    ['1é', "expected end of string, found 'Ã'"],
    ['1.2.3', "expected end of string, found '.'"],
    ['0x10', "expected end of string, found 'x'"],
    ['1_000', "expected end of string, found '_'"],
    ['Infinity', 'number has no digits'],
    ['1e99999999999999999999', 'strconv.ParseInt: parsing "99999999999999999999": value out of range'],
    ['1e-9999999999', 'exponent overflow'],
  ];
  for (const [text, error] of bad) assert.deepEqual(parseDecimal(text), { ok: false, error }, text);
});

test('compareDecimal and isMultipleOf: exact answers', () => {
  const cmp: Array<[string, string, number]> = [
    ['1', '1.0', 0],
    ['0.1', '1e-1', 0],
    ['-0', '0', 0],
    ['1p3', '8', 0],
    ['-2', '1', -1],
    ['1e400', '1e399', 1],
    ['+Inf', '1e99999', 1],
    ['-Inf', '-1e99999', -1],
    ['Inf', '+Inf', 0],
    ['0.30000000000000000001', '0.3', 1],
    ['123456789012345678901234567890', '123456789012345678901234567891', -1],
  ];
  for (const [a, b, want] of cmp) assert.equal(Math.sign(compareDecimal(a, b) as number), want, `${a} vs ${b}`);
  assert.equal(compareDecimal('NaN', '1'), 'number has no digits');
  const mult: Array<[string, string, boolean]> = [
    ['0.3', '0.1', true],
    ['4', '2', true],
    ['-4', '2', true],
    ['5', '2', false],
    ['0.5', '2', false],
    ['7e300', '7', true],
    ['1e300', '7', false],
    ['1e200000', '1', true],
    ['0', '3', true],
    ['1', '0', false],
    ['1', 'Inf', true],
    ['Inf', '1', false],
    ['1.5', '0.5', true],
    ['2p-1', '0.25', true],
  ];
  for (const [x, m, want] of mult) assert.equal(isMultipleOf(x, m), want, `${x} multipleOf ${m}`);
});

/** A decimal text for the rational `digits / 10^scale`, in several spellings. */
const spelled = fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.nat(6), fc.integer({ min: -3, max: 3 })).map(([digits, scale, shift]) => {
  // digits × 10^-scale written as mantissa × 10^(shift) with the point moved accordingly.
  const neg = digits < 0n;
  const s = (neg ? -digits : digits).toString().padStart(scale + 1, '0');
  const point = s.length - scale;
  const mantissa = scale === 0 ? s : `${s.slice(0, point)}.${s.slice(point)}`;
  const text = shift === 0 ? mantissa : `${mantissa}e${-shift}`;
  // The value is digits × 10^(-scale) × 10^(-shift): keep it as a fraction with a power-of-ten denominator.
  return { text: (neg ? '-' : '') + text, num: digits, exp: -scale - shift };
});

test('property: comparisons agree with BigInt arithmetic', () => {
  fc.assert(
    fc.property(spelled, spelled, (a, b) => {
      const e = Math.min(a.exp, b.exp);
      const x = a.num * 10n ** BigInt(a.exp - e);
      const y = b.num * 10n ** BigInt(b.exp - e);
      assert.equal(Math.sign(compareDecimal(a.text, b.text) as number), x < y ? -1 : x > y ? 1 : 0);
      if (y !== 0n) assert.equal(isMultipleOf(a.text, b.text), x % y === 0n);
    }),
    { numRuns: 1000, seed: 23 },
  );
});

test('property: agrees with JavaScript numbers on safe integers', () => {
  const int = fc.integer({ min: -1e9, max: 1e9 });
  fc.assert(
    fc.property(int, int, (a, b) => {
      assert.equal(Math.sign(compareDecimal(String(a), String(b)) as number), Math.sign(a - b));
      if (b !== 0) assert.equal(isMultipleOf(String(a), String(b)), a % b === 0);
    }),
    { numRuns: 500, seed: 29 },
  );
});
