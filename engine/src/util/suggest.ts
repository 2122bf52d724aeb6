// "Did you mean" suggestions (spec §8.4.2) and the nearest-first field list of unknown top-level
// keys (§3.1). Both compare folded names (lower-cased, `_` removed) by Levenshtein distance over
// UTF-8 bytes, as ESC does.

import { compareCodePoints } from './order.js';
import { goQuote } from './goQuote.js';
import { encodeUtf8 } from '../text/utf8.js';

/** Returns the Levenshtein edit distance between the UTF-8 encodings of `a` and `b`. */
export function levenshtein(a: string, b: string): number {
  const x = encodeUtf8(a);
  const y = encodeUtf8(b);
  let prev = new Array<number>(y.length + 1);
  let cur = new Array<number>(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length]!;
}

/** Folds a name for comparison: removes `_` and lower-cases each code point (Go's simple lower-case mapping). */
export function foldName(s: string): string {
  let out = '';
  for (const ch of s.replace(/_/g, '')) out += simpleLower(ch);
  return out;
}

/**
 * Returns the candidate nearest to `key` (ESC's suggestion), or undefined when none is near enough:
 * the distance must be below half the folded key's byte length (rounded up). Go iterates a map in
 * random order, so ties are nondeterministic there; here the first candidate in code point order wins.
 */
export function closestKey(key: string, candidates: Iterable<string>): string | undefined {
  const x = foldName(key);
  let best: string | undefined;
  let bound = Math.floor((encodeUtf8(x).length + 1) / 2);
  for (const c of [...candidates].sort(compareCodePoints)) {
    const d = levenshtein(x, foldName(c));
    if (d < bound) {
      best = c;
      bound = d;
    }
  }
  return best;
}

/** Returns the suffix ESC appends to `unknown property` messages: `; did you mean "x"?`, or "" when there is no suggestion. */
export function didYouMean(key: string, candidates: Iterable<string>): string {
  const best = closestKey(key, candidates);
  return best === undefined ? '' : `; did you mean ${goQuote(best)}?`;
}

/**
 * Orders field names nearest-first for "Existing fields are: …" (§3.1): a stable sort by the distance
 * between the folded key and each folded field name, compared exactly as given (callers pass the
 * names already wrapped in quotes, which ESC includes in the comparison).
 */
export function sortByFieldDistance(key: string, fields: readonly string[]): string[] {
  const x = foldName(key);
  return fields
    .map((f, i) => ({ f, i, d: levenshtein(x, foldName(f)) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((e) => e.f);
}

// JavaScript's toLowerCase applies full (multi-character) mappings; Go's unicode.ToLower is the
// simple one-to-one mapping. The only unconditional difference is U+0130 (İ → i).
function simpleLower(ch: string): string {
  if (ch === '\u0130') return 'i';
  const l = ch.toLowerCase();
  return [...l].length === 1 ? l : ch;
}
