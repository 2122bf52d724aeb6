// Comparing ESC positions and ranges. No arithmetic on lines or columns happens here: positions come
// from SourceText and are only ordered and compared.

import type { Pos, Range } from '../model.js';

/** Orders two positions of the same document. */
export function comparePos(a: Pos, b: Pos): number {
  return a.line - b.line || a.column - b.column;
}

/** Reports whether `pos` lies in `range`, both ends included (a cursor just after a word still touches it). */
export function touches(range: Range, pos: Pos): boolean {
  return comparePos(range.begin, pos) <= 0 && comparePos(pos, range.end) <= 0;
}

/** Reports whether `pos` lies in `range`, the end excluded. */
export function contains(range: Range, pos: Pos): boolean {
  return comparePos(range.begin, pos) <= 0 && comparePos(pos, range.end) < 0;
}

/** Reports whether a range has no position (synthesized values: line 0). */
export function isZeroRange(range: Range | undefined): boolean {
  return range === undefined || range.begin.line === 0;
}

/** Returns a key identifying a range: equal keys mean the same span of the same document. */
export function rangeKey(range: Range): string {
  return `${range.environment}\u0000${range.begin.line}:${range.begin.column}\u0000${range.end.line}:${range.end.column}`;
}

/** Reports whether `inner` lies inside `outer`. */
export function within(inner: Range, outer: Range): boolean {
  return comparePos(outer.begin, inner.begin) <= 0 && comparePos(inner.end, outer.end) <= 0;
}

/** Reports whether two ranges are the same span (environments compared too). */
export function sameRange(a: Range, b: Range): boolean {
  return a.environment === b.environment && comparePos(a.begin, b.begin) === 0 && comparePos(a.end, b.end) === 0;
}
