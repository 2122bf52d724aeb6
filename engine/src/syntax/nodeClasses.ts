// Concrete classes behind the syntax node interfaces of nodes.ts. Collections are created before
// their children (the composer is iterative), so their ranges are filled in when they complete.

import type { Pos, Range } from '../model.js';
import type {
  ArrayNode,
  BooleanNode,
  NullNode,
  NumberNode,
  ObjectEntry,
  ObjectNode,
  ScalarStyle,
  StringNode,
  SyntaxDocument,
  SyntaxNode,
} from './nodes.js';

/** A null node; also stands in for absent nodes (aliases, too-deep collections), which have no reference range. */
export class NullNodeImpl implements NullNode {
  readonly kind = 'null';
  constructor(
    readonly range: Range,
    readonly path: string,
    readonly doc: SyntaxDocument,
  ) {}
}

/** A boolean node. */
export class BooleanNodeImpl implements BooleanNode {
  readonly kind = 'boolean';
  constructor(
    readonly value: boolean,
    readonly range: Range,
    readonly path: string,
    readonly doc: SyntaxDocument,
  ) {}
}

/** A number node (decimal text). */
export class NumberNodeImpl implements NumberNode {
  readonly kind = 'number';
  constructor(
    readonly value: string,
    readonly range: Range,
    readonly path: string,
    readonly doc: SyntaxDocument,
  ) {}
}

/** Where a string scalar's text lies in the document, for mapping value offsets back to the source. */
export interface StringSource {
  /** UTF-16 offsets of the scalar's content (inside quotes; the body of a block scalar). */
  contentStart: number;
  contentEnd: number;
  /** For plain untagged scalars: the reference start position that sub-range columns are counted from. */
  referenceStart: Pos | null;
}

/** A string node; maps offsets of its value to the document text lazily. */
export class StringNodeImpl implements StringNode {
  readonly kind = 'string';
  tag?: string;
  /** Line map for `sourceOffset`: pairs (value offset, source offset) per line; null when ambiguous. */
  private lineMap: number[] | null | undefined;

  constructor(
    readonly value: string,
    readonly style: ScalarStyle,
    tag: string | undefined,
    readonly range: Range,
    /** Mutable inside the syntax layer: a key's path is known only once its value is resolved. */
    public path: string,
    readonly doc: SyntaxDocument,
    /** Internal: the scalar's place in the source. */
    readonly source: StringSource,
  ) {
    if (tag !== undefined) this.tag = tag;
  }

  /** Internal (incremental reparsing): the scalar moved by `delta` UTF-16 units in a new version of the text. */
  moveSource(delta: number): void {
    this.source.contentStart += delta;
    this.source.contentEnd += delta;
    this.lineMap = undefined;
  }

  /** Maps a UTF-16 offset into `value` to a UTF-16 offset into the document text, or undefined when ambiguous. */
  sourceOffset(valueOffset: number): number | undefined {
    if (valueOffset < 0 || valueOffset > this.value.length) return undefined;
    if (this.lineMap === undefined) this.lineMap = buildLineMap(this);
    const map = this.lineMap;
    if (map === null) return undefined;
    // Binary search for the last line whose value start is <= valueOffset.
    let lo = 0;
    let hi = map.length / 2 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (map[2 * mid]! <= valueOffset) lo = mid;
      else hi = mid - 1;
    }
    return map[2 * lo + 1]! + (valueOffset - map[2 * lo]!);
  }
}

/**
 * Builds the value→source line map: one line for scalars whose content is their value verbatim
 * (plain single-line, quoted without escapes or folding); one entry per line for literal block
 * scalars whose lines are the source lines minus indentation; null otherwise.
 */
function buildLineMap(node: StringNodeImpl): number[] | null {
  const text = node.doc.source.text;
  const { contentStart, contentEnd } = node.source;
  if (node.style !== 'literal' && node.style !== 'folded') {
    return text.slice(contentStart, contentEnd) === node.value ? [0, contentStart] : null;
  }
  if (node.style !== 'literal') return null;
  const lines = node.value.split('\n');
  const map: number[] = [];
  let src = contentStart;
  let valueOffset = 0;
  let indent = -1;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (src >= contentEnd) {
      // Only the empty remainder after the final line break may lie past the body.
      if (line !== '' || k !== lines.length - 1) return null;
      map.push(valueOffset, contentEnd);
      break;
    }
    let eol = text.indexOf('\n', src);
    if (eol < 0 || eol > contentEnd) eol = contentEnd;
    const sourceLine = text.slice(src, eol > src && text.charCodeAt(eol - 1) === 0x0d ? eol - 1 : eol);
    if (indent < 0 && line !== '') indent = sourceLine.length - line.length;
    const start = line === '' ? Math.min(src + Math.max(indent, 0), src + sourceLine.length) : src + indent;
    if (line !== '' && sourceLine.slice(indent) !== line) return null;
    map.push(valueOffset, start);
    valueOffset += line.length + 1;
    src = eol + 1;
  }
  return map;
}

/** An array node; `elements` grows while the composer fills it. */
export class ArrayNodeImpl implements ArrayNode {
  readonly kind = 'array';
  readonly elements: SyntaxNode[] = [];
  range!: Range;
  constructor(
    readonly path: string,
    readonly doc: SyntaxDocument,
  ) {}
}

/** An object node; `entries` grows while the composer fills it. */
export class ObjectNodeImpl implements ObjectNode {
  readonly kind = 'object';
  readonly entries: ObjectEntry[] = [];
  range!: Range;
  constructor(
    readonly path: string,
    readonly doc: SyntaxDocument,
  ) {}
}
