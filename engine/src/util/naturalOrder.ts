// yaml.v3's "natural" order of mapping keys when it encodes a Go map (sorter.go, keyList.Less; spec
// §13.2): letters compare by code point, digit runs by numeric value, and a letter sorts before a
// non-letter only right after a digit. So `a9` < `a10` and `_x` < `Z`.

import { compareCodePoints } from './order.js';

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

/** Compares two keys in yaml.v3's natural order (negative, zero or positive). */
export function compareNatural(a: string, b: string): number {
  if (naturalLess(a, b)) return -1;
  if (naturalLess(b, a)) return 1;
  // Distinct keys that yaml.v3 considers equal keep an arbitrary order there; use code points here.
  return compareCodePoints(a, b);
}

/** yaml.v3's keyList.Less for two string keys. */
export function naturalLess(a: string, b: string): boolean {
  const ar = [...a].map((c) => c.codePointAt(0)!);
  const br = [...b].map((c) => c.codePointAt(0)!);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i]!;
    const y = br[i]!;
    if (x === y) {
      digits = isDigit(x);
      continue;
    }
    const xl = isLetter(x);
    const yl = isLetter(y);
    if (xl && yl) return x < y;
    if (xl || yl) return digits ? xl : yl;
    // Go computes digit runs in int64 (wrapping on overflow) from `rune - '0'`, even for non-ASCII digits.
    let an = 0n;
    let bn = 0n;
    if (x === 0x30 || y === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== 0x30) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai]! - 0x30));
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi]! - 0x30));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x < y;
  }
  return ar.length < br.length;
}

function isLetter(cp: number): boolean {
  return cp < 0x80 ? (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) : LETTER.test(String.fromCodePoint(cp));
}

function isDigit(cp: number): boolean {
  return cp < 0x80 ? cp >= 0x30 && cp <= 0x39 : DIGIT.test(String.fromCodePoint(cp));
}
