// Computes the reference evaluator's coordinates for syntax nodes (spec §2.3) and records them
// through referenceRanges.ts. Reference coordinates are not positions of our model: they are
// yaml.v3's start marks with ESC's end rules (byte lengths added to columns), so the arithmetic
// on them lives here rather than in text/sourceText.ts.

import type { Pos, Range } from '../model.js';
import { utf8Length } from '../text/utf8.js';
import type { ScalarStyle, SyntaxDocument } from './nodes.js';
import { isRecordingReferenceRanges, recordReferenceRange } from './referenceRanges.js';

/** Builds and records reference ranges for the nodes of one document. */
export class ReferenceBuilder {
  constructor(private readonly doc: SyntaxDocument) {}

  /**
   * Returns the reference end of a scalar starting at `start`: literal style counts the value's
   * line breaks; tagged plain style adds the tag and a space; every other style adds the value's
   * byte length on the start line.
   */
  scalarEnd(start: Pos, value: string, style: ScalarStyle, tag: string | undefined): Pos {
    if (!isRecordingReferenceRanges()) return start;
    if (style === 'literal' && tag === undefined) {
      let lines = 0;
      let last = -1;
      for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) {
        lines++;
        last = i;
      }
      return this.pos(start.line + lines, start.column + utf8Length(value, last + 1));
    }
    const extra = style === 'plain' && tag !== undefined ? utf8Length(tag) + 1 : 0;
    return this.pos(start.line, start.column + utf8Length(value) + extra);
  }

  /** Records the reference range of a scalar, if it differs from its true range. */
  recordScalar(range: Range, end: Pos): void {
    if (end.line !== range.end.line || end.column !== range.end.column) {
      recordReferenceRange(range, { environment: range.environment, begin: range.begin, end });
    }
  }

  /** Records a collection's reference range: from its start to its last child's reference end. */
  recordCollection(range: Range, lastChildEnd: Pos | null): Pos {
    const end = lastChildEnd ?? range.begin;
    if (end.line !== range.end.line || end.column !== range.end.column) {
      recordReferenceRange(range, { environment: range.environment, begin: range.begin, end });
    }
    return end;
  }

  /** Records that the reference has no node (and so no range) where we keep a placeholder. */
  recordAbsent(range: Range): void {
    recordReferenceRange(range, null);
  }

  /** Returns the reference end of an absent node whose name (alias) has `length` bytes. */
  absentEnd(start: Pos, length: number): Pos {
    return this.pos(start.line, start.column + length);
  }

  /** Records the reference range of a diagnostic subject that starts where `range` starts. */
  recordSubject(range: Range, end: Pos): Range {
    recordReferenceRange(range, { environment: range.environment, begin: range.begin, end });
    return range;
  }

  private pos(line: number, column: number): Pos {
    return this.doc.source.referencePos(line, column);
  }
}
