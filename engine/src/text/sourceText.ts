// The one module that does position arithmetic. The canonical unit is the UTF-16 offset into the
// document text; every other form (ESC Pos, LSP position, Range) is derived here and nowhere else.
// Line breaks are `\n`, `\r\n` and `\r`, as in LSP and libyaml.

import type { Pos, Range } from '../model.js';

/** An LSP position: 0-based line, 0-based character counted in UTF-16 code units. */
export interface LspPosition {
  line: number;
  character: number;
}

/** A document text with a line index, converting between offsets, ESC positions and LSP positions. */
export class SourceText {
  /** UTF-16 offset of the start of each line. */
  private readonly lineStarts: number[];
  /** UTF-8 byte offset of the start of each line. */
  private readonly lineBytes: number[];
  /** 1 when the line (without its break) is pure ASCII, so offsets, columns and bytes move together. */
  private readonly asciiLines: Uint8Array;
  /** Line index of the last lookup: consecutive lookups are usually on the same or the next line. */
  private lastLine = 0;

  constructor(readonly text: string) {
    const starts = [0];
    const bytes = [0];
    const ascii: number[] = [];
    let isAscii = 1;
    let byte = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        byte++;
        if (c === 0x0a || c === 0x0d) {
          if (c === 0x0d && i + 1 < n && text.charCodeAt(i + 1) === 0x0a) {
            i++;
            byte++;
          }
          ascii.push(isAscii);
          isAscii = 1;
          starts.push(i + 1);
          bytes.push(byte);
        }
        continue;
      }
      isAscii = 0;
      if (c < 0x800) byte += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1))) {
        byte += 4;
        i++;
      } else byte += 3;
    }
    ascii.push(isAscii);
    this.lineStarts = starts;
    this.lineBytes = bytes;
    this.asciiLines = Uint8Array.from(ascii);
  }

  /** Number of lines (a text ending with a line break has a final empty line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Returns the 0-based index of the line containing `offset` (clamped to the text). */
  lineIndex(offset: number): number {
    const starts = this.lineStarts;
    const last = starts.length - 1;
    let i = this.lastLine;
    if (offset >= starts[i]! && (i === last || offset < starts[i + 1]!)) return i;
    if (i < last && offset >= starts[i + 1]! && (i + 1 === last || offset < starts[i + 2]!)) {
      this.lastLine = i + 1;
      return i + 1;
    }
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.lastLine = lo;
    return lo;
  }

  /** Returns the ESC position (1-based line, 1-based code point column, true UTF-8 byte) of a UTF-16 offset. */
  pos(offset: number): Pos {
    const o = clamp(offset, 0, this.text.length);
    const line = this.lineIndex(o);
    const start = this.lineStarts[line]!;
    if (this.asciiLines[line] === 1) return { line: line + 1, column: o - start + 1, byte: this.lineBytes[line]! + (o - start) };
    let column = 1;
    let byte = this.lineBytes[line]!;
    const text = this.text;
    for (let i = start; i < o; i++) {
      const c = text.charCodeAt(i);
      column++;
      if (c < 0x80) byte++;
      else if (c < 0x800) byte += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < o && isLowSurrogate(text.charCodeAt(i + 1))) {
        byte += 4;
        i++;
      } else byte += 3;
    }
    return { line: line + 1, column, byte };
  }

  /** Returns the UTF-16 offset of an ESC (line, column) position, clamped to the line's content and the text. */
  offsetOfPos(line: number, column: number): number {
    if (line < 1) return 0;
    if (line > this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[line - 1]!;
    const end = this.contentEnd(line - 1);
    if (column <= 1) return start;
    if (this.asciiLines[line - 1] === 1) return Math.min(start + column - 1, end);
    let i = start;
    for (let c = 1; c < column && i < end; c++) {
      // A surrogate pair is one code point; a lone surrogate counts as one on its own, as in pos().
      i += isHighSurrogate(this.text.charCodeAt(i)) && i + 1 < end && isLowSurrogate(this.text.charCodeAt(i + 1)) ? 2 : 1;
    }
    return i;
  }

  /** Returns the LSP position (0-based line, UTF-16 character) of a UTF-16 offset. */
  lspPosition(offset: number): LspPosition {
    const o = clamp(offset, 0, this.text.length);
    const line = this.lineIndex(o);
    return { line, character: o - this.lineStarts[line]! };
  }

  /** Returns the UTF-16 offset of an LSP position, clamped to the text and to the line's content (LSP semantics). */
  offsetAt(position: LspPosition): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    return clamp(start + Math.max(0, position.character), start, this.contentEnd(position.line));
  }

  /** Returns the LSP position of an ESC position. */
  lspPositionOfPos(pos: Pos): LspPosition {
    return this.lspPosition(this.offsetOfPos(pos.line, pos.column));
  }

  /** Returns the true range of `[start, end)` (UTF-16 offsets) in the environment named `environment`. */
  range(environment: string, start: number, end: number): Range {
    return { environment, begin: this.pos(start), end: this.pos(end) };
  }

  /**
   * Returns a position for a (line, column) pair that may lie past the end of its line, as the
   * reference evaluator's coordinates sometimes do; the byte is the true byte of the clamped
   * position plus the overshoot in columns (reference bytes are never compared).
   */
  referencePos(line: number, column: number): Pos {
    const offset = this.offsetOfPos(line, column);
    const p = this.pos(offset);
    return { line, column, byte: p.byte + Math.max(0, column - p.column) };
  }

  /** Returns the UTF-16 offset just before the line break of line `index` (0-based). */
  private contentEnd(index: number): number {
    if (index + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[index + 1]!;
    const text = this.text;
    if (end > 0 && text.charCodeAt(end - 1) === 0x0a) end--;
    if (end > 0 && text.charCodeAt(end - 1) === 0x0d) end--;
    return Math.max(end, this.lineStarts[index]!);
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
