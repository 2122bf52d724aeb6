// Sub-ranges inside string nodes (spec §2.4), for interpolation accessors: the true range of a
// slice of a string's value, and the reference evaluator's (display-width columns, plain untagged
// scalars only).

import type { Range } from '../model.js';
import { displayWidth } from '../text/displayWidth.js';
import { utf8Length } from '../text/utf8.js';
import { StringNodeImpl } from './nodeClasses.js';
import type { StringNode } from './nodes.js';
import { isRecordingReferenceRanges, recordReferenceRange, referenceRange } from './referenceRanges.js';

/**
 * Returns the reference range of `node.value[valueStart, valueEnd)` (UTF-16 offsets), or null when
 * the reference has none (every style but plain untagged). Columns advance by display width.
 */
export function referenceSubRange(node: StringNode, valueStart: number, valueEnd: number): Range | null {
  const start = node instanceof StringNodeImpl ? node.source.referenceStart : null;
  if (start === null) return null;
  const source = node.doc.source;
  const value = node.value;
  const at = (k: number) => {
    const prefix = value.slice(0, k);
    const p = source.referencePos(start.line, start.column + displayWidth(prefix));
    return { line: p.line, column: p.column, byte: start.byte + utf8Length(prefix) };
  };
  return { environment: node.range.environment, begin: at(valueStart), end: at(valueEnd) };
}

/**
 * Returns the true range of `node.value[valueStart, valueEnd)`, or the whole node's range when
 * the value does not map back to the text (escapes, folding); records its reference sub-range.
 */
export function subRange(node: StringNode, valueStart: number, valueEnd: number): Range {
  const s = node.sourceOffset(valueStart);
  const e = node.sourceOffset(valueEnd);
  const whole = s === undefined || e === undefined;
  const source = node.doc.source;
  const range = whole ? { ...node.range } : source.range(node.range.environment, s, e);
  if (isRecordingReferenceRanges()) recordReferenceRange(range, referenceSubRange(node, valueStart, valueEnd), referenceRange(node.range));
  return range;
}
