// Parsing of interpolated strings and property accesses (§4.2, §4.3): "hello ${a.b["c"][0]}".
// Offsets are UTF-16 offsets into the decoded string; the syntax layer maps them to ranges.

import { errorDiag, type Diagnostic } from '../diagnostics.js';
import type { Range } from '../model.js';
import { subRange } from '../syntax/index.js';
import type { StringNode } from '../syntax/nodes.js';
import type { Interpolation, PropertyAccess, PropertyAccessor } from './expr.js';
import { parseGoInt } from '../util/goStrconv.js';

/** Messages of interpolation parse errors (load diagnostics). */
export const InterpolationMessages = {
  missingBrace: "missing closing brace '}' in interpolation",
  emptyName: 'property name must not be empty',
  missingBracket: "subscript is missing closing bracket ']'",
  missingQuote: "key subscript is missing closing quote '\"'",
  emptyKey: 'key subscript must not be empty',
  badIndex: 'numeric subscript must be a positive base-10 integer',
  firstNumeric: 'the first accessor must be a property name or key subscript, not a numeric subscript',
} as const;

/** Result of parsing an interpolated string. */
export interface ParsedInterpolation {
  parts: Interpolation[];
  diagnostics: Diagnostic[];
}

/**
 * Parses a string for `${...}` interpolations and `$$` escapes. `node` (when present) gives ranges
 * to accessors and diagnostics; without it (e.g. command-line arguments) nothing has a range.
 */
export function parseInterpolation(value: string, node?: StringNode): ParsedInterpolation {
  const p = new Parser(value, node);
  p.parseString();
  return { parts: p.parts, diagnostics: p.diags };
}

/** Parses a whole property access such as `a.b[0]` (without `${`/`}`), as used by `${...}` bodies. */
export function parsePropertyAccessText(text: string): ParsedInterpolation {
  return parseInterpolation('${' + text + '}');
}

// Go's unicode.IsSpace applied to single bytes: \t \n \v \f \r, space, U+0085 and U+00A0. We test
// whole code points, so multi-byte characters whose UTF-8 encoding contains 0x85 or 0xA0 (such as
// "à") are ordinary name characters here — a deliberate divergence from the reference, which cuts them.
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
}

const DOT = 0x2e;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const RBRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const DOLLAR = 0x24;
const LBRACE = 0x7b;

function isNameTerminator(c: number): boolean {
  return c === DOT || c === LBRACKET || c === RBRACE || isSpace(c);
}

class Parser {
  readonly parts: Interpolation[] = [];
  readonly diags: Diagnostic[] = [];
  private pos = 0;

  constructor(
    private readonly s: string,
    private readonly node: StringNode | undefined,
  ) {}

  parseString(): void {
    const s = this.s;
    let text = '';
    let chunkStart = 0;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === DOLLAR && this.pos + 1 < s.length) {
        const d = s.charCodeAt(this.pos + 1);
        if (d === DOLLAR) {
          text += s.slice(chunkStart, this.pos + 1);
          this.pos += 2;
          chunkStart = this.pos;
          continue;
        }
        if (d === LBRACE) {
          text += s.slice(chunkStart, this.pos);
          this.pos += 2;
          const access = this.parseAccess();
          this.parts.push({ text, value: access });
          text = '';
          chunkStart = this.pos;
          continue;
        }
      }
      this.pos++;
    }
    text += s.slice(chunkStart);
    if (text !== '') this.parts.push({ text });
  }

  private parseAccess(): PropertyAccess {
    const s = this.s;
    const accessors: PropertyAccessor[] = [];
    const start = this.pos;
    for (;;) {
      if (this.pos >= s.length) {
        this.error(InterpolationMessages.missingBrace, this.pos, this.pos);
        break;
      }
      const c = s.charCodeAt(this.pos);
      if (c === RBRACE) {
        this.pos++;
        break;
      }
      if (c === DOT) {
        accessors.push(this.parseName(this.pos, this.pos + 1));
      } else if (c === LBRACKET) {
        accessors.push(this.parseSubscript(accessors.length === 0));
      } else if (isSpace(c)) {
        this.error(InterpolationMessages.missingBrace, this.pos, this.pos);
        break;
      } else {
        accessors.push(this.parseName(this.pos, this.pos));
      }
    }
    if (accessors.length === 0) accessors.push(this.name('', start, this.pos));
    return { accessors };
  }

  private parseName(start: number, nameStart: number): PropertyAccessor {
    const s = this.s;
    let i = nameStart;
    while (i < s.length && !isNameTerminator(s.charCodeAt(i))) i++;
    this.pos = i;
    const name = s.slice(nameStart, i);
    if (name === '') this.error(InterpolationMessages.emptyName, start, i);
    return this.name(name, start, i);
  }

  private parseSubscript(first: boolean): PropertyAccessor {
    const s = this.s;
    const open = this.pos;
    this.pos++; // '['
    if (this.pos >= s.length) {
      this.error(InterpolationMessages.missingBracket, open, this.pos);
      return this.subscript('', open, this.pos);
    }
    let index: string | number;
    if (s.charCodeAt(this.pos) === QUOTE) {
      const quote = this.pos;
      this.pos++;
      let key = '';
      let chunk = this.pos;
      let closed = false;
      while (this.pos < s.length) {
        const c = s.charCodeAt(this.pos);
        if (c === BACKSLASH && this.pos + 1 < s.length && s.charCodeAt(this.pos + 1) === QUOTE) {
          key += s.slice(chunk, this.pos) + '"';
          this.pos += 2;
          chunk = this.pos;
          continue;
        }
        if (c === QUOTE) {
          key += s.slice(chunk, this.pos);
          this.pos++;
          closed = true;
          break;
        }
        this.pos++;
      }
      if (!closed) {
        key += s.slice(chunk, this.pos);
        this.error(InterpolationMessages.missingQuote, quote, this.pos);
      } else if (key === '') {
        this.error(InterpolationMessages.emptyKey, quote, this.pos);
      }
      index = key;
    } else {
      const digitsStart = this.pos;
      let i = this.pos;
      while (i < s.length) {
        const c = s.charCodeAt(i);
        if (c === RBRACKET || isNameTerminator(c)) break;
        i++;
      }
      this.pos = i;
      const text = s.slice(digitsStart, i);
      // Go's strconv.Atoi: optional sign, base-10 digits, int64 range.
      const parsed = parseGoInt(text);
      const n = parsed.ok ? Number(parsed.value) : undefined;
      if (n === undefined) {
        this.error(InterpolationMessages.badIndex, digitsStart, i);
        index = text;
      } else {
        if (first) this.error(InterpolationMessages.firstNumeric, open, i);
        index = n;
      }
    }
    if (this.pos < s.length && s.charCodeAt(this.pos) === RBRACKET) {
      this.pos++;
    } else {
      this.error(InterpolationMessages.missingBracket, open, this.pos);
    }
    return this.subscript(index, open, this.pos);
  }

  private name(name: string, start: number, end: number): PropertyAccessor {
    const range = this.range(start, end);
    return range ? { kind: 'name', name, range } : { kind: 'name', name };
  }

  private subscript(index: string | number, start: number, end: number): PropertyAccessor {
    const range = this.range(start, end);
    return range ? { kind: 'subscript', index, range } : { kind: 'subscript', index };
  }

  private range(start: number, end: number): Range | undefined {
    return this.node ? subRange(this.node, start, end) : undefined;
  }

  private error(summary: string, start: number, end: number): void {
    this.diags.push(errorDiag(summary, this.range(start, end) ?? this.node?.range, this.node?.path ?? ''));
  }
}
