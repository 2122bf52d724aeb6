// Go number parsing and formatting as yaml.v3 uses it: strconv.ParseInt/ParseUint with base 0,
// strconv.ParseFloat, and strconv.FormatFloat(f, 'g', -1, 64). Integers go through BigInt and
// floats through a JS number only where Go itself parses a float64, so number text stays exact.

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** A parsed Go integer: `int64` when it fits, else `uint64`. */
export interface GoInt {
  value: bigint;
  unsigned: boolean;
}

/**
 * Parses `s` as Go's ParseInt(s, 0, 64), falling back to ParseUint(s, 0, 64) (no sign allowed there);
 * base prefixes 0x, 0o, 0b and a leading 0 for octal. Underscores must already be removed.
 */
export function parseGoInt(s: string): GoInt | undefined {
  let i = 0;
  let negative = false;
  const sign = s.charCodeAt(0);
  if (sign === 0x2b || sign === 0x2d) {
    negative = sign === 0x2d;
    i = 1;
  }
  const digits = s.slice(i);
  const magnitude = parseUnsignedBase0(digits);
  if (magnitude === undefined) return undefined;
  const value = negative ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return { value, unsigned: false };
  if (i === 0 && value <= UINT64_MAX) return { value, unsigned: true };
  return undefined;
}

/** Parses the digits of a Go base-0 integer literal without sign. */
function parseUnsignedBase0(s: string): bigint | undefined {
  if (s === '') return undefined;
  let base = 10;
  let body = s;
  if (s.length >= 2 && s[0] === '0') {
    const p = s[1]!.toLowerCase();
    if (p === 'x' || p === 'o' || p === 'b') {
      base = p === 'x' ? 16 : p === 'o' ? 8 : 2;
      body = s.slice(2);
      if (body === '') return undefined;
    } else {
      // Go reads a leading 0 as an octal prefix.
      base = 8;
      body = s.slice(1);
    }
  }
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]*$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!valid.test(body)) return undefined;
  if (body === '') return 0n;
  // BigInt() understands 0x/0o/0b prefixes but not Go's leading-zero octal, so normalise.
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  return BigInt(prefix + body);
}

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** yaml.v3's float test for digit- or sign-led text: its regex, then a finite float64 parse. */
export function parseYamlStyleFloat(plain: string): number | undefined {
  if (!YAML_FLOAT.test(plain)) return undefined;
  const f = Number(plain);
  return Number.isFinite(f) ? f : undefined;
}

// Go ParseFloat syntax for text led by '.', with underscores allowed only between digits.
const DOT_FLOAT = /^\.[0-9]+(_[0-9]+)*([eE][-+]?[0-9]+(_[0-9]+)*)?$/;

/** Go's ParseFloat for text starting with '.', as yaml.v3 applies it (out of range → undefined). */
export function parseDotFloat(s: string): number | undefined {
  if (!DOT_FLOAT.test(s)) return undefined;
  const f = Number(s.replace(/_/g, ''));
  return Number.isFinite(f) ? f : undefined;
}

/** Formats a float64 as Go's strconv.FormatFloat(f, 'g', -1, 64), with `+Inf`, `-Inf` and `NaN`. */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  // toExponential() without an argument yields the shortest round-trip digits, like Go's shortest mode.
  const [mantissa, expText] = f.toExponential().split('e') as [string, string];
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const exp = Number(expText);
  const sign = negative ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? '.' + digits.slice(1) : '';
    const e = Math.abs(exp);
    return sign + digits[0] + frac + 'e' + (exp < 0 ? '-' : '+') + (e < 10 ? '0' + e : String(e));
  }
  if (exp < 0) return sign + '0.' + '0'.repeat(-exp - 1) + digits;
  if (digits.length <= exp + 1) return sign + digits + '0'.repeat(exp + 1 - digits.length);
  return sign + digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
}
