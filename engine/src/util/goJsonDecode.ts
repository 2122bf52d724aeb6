// Decoding of the first JSON value of a text as Go's json.Decoder with UseNumber does it (fn::fromJSON,
// spec §5.8): numbers keep their exact text, duplicate keys keep the last value, content after the
// first value is ignored, and errors carry Go's texts. The scanner below follows Go's
// encoding/json/scanner.go state by state over UTF-8 bytes, because Go's messages quote the
// offending byte. It is iterative; like Go it stops at 10000 levels of nesting.

import { goQuote } from './goQuote.js';
import { NumberText, type PlainValue } from './plain.js';
import { decodeUtf8, encodeUtf8 } from '../text/utf8.js';

/** The decoded value, or Go's error text (`EOF`, `unexpected EOF`, `invalid character …`). */
export type JSONDecodeResult = { ok: true; value: PlainValue } | { ok: false; error: string };

/** Decodes the first JSON value of `text` like Go's json.Decoder (UseNumber). */
export function decodeJSON(text: string): JSONDecodeResult {
  const r = new Scanner(encodeUtf8(text)).run();
  return typeof r === 'string' ? { ok: false, error: r } : { ok: true, value: r.value };
}

/** Go's maxNestingDepth. */
const MAX_DEPTH = 10000;

type State =
  | 'beginValue' | 'beginValueOrEmpty' | 'beginStringOrEmpty' | 'beginString' | 'endValue' | 'inString'
  | 'inStringEsc' | 'inStringEscU' | 'neg' | 'int' | 'zero' | 'dot' | 'dot0' | 'exp' | 'expSign' | 'exp0' | 'literal';

interface Container {
  value: PlainValue[] | Map<string, PlainValue>;
  /** Go's parse state: reading an object key, an object value, or an array element. */
  parse: 'objectKey' | 'objectValue' | 'arrayValue';
  key?: string;
}

class Scanner {
  private state: State = 'beginValue';
  private readonly stack: Container[] = [];
  private result: { value: PlainValue } | undefined;
  private tokenStart = 0;
  private escDigits = 0;
  private literalWord = '';
  private literalPos = 0;

  constructor(private readonly b: Uint8Array) {}

  run(): { value: PlainValue } | string {
    const b = this.b;
    let sawContent = false;
    for (let i = 0; i < b.length; i++) {
      const err = this.step(b[i]!, i);
      if (err !== undefined) return err;
      if (this.result) return this.result;
      if (!isSpace(b[i]!)) sawContent = true;
    }
    // At the end of input Go feeds a space: that completes a pending top-level number.
    const err = this.step(0x20, b.length);
    if (err === undefined && this.result) return this.result;
    return sawContent ? 'unexpected EOF' : 'EOF';
  }

  /** Processes byte `c` at offset `i`; returns Go's error text on a syntax error. */
  private step(c: number, i: number): string | undefined {
    switch (this.state) {
      case 'beginValueOrEmpty':
        if (isSpace(c)) return undefined;
        if (c === 0x5d) return this.endValue(c);
        return this.beginValue(c, i);
      case 'beginValue':
        return this.beginValue(c, i);
      case 'beginStringOrEmpty':
        if (isSpace(c)) return undefined;
        if (c === 0x7d) {
          this.stack[this.stack.length - 1]!.parse = 'objectValue';
          return this.endValue(c);
        }
        return this.beginString(c, i);
      case 'beginString':
        return this.beginString(c, i);
      case 'endValue':
        return this.endValue(c);
      case 'inString':
        if (c === 0x22) {
          this.state = 'endValue';
          return this.deliver(decodeString(this.b, this.tokenStart + 1, i));
        }
        if (c === 0x5c) this.state = 'inStringEsc';
        else if (c < 0x20) return error(c, 'in string literal');
        return undefined;
      case 'inStringEsc':
        if (c === 0x75) {
          this.state = 'inStringEscU';
          this.escDigits = 0;
        } else if ('bfnrt\\/"'.includes(String.fromCharCode(c))) this.state = 'inString';
        else return error(c, 'in string escape code');
        return undefined;
      case 'inStringEscU':
        if (!isHex(c)) return error(c, 'in \\u hexadecimal character escape');
        if (++this.escDigits === 4) this.state = 'inString';
        return undefined;
      case 'neg':
        if (c === 0x30) this.state = 'zero';
        else if (c >= 0x31 && c <= 0x39) this.state = 'int';
        else return error(c, 'in numeric literal');
        return undefined;
      case 'int':
        if (isDigit(c)) return undefined;
        return this.afterInt(c, i);
      case 'zero':
        return this.afterInt(c, i);
      case 'dot':
        if (!isDigit(c)) return error(c, 'after decimal point in numeric literal');
        this.state = 'dot0';
        return undefined;
      case 'dot0':
        if (isDigit(c)) return undefined;
        if (c === 0x65 || c === 0x45) {
          this.state = 'exp';
          return undefined;
        }
        return this.endNumber(c, i);
      case 'exp':
        if (c === 0x2b || c === 0x2d) {
          this.state = 'expSign';
          return undefined;
        }
        return this.expSign(c);
      case 'expSign':
        return this.expSign(c);
      case 'exp0':
        if (isDigit(c)) return undefined;
        return this.endNumber(c, i);
      case 'literal': {
        const want = this.literalWord.charCodeAt(this.literalPos);
        if (c !== want) return error(c, `in literal ${this.literalWord} (expecting ${quoteChar(want)})`);
        if (++this.literalPos === this.literalWord.length) {
          this.state = 'endValue';
          return this.deliver(this.literalWord === 'null' ? null : this.literalWord === 'true');
        }
        return undefined;
      }
    }
  }

  private beginValue(c: number, i: number): string | undefined {
    if (isSpace(c)) return undefined;
    this.tokenStart = i;
    switch (c) {
      case 0x7b:
        return this.open(c, { value: new Map(), parse: 'objectKey' }, 'beginStringOrEmpty');
      case 0x5b:
        return this.open(c, { value: [], parse: 'arrayValue' }, 'beginValueOrEmpty');
      case 0x22:
        this.state = 'inString';
        return undefined;
      case 0x2d:
        this.state = 'neg';
        return undefined;
      case 0x30:
        this.state = 'zero';
        return undefined;
      case 0x74:
      case 0x66:
      case 0x6e:
        this.state = 'literal';
        this.literalWord = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
        this.literalPos = 1;
        return undefined;
    }
    if (c >= 0x31 && c <= 0x39) {
      this.state = 'int';
      return undefined;
    }
    return error(c, 'looking for beginning of value');
  }

  private beginString(c: number, i: number): string | undefined {
    if (isSpace(c)) return undefined;
    if (c !== 0x22) return error(c, 'looking for beginning of object key string');
    this.tokenStart = i;
    this.state = 'inString';
    return undefined;
  }

  private open(c: number, container: Container, next: State): string | undefined {
    this.stack.push(container);
    if (this.stack.length > MAX_DEPTH) return error(c, 'exceeded max depth');
    this.state = next;
    return undefined;
  }

  private afterInt(c: number, i: number): string | undefined {
    if (c === 0x2e) {
      this.state = 'dot';
      return undefined;
    }
    if (c === 0x65 || c === 0x45) {
      this.state = 'exp';
      return undefined;
    }
    return this.endNumber(c, i);
  }

  private expSign(c: number): string | undefined {
    if (!isDigit(c)) return error(c, 'in exponent of numeric literal');
    this.state = 'exp0';
    return undefined;
  }

  private endNumber(c: number, i: number): string | undefined {
    let text = '';
    for (let k = this.tokenStart; k < i; k++) text += String.fromCharCode(this.b[k]!);
    this.state = 'endValue';
    this.deliver(new NumberText(text));
    return this.result ? undefined : this.endValue(c);
  }

  /** Go's stateEndValue: what may follow a complete value inside a container. */
  private endValue(c: number): string | undefined {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined || isSpace(c)) return undefined;
    switch (top.parse) {
      case 'objectKey':
        if (c !== 0x3a) return error(c, 'after object key');
        top.parse = 'objectValue';
        this.state = 'beginValue';
        return undefined;
      case 'objectValue':
        if (c === 0x2c) {
          top.parse = 'objectKey';
          this.state = 'beginString';
          return undefined;
        }
        if (c === 0x7d) return this.closeContainer();
        return error(c, 'after object key:value pair');
      case 'arrayValue':
        if (c === 0x2c) {
          this.state = 'beginValue';
          return undefined;
        }
        if (c === 0x5d) return this.closeContainer();
        return error(c, 'after array element');
    }
  }

  private closeContainer(): string | undefined {
    const done = this.stack.pop()!;
    this.state = 'endValue';
    return this.deliver(done.value);
  }

  /** Hands a finished value to its container (or completes the top-level value). */
  private deliver(v: PlainValue): string | undefined {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) this.result = { value: v };
    else if (top.parse === 'arrayValue') (top.value as PlainValue[]).push(v);
    else if (top.parse === 'objectKey') top.key = v as string;
    // Go's map assignment: a repeated key keeps the last value.
    else (top.value as Map<string, PlainValue>).set(top.key!, v);
    return undefined;
  }
}

/** Decodes the body of a JSON string (bytes between the quotes) as Go's unquote does. */
function decodeString(b: Uint8Array, start: number, end: number): string {
  let out = '';
  let run = start;
  const flush = (to: number) => {
    if (to > run) out += decodeUtf8(b.subarray(run, to)).text;
  };
  for (let i = start; i < end; ) {
    if (b[i] !== 0x5c) {
      i++;
      continue;
    }
    flush(i);
    const e = b[i + 1]!;
    if (e !== 0x75) {
      out += ESCAPES[e] ?? String.fromCharCode(e);
      i += 2;
    } else {
      let cp = hex4(b, i + 2);
      i += 6;
      if (cp >= 0xd800 && cp <= 0xdfff) {
        // A surrogate pairs with a following \u low surrogate; otherwise it becomes U+FFFD.
        const lo = b[i] === 0x5c && b[i + 1] === 0x75 && i + 6 <= end ? hex4(b, i + 2) : -1;
        if (cp <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          i += 6;
        } else cp = 0xfffd;
      }
      out += String.fromCodePoint(cp);
    }
    run = i;
  }
  flush(end);
  return out;
}

const ESCAPES: Record<number, string> = { 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t' };

function hex4(b: Uint8Array, at: number): number {
  let v = 0;
  for (let k = 0; k < 4; k++) v = v * 16 + parseInt(String.fromCharCode(b[at + k]!), 16);
  return v;
}

/** Go's SyntaxError text: `invalid character 'x' <context>`. */
function error(c: number, context: string): string {
  return `invalid character ${quoteChar(c)} ${context}`;
}

/** Go's quoteChar: the byte as a rune, quoted with single quotes. */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  const s = goQuote(String.fromCharCode(c));
  return "'" + s.slice(1, -1) + "'";
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}
