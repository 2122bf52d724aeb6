// Exact arithmetic on number texts for schema checks (minimum, maximum, multipleOf; spec §1.4, §11.6).
//
// Parsing accepts exactly what Go's big.ParseFloat(text, 10, 64, ToNearestEven) accepts — decimal
// mantissas with an optional `e` (decimal) or `p` (binary) exponent, and `Inf`/`inf` with an
// optional sign — and fails with Go's error texts (`number has no digits`, `expected end of string,
// found 'x'`, `EOF`, …). So `NaN` is an error ("number has no digits") while `+Inf` parses to an
// infinity that compares above every finite number.
//
// Deliberate divergence: Go rounds every parsed number (and the quotient of multipleOf) to a 64-bit
// mantissa; we compare and divide exactly (BigInt). So `0.3` is a multiple of `0.1` here, and numbers
// that differ beyond the 20th significant digit are distinct here but may compare equal in Go.
// Values whose exponents differ by more than 10^5 are compared by magnitude estimate (and are never
// multiples of one another), which keeps absurd inputs from costing unbounded time.

import { goQuoteRune } from './goQuote.js';
import { parseGoInt } from './goStrconv.js';

/** A parsed number: ±mant × 10^exp10 × 2^exp2, or an infinity. */
export type Decimal = { inf: false; neg: boolean; mant: bigint; exp10: number; exp2: number } | { inf: true; neg: boolean };

/** The parsed number, or Go's error text. */
export type DecimalResult = { ok: true; value: Decimal } | { ok: false; error: string };

/** Parses a number text as Go's big.ParseFloat(text, 10, …) accepts it. */
export function parseDecimal(text: string): DecimalResult {
  if (text === 'Inf' || text === 'inf') return { ok: true, value: { inf: true, neg: false } };
  if (text.length === 4 && (text[0] === '+' || text[0] === '-') && (text.slice(1) === 'Inf' || text.slice(1) === 'inf')) {
    return { ok: true, value: { inf: true, neg: text[0] === '-' } };
  }
  if (text === '') return { ok: false, error: 'EOF' };
  let i = 0;
  const neg = text[0] === '-';
  if (text[0] === '-' || text[0] === '+') i++;
  let digits = '';
  let fraction = -1;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '.' && fraction < 0) fraction = 0;
    else if (c >= '0' && c <= '9') {
      digits += c;
      if (fraction >= 0) fraction++;
    } else break;
  }
  if (digits === '') return { ok: false, error: 'number has no digits' };
  let exp = 0;
  let binary = false;
  const e = text[i];
  if (e === 'e' || e === 'E' || e === 'p' || e === 'P') {
    binary = e === 'p' || e === 'P';
    i++;
    let expText = '';
    if (text[i] === '+' || text[i] === '-') expText = text[i++] === '-' ? '-' : '';
    const start = i;
    while (i < text.length && text[i]! >= '0' && text[i]! <= '9') i++;
    if (i === start) return { ok: false, error: 'number has no digits' };
    const parsed = parseGoInt(expText + text.slice(start, i));
    if (!parsed.ok) return parsed;
    exp = Number(parsed.value);
  }
  if (i < text.length) return { ok: false, error: `expected end of string, found ${goQuoteRune(firstByte(text, i))}` };
  const mant = BigInt(digits);
  const exp10 = (binary ? 0 : exp) - Math.max(fraction, 0);
  const exp2 = binary ? exp : 0;
  // Go keeps binary exponents in an int32 (10^e counts as 2^e·5^e).
  const bits = mant === 0n ? 0 : mant.toString(2).length + exp10 + exp2;
  if (bits < -0x80000000 || bits > 0x7fffffff) return { ok: false, error: 'exponent overflow' };
  return { ok: true, value: { inf: false, neg, mant, exp10, exp2 } };
}

/** Compares two number texts exactly: negative, zero or positive; a string is the parse error of either. */
export function compareDecimal(a: string, b: string): number | string {
  const x = parseDecimal(a);
  if (!x.ok) return x.error;
  const y = parseDecimal(b);
  if (!y.ok) return y.error;
  return compareValues(x.value, y.value);
}

/** Reports whether `x` is an integer multiple of `m` (exactly); a string is the parse error of either. */
export function isMultipleOf(x: string, m: string): boolean | string {
  const a = parseDecimal(x);
  if (!a.ok) return a.error;
  const b = parseDecimal(m);
  if (!b.ok) return b.error;
  const p = a.value;
  const q = b.value;
  // Go: ±Inf/m is not an integer, x/±Inf is 0 (an integer), x/0 is ±Inf, and 0/0 has no value.
  if (p.inf) return false;
  if (q.inf) return true;
  if (q.mant === 0n) return false;
  if (p.mant === 0n) return true;
  // |x/m| < 1 and x ≠ 0: not an integer.
  if (magnitude(p) - magnitude(q) < -1) return false;
  // x/m = (p.mant · 10^d10 · 2^d2) / q.mant with d = p.exp − q.exp; move negative powers to the denominator.
  const d10 = p.exp10 - q.exp10;
  const d2 = p.exp2 - q.exp2;
  if (-d10 > EXACT_LIMIT || -d2 > EXACT_LIMIT) return false;
  const den = q.mant * 10n ** BigInt(Math.max(-d10, 0)) * 2n ** BigInt(Math.max(-d2, 0));
  const num = (p.mant % den) * powMod(10n, Math.max(d10, 0), den) * powMod(2n, Math.max(d2, 0), den);
  return num % den === 0n;
}

/** Compares two parsed numbers exactly. */
export function compareValues(a: Decimal, b: Decimal): number {
  const sa = sign(a);
  const sb = sign(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (a.inf || b.inf) return a.inf && b.inf ? 0 : (a.inf ? 1 : -1) * sa;
  if (sa === 0) return 0;
  return compareMagnitudes(a, b) * sa;
}

const EXACT_LIMIT = 100_000;

function sign(d: Decimal): number {
  if (d.inf) return d.neg ? -1 : 1;
  return d.mant === 0n ? 0 : d.neg ? -1 : 1;
}

/** An estimate of log10 |d| for a finite non-zero value, accurate to well within ±1. */
function magnitude(d: Extract<Decimal, { inf: false }>): number {
  const s = d.mant.toString();
  return Math.log10(Number('0.' + s.slice(0, 17))) + s.length + d.exp10 + d.exp2 * Math.LOG10E * Math.LN2;
}

function compareMagnitudes(a: Extract<Decimal, { inf: false }>, b: Extract<Decimal, { inf: false }>): number {
  const ma = magnitude(a);
  const mb = magnitude(b);
  if (Math.abs(ma - mb) > 2) return ma < mb ? -1 : 1;
  const e10 = Math.min(a.exp10, b.exp10);
  const e2 = Math.min(a.exp2, b.exp2);
  if (Math.max(a.exp10, b.exp10) - e10 > EXACT_LIMIT || Math.max(a.exp2, b.exp2) - e2 > EXACT_LIMIT) return ma < mb ? -1 : ma > mb ? 1 : 0;
  const x = a.mant * 10n ** BigInt(a.exp10 - e10) * 2n ** BigInt(a.exp2 - e2);
  const y = b.mant * 10n ** BigInt(b.exp10 - e10) * 2n ** BigInt(b.exp2 - e2);
  return x < y ? -1 : x > y ? 1 : 0;
}

function powMod(base: bigint, exp: number, mod: bigint): bigint {
  let result = 1n % mod;
  let b = base % mod;
  let e = exp;
  while (e > 0) {
    if (e % 2 === 1) result = (result * b) % mod;
    b = (b * b) % mod;
    e = Math.floor(e / 2);
  }
  return result;
}

/** The first UTF-8 byte of the character at `i` (Go reports the byte it stopped at). */
function firstByte(s: string, i: number): number {
  const cp = s.codePointAt(i)!;
  if (cp < 0x80) return cp;
  if (cp < 0x800) return 0xc0 | (cp >> 6);
  if (cp < 0x10000) return 0xe0 | (cp >> 12);
  return 0xf0 | (cp >> 18);
}
