// Go's strconv.ParseInt / ParseUint for base 10, with Go's error texts
// (`strconv.ParseInt: parsing "x": invalid syntax` / `value out of range`). Used for property-path
// indices and for the unsigned counts of schemas (maxLength, minItems, …).

import { goQuote } from './goQuote.js';

/** A parsed integer, or Go's NumError text. */
export type GoIntResult = { ok: true; value: bigint } | { ok: false; error: string };

/** Parses like Go's strconv.ParseInt(text, 10, bitSize) (bitSize 0 means 64). */
export function parseGoInt(text: string, bitSize = 64): GoIntResult {
  const bits = BigInt(bitSize === 0 ? 64 : bitSize);
  const neg = text.startsWith('-');
  const body = text.startsWith('+') || neg ? text.slice(1) : text;
  const u = parseUnsigned(body, 64n);
  if (u === 'syntax' || text === '') return numError('ParseInt', text, 'invalid syntax');
  const cutoff = 1n << (bits - 1n);
  if (u === 'range' || (!neg && u >= cutoff) || (neg && u > cutoff)) return numError('ParseInt', text, 'value out of range');
  return { ok: true, value: neg ? -u : u };
}

/** Parses like Go's strconv.ParseUint(text, 10, bitSize) (bitSize 0 means 64). */
export function parseGoUint(text: string, bitSize = 64): GoIntResult {
  const u = parseUnsigned(text, BigInt(bitSize === 0 ? 64 : bitSize));
  if (u === 'syntax') return numError('ParseUint', text, 'invalid syntax');
  if (u === 'range') return numError('ParseUint', text, 'value out of range');
  return { ok: true, value: u };
}

/** Go's ParseUint loop: the first bad digit is a syntax error, the first overflow a range error. */
function parseUnsigned(s: string, bits: bigint): bigint | 'syntax' | 'range' {
  if (s === '') return 'syntax';
  const max = (1n << bits) - 1n;
  let n = 0n;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return 'syntax';
    n = n * 10n + BigInt(c - 0x30);
    if (n > max) return 'range';
  }
  return n;
}

function numError(fn: string, num: string, err: string): { ok: false; error: string } {
  return { ok: false, error: `strconv.${fn}: parsing ${goQuote(num)}: ${err}` };
}
