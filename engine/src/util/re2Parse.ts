// Parser for Go's RE2 regular expression syntax (regexp/syntax with the Perl flags regexp.Compile
// uses). It accepts exactly what Go accepts, reports Go's error texts, and produces a small syntax
// tree that re2.ts turns into a JavaScript RegExp and a linear-time matcher. It follows the structure
// of Go's parse.go (a single left-to-right pass with a stack of open groups), so the first error
// found is the one Go reports. Syntax errors are thrown inside this module only, to unwind the
// parse; parseRe2 turns them into a result.

import { complement, PERL_CLASSES, POSIX_CLASSES, unicodeTable } from './re2Classes.js';

/** A Unicode property test inside a character class: a union of JS property names, possibly negated. */
export interface PropItem {
  names: string[];
  negated: boolean;
}

/** A character class: code point ranges (pairs, inclusive) plus Unicode properties, possibly negated. */
export interface CharClass {
  ranges: number[];
  props: PropItem[];
  negated: boolean;
}

/** A node of the parsed expression. `fold` marks case-insensitive matching ((?i)). */
export type Re2Node =
  | { kind: 'empty' }
  | { kind: 'literal'; cp: number; fold: boolean }
  | { kind: 'class'; cls: CharClass; fold: boolean }
  | { kind: 'any'; newline: boolean }
  | { kind: 'assert'; what: 'beginText' | 'endText' | 'beginLine' | 'endLine' | 'wordBoundary' | 'noWordBoundary' }
  | { kind: 'group'; sub: Re2Node; capture: boolean }
  | { kind: 'concat'; subs: Re2Node[] }
  | { kind: 'alternate'; subs: Re2Node[] }
  | { kind: 'repeat'; sub: Re2Node; min: number; max: number; greedy: boolean };

/** Result of parsing: the tree, or Go's error text (`error parsing regexp: …`). */
export type Re2ParseResult = { ok: true; node: Re2Node } | { ok: false; error: string };

/** Parses a Go RE2 pattern. */
export function parseRe2(pattern: string): Re2ParseResult {
  try {
    return { ok: true, node: new Parser(pattern).parse() };
  } catch (e) {
    if (e instanceof Re2SyntaxError) return { ok: false, error: e.message };
    throw e;
  }
}

/** Go's limit on counted repetitions (and on their nested products). */
const MAX_REPEAT = 1000;
/** Go's limit on nesting (regexp/syntax maxHeight). */
const MAX_DEPTH = 1000;

class Re2SyntaxError extends Error {
  constructor(code: string, expr: string) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
  }
}

const E = {
  invalidCharRange: 'invalid character class range',
  invalidEscape: 'invalid escape sequence',
  invalidNamedCapture: 'invalid named capture',
  invalidPerlOp: 'invalid or unsupported Perl syntax',
  invalidRepeatOp: 'invalid nested repetition operator',
  invalidRepeatSize: 'invalid repeat count',
  missingBracket: 'missing closing ]',
  missingParen: 'missing closing )',
  missingRepeatArgument: 'missing argument to repetition operator',
  trailingBackslash: 'trailing backslash at end of expression',
  unexpectedParen: 'unexpected )',
  nestingDepth: 'expression nests too deeply',
} as const;

interface Flags {
  fold: boolean;
  /** `^`/`$` match only at the text's ends (Go's OneLine; cleared by (?m)). */
  oneLine: boolean;
  dotNL: boolean;
  nonGreedy: boolean;
}

interface Frame {
  alts: Re2Node[][];
  items: Re2Node[];
  /** Flags to restore when the group closes. */
  outer: Flags;
  capture: boolean;
}

class Parser {
  private i = 0;
  private flags: Flags = { fold: false, oneLine: true, dotNL: false, nonGreedy: false };
  private readonly stack: Frame[] = [];
  private lastRepeat = -1;

  constructor(private readonly s: string) {}

  parse(): Re2Node {
    this.stack.push({ alts: [], items: [], outer: this.flags, capture: false });
    const s = this.s;
    while (this.i < s.length) {
      const start = this.i;
      let repeatStart = -1;
      const c = s[this.i]!;
      if (c === '(') {
        if (s[this.i + 1] === '?') this.parsePerlFlags();
        else {
          this.openGroup(true, this.flags);
          this.i++;
        }
      } else if (c === '|') {
        const f = this.top();
        f.alts.push(f.items);
        f.items = [];
        this.i++;
      } else if (c === ')') {
        this.closeGroup();
      } else if (c === '^') {
        this.push({ kind: 'assert', what: this.flags.oneLine ? 'beginText' : 'beginLine' });
        this.i++;
      } else if (c === '$') {
        this.push({ kind: 'assert', what: this.flags.oneLine ? 'endText' : 'endLine' });
        this.i++;
      } else if (c === '.') {
        this.push({ kind: 'any', newline: this.flags.dotNL });
        this.i++;
      } else if (c === '[') {
        this.push({ kind: 'class', cls: this.parseClass(), fold: this.flags.fold });
      } else if (c === '*' || c === '+' || c === '?') {
        this.i++;
        this.repeat(c === '*' ? 0 : c === '+' ? 1 : 0, c === '?' ? 1 : -1, start, false);
        repeatStart = start;
      } else if (c === '{') {
        const r = this.parseRepeatBraces();
        if (r === undefined) {
          this.literal(0x7b);
          this.i++;
        } else {
          this.i = r.end;
          if (r.min < 0 || r.min > MAX_REPEAT || r.max > MAX_REPEAT || (r.max >= 0 && r.min > r.max)) {
            throw new Re2SyntaxError(E.invalidRepeatSize, s.slice(start, r.end));
          }
          this.repeat(r.min, r.max, start, true);
          repeatStart = start;
        }
      } else if (c === '\\') {
        this.parseBackslash();
      } else {
        this.literal(this.nextRune());
      }
      this.lastRepeat = repeatStart;
    }
    if (this.stack.length !== 1) throw new Re2SyntaxError(E.missingParen, s);
    return finish(this.stack[0]!);
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  private push(n: Re2Node): void {
    this.top().items.push(n);
  }

  private literal(cp: number): void {
    this.push({ kind: 'literal', cp, fold: this.flags.fold });
  }

  private nextRune(): number {
    const cp = this.s.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private openGroup(capture: boolean, outer: Flags): void {
    if (this.stack.length > MAX_DEPTH) throw new Re2SyntaxError(E.nestingDepth, this.s);
    this.stack.push({ alts: [], items: [], outer, capture });
  }

  private closeGroup(): void {
    if (this.stack.length < 2) throw new Re2SyntaxError(E.unexpectedParen, this.s);
    const f = this.stack.pop()!;
    this.flags = f.outer;
    this.push({ kind: 'group', sub: finish(f), capture: f.capture });
    this.i++;
  }

  /** Applies a repetition operator that ended at `this.i` (before any lazy `?`). */
  private repeat(min: number, max: number, start: number, counted: boolean): void {
    let greedy = !this.flags.nonGreedy;
    if (this.s[this.i] === '?') {
      this.i++;
      greedy = !greedy;
    }
    if (this.lastRepeat >= 0) throw new Re2SyntaxError(E.invalidRepeatOp, this.s.slice(this.lastRepeat, this.i));
    const items = this.top().items;
    if (items.length === 0) throw new Re2SyntaxError(E.missingRepeatArgument, this.s.slice(start, this.i));
    const node: Re2Node = { kind: 'repeat', sub: items.pop()!, min, max, greedy };
    if (counted && (min >= 2 || max >= 2) && !repeatIsValid(node, MAX_REPEAT)) {
      throw new Re2SyntaxError(E.invalidRepeatSize, this.s.slice(start, this.i));
    }
    items.push(node);
  }

  /** Parses `{n}`, `{n,}` or `{n,m}` at `this.i`; undefined when it is not a repetition (then `{` is a literal). */
  private parseRepeatBraces(): { min: number; max: number; end: number } | undefined {
    let j = this.i + 1;
    const a = this.parseInt(j);
    if (a === undefined) return undefined;
    j = a.end;
    let max: number;
    let min = a.n;
    if (j >= this.s.length) return undefined;
    if (this.s[j] !== ',') max = min;
    else {
      j++;
      if (j >= this.s.length) return undefined;
      if (this.s[j] === '}') max = -1;
      else {
        const b = this.parseInt(j);
        if (b === undefined) return undefined;
        j = b.end;
        max = b.n;
        if (max < 0) min = -1;
      }
    }
    if (this.s[j] !== '}') return undefined;
    return { min, max, end: j + 1 };
  }

  /** Go's parseInt: digits without leading zeros; values of 1e8 and more become -1. */
  private parseInt(j: number): { n: number; end: number } | undefined {
    const s = this.s;
    if (!isDigit(s[j])) return undefined;
    if (s[j] === '0' && isDigit(s[j + 1])) return undefined;
    let n = 0;
    let k = j;
    for (; isDigit(s[k]); k++) if (n >= 0) n = n >= 1e8 ? -1 : n * 10 + (s.charCodeAt(k) - 48);
    return { n, end: k };
  }

  /** Parses `(?…`: named groups, flag changes and non-capturing groups. */
  private parsePerlFlags(): void {
    const s = this.s;
    const t = s.slice(this.i);
    const withP = t.length > 4 && t[2] === 'P' && t[3] === '<';
    if (withP || (t.length > 3 && t[2] === '<')) {
      const end = t.indexOf('>');
      if (end < 0) throw new Re2SyntaxError(E.invalidNamedCapture, t);
      const name = t.slice(withP ? 4 : 3, end);
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Re2SyntaxError(E.invalidNamedCapture, t.slice(0, end + 1));
      this.openGroup(true, this.flags);
      this.i += end + 1;
      return;
    }
    const flags = { ...this.flags };
    let negate = false;
    let sawFlag = false;
    let j = this.i + 2;
    while (j < s.length) {
      const c = s[j++]!;
      if (c === 'i' || c === 'm' || c === 's' || c === 'U') {
        const on = !negate;
        if (c === 'i') flags.fold = on;
        else if (c === 'm') flags.oneLine = !on;
        else if (c === 's') flags.dotNL = on;
        else flags.nonGreedy = on;
        sawFlag = true;
      } else if (c === '-' && !negate) {
        negate = true;
        sawFlag = false;
      } else if ((c === ':' || c === ')') && !(negate && !sawFlag)) {
        if (c === ':') {
          this.openGroup(false, this.flags);
          this.flags = flags;
        } else this.flags = flags;
        this.i = j;
        return;
      } else {
        // Go consumes a code point here; report the text up to and including it.
        const cp = s.codePointAt(j - 1)!;
        throw new Re2SyntaxError(E.invalidPerlOp, s.slice(this.i, j - 1 + (cp > 0xffff ? 2 : 1)));
      }
    }
    throw new Re2SyntaxError(E.invalidPerlOp, s.slice(this.i));
  }

  /** Parses an escape outside a class: assertions, \Q…\E, classes (\d, \pL) or a literal. */
  private parseBackslash(): void {
    const s = this.s;
    const c = s[this.i + 1];
    const assertion = c === 'A' ? 'beginText' : c === 'z' ? 'endText' : c === 'b' ? 'wordBoundary' : c === 'B' ? 'noWordBoundary' : undefined;
    if (assertion) {
      this.push({ kind: 'assert', what: assertion });
      this.i += 2;
      return;
    }
    if (c === 'C') throw new Re2SyntaxError(E.invalidEscape, '\\C');
    if (c === 'Q') {
      const end = s.indexOf('\\E', this.i + 2);
      const lit = s.slice(this.i + 2, end < 0 ? s.length : end);
      for (const ch of lit) this.literal(ch.codePointAt(0)!);
      this.i = end < 0 ? s.length : end + 2;
      return;
    }
    const cls: CharClass = { ranges: [], props: [], negated: false };
    if (this.parseUnicodeClass(cls) || this.parsePerlClass(cls)) {
      this.push({ kind: 'class', cls, fold: this.flags.fold });
      return;
    }
    this.literal(this.parseEscape());
  }

  /** Parses `\pN`, `\p{Name}`, `\PN`, `\p{^Name}` at `this.i` into `cls`; false when not at one. */
  private parseUnicodeClass(cls: CharClass): boolean {
    const s = this.s;
    if (s[this.i] !== '\\' || (s[this.i + 1] !== 'p' && s[this.i + 1] !== 'P')) return false;
    let negated = s[this.i + 1] === 'P';
    let name: string;
    let end: number;
    if (s[this.i + 2] !== '{') {
      const cp = s.codePointAt(this.i + 2);
      end = cp === undefined ? this.i + 2 : this.i + 2 + (cp > 0xffff ? 2 : 1);
      name = s.slice(this.i + 2, end);
    } else {
      const close = s.indexOf('}', this.i);
      if (close < 0) throw new Re2SyntaxError(E.invalidCharRange, s.slice(this.i));
      name = s.slice(this.i + 3, close);
      end = close + 1;
    }
    const seq = s.slice(this.i, end);
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    const names = unicodeTable(name);
    if (names === undefined) throw new Re2SyntaxError(E.invalidCharRange, seq);
    cls.props.push({ names, negated });
    this.i = end;
    return true;
  }

  /** Parses `\d \s \w \D \S \W` at `this.i` into `cls`; false when not at one. */
  private parsePerlClass(cls: CharClass): boolean {
    const c = this.s[this.i + 1];
    if (this.s[this.i] !== '\\' || c === undefined) return false;
    const r = PERL_CLASSES[c.toLowerCase()];
    if (r === undefined || !/[dswDSW]/.test(c)) return false;
    cls.ranges.push(...(c === c.toUpperCase() ? complement(r) : r));
    this.i += 2;
    return true;
  }

  /** Parses a single-character escape at `this.i` (Go's parseEscape) and returns its code point. */
  private parseEscape(): number {
    const s = this.s;
    const start = this.i;
    if (start + 1 >= s.length) throw new Re2SyntaxError(E.trailingBackslash, '');
    this.i++;
    const c = this.nextRune();
    const fail = () => new Re2SyntaxError(E.invalidEscape, s.slice(start, this.i));
    if (c < 0x80 && !/[0-9A-Za-z]/.test(String.fromCharCode(c))) return c;
    if (c >= 0x31 && c <= 0x37 && !isOctal(s[this.i])) throw fail(); // a backreference
    if (c >= 0x30 && c <= 0x37) {
      let r = c - 0x30;
      for (let k = 1; k < 3 && isOctal(s[this.i]); k++) r = r * 8 + (s.charCodeAt(this.i++) - 0x30);
      return r;
    }
    if (c === 0x78 /* x */) {
      if (this.i >= s.length) throw fail();
      const d = this.nextRune();
      if (d === 0x7b /* { */) {
        let r = 0;
        let n = 0;
        for (;;) {
          if (this.i >= s.length) throw fail();
          const h = this.nextRune();
          if (h === 0x7d) break;
          const v = unhex(h);
          if (v < 0) throw fail();
          r = r * 16 + v;
          if (r > 0x10ffff) throw fail();
          n++;
        }
        if (n === 0) throw fail();
        return r;
      }
      const x = unhex(d);
      const y = this.i < s.length ? unhex(this.nextRune()) : -1;
      if (x < 0 || y < 0) throw fail();
      return x * 16 + y;
    }
    const simple: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
    const v = simple[String.fromCodePoint(c)];
    if (v !== undefined) return v;
    throw fail();
  }

  /** Parses a bracketed class at `this.i` (Go's parseClass). */
  private parseClass(): CharClass {
    const s = this.s;
    const whole = s.slice(this.i);
    const cls: CharClass = { ranges: [], props: [], negated: false };
    this.i++;
    if (s[this.i] === '^') {
      cls.negated = true;
      this.i++;
    }
    let first = true;
    while (this.i >= s.length || s[this.i] !== ']' || first) {
      first = false;
      if (s[this.i] === '[' && s[this.i + 1] === ':' && this.i + 2 < s.length) {
        const close = s.indexOf(':]', this.i + 2);
        if (close >= 0) {
          const name = s.slice(this.i, close + 2);
          const m = /^\[:(\^?)([a-z]+):\]$/.exec(name);
          const r = m ? POSIX_CLASSES[m[2]!] : undefined;
          if (!m || r === undefined) throw new Re2SyntaxError(E.invalidCharRange, name);
          cls.ranges.push(...(m[1] ? complement(r) : r));
          this.i = close + 2;
          continue;
        }
      }
      if (this.parseUnicodeClass(cls) || this.parsePerlClass(cls)) continue;
      const rangeStart = this.i;
      const lo = this.parseClassChar(whole);
      let hi = lo;
      if (s[this.i] === '-' && this.i + 1 < s.length && s[this.i + 1] !== ']') {
        this.i++;
        hi = this.parseClassChar(whole);
        if (hi < lo) throw new Re2SyntaxError(E.invalidCharRange, s.slice(rangeStart, this.i));
      }
      cls.ranges.push(lo, hi);
    }
    this.i++;
    return cls;
  }

  private parseClassChar(whole: string): number {
    if (this.i >= this.s.length) throw new Re2SyntaxError(E.missingBracket, whole);
    return this.s[this.i] === '\\' ? this.parseEscape() : this.nextRune();
  }
}

function finish(f: Frame): Re2Node {
  const alts = [...f.alts, f.items].map((items): Re2Node => (items.length === 1 ? items[0]! : items.length === 0 ? { kind: 'empty' } : { kind: 'concat', subs: items }));
  return alts.length === 1 ? alts[0]! : { kind: 'alternate', subs: alts };
}

/** Go's repeatIsValid: nested counted repetitions may not multiply beyond `n`. */
function repeatIsValid(node: Re2Node, n: number): boolean {
  const todo: Array<[Re2Node, number]> = [[node, n]];
  while (todo.length > 0) {
    const [re, budget] = todo.pop()!;
    let b = budget;
    if (re.kind === 'repeat') {
      // `*`, `+` and `?` are not counted repetitions in Go, but as {0,}, {1,} and {0,1} they divide by at most 1.
      if (re.max === 0) continue;
      const m = re.max < 0 ? re.min : re.max;
      if (m > b) return false;
      if (m > 0) b = Math.floor(b / m);
    }
    if (re.kind === 'repeat' || re.kind === 'group') todo.push([re.sub, b]);
    else if (re.kind === 'concat' || re.kind === 'alternate') for (const sub of re.subs) todo.push([sub, b]);
  }
  return true;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isOctal(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '7';
}

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}
