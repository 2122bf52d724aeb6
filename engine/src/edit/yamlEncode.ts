// YAML output the way yaml.v3's encoder writes plain data (`esc open --format yaml` with indent 3,
// rotation patches with indent 4; spec §9.5, §13.2). This is a port of the parts of yaml.v3's
// encoder and libyaml emitter that plain data reaches: block mappings and sequences, flow `{}`/`[]`
// for empty ones (and flow style inside flow collections), its scalar analysis and style choice
// (plain, single-quoted, double-quoted, literal), its indentation arithmetic, keys in natural order,
// and no line folding (yaml.v3 sets an unlimited width).

import { isYamlTimestamp } from '../syntax/timestamp.js';
import { resolveScalar } from '../syntax/scalars.js';
import { compareNatural } from '../util/naturalOrder.js';
import { NumberText, type PlainValue } from '../util/plain.js';
import { utf8Length } from '../text/utf8.js';

/** Options of the encoder. */
export interface YamlEncodeOptions {
  /** Spaces per indentation level (yaml.v3's default is 4; `esc open` uses 3). */
  indent?: number;
  /** Write numbers as double-quoted strings, as the reference does (its numbers are Go strings). */
  numbersAsStrings?: boolean;
  /** Keep each Map's own key order (as yaml.v3 writes document nodes) instead of natural order (Go maps). */
  keepKeyOrder?: boolean;
}

/** A scalar style yaml.v3 may be asked for. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

/** Encodes plain data as a YAML document (ending with a newline), like yaml.v3's Marshal. */
export function encodeYaml(value: PlainValue, options: YamlEncodeOptions = {}): string {
  const e = new Emitter(options.indent ?? 4, options.numbersAsStrings ?? false, options.keepKeyOrder ?? false);
  e.node(value, false, false);
  e.writeIndent();
  return e.text();
}

/** Encodes plain data as flow-style YAML on one line, as yaml.v3 writes it inside a flow collection. */
export function encodeYamlFlow(value: PlainValue, options: YamlEncodeOptions = {}): string {
  const e = new Emitter(options.indent ?? 4, options.numbersAsStrings ?? false, options.keepKeyOrder ?? false);
  e.flowLevel = 1;
  e.node(value, false, false);
  return e.text();
}

/**
 * Writes a string scalar with a requested style, as yaml.v3 writes a yaml.Node of that style: the
 * emitter falls back to another style when the requested one cannot represent the text. In block
 * context the result is a root-level scalar (a literal's lines are indented by `indent`).
 */
export function encodeYamlScalar(value: string, style: ScalarStyle, flow: boolean, indent = 4): string {
  const e = new Emitter(indent, false, false);
  e.flowLevel = flow ? 1 : 0;
  e.scalar(value, style, false, false);
  return e.text();
}

/** Returns the style yaml.v3's encoder asks for when it writes the Go string `s` (stringv). */
export function stringStyle(s: string): ScalarStyle {
  if (s.includes('\n')) return 'literal';
  return wouldResolveToString(s) && !isBase60Float(s) && !OLD_BOOLS.has(s) ? 'plain' : 'double';
}

/** Reports whether a plain scalar with this text would read back as a string in yaml.v3 (not null, bool, number or timestamp). */
export function wouldResolveToString(s: string): boolean {
  return resolveScalar(s, true, undefined).kind === 'string' && !isYamlTimestamp(s);
}

const OLD_BOOLS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

function isBase60Float(s: string): boolean {
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}

/** What yaml.v3's emitter learns about a scalar before choosing its style (yaml_emitter_analyze_scalar). */
interface Analysis {
  multiline: boolean;
  flowPlain: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

const BREAKS = new Set([0x0a, 0x0d, 0x85, 0x2028, 0x2029]);

function analyze(value: string): Analysis {
  if (value === '') return { multiline: false, flowPlain: false, blockPlain: true, singleQuoted: true, block: false };
  const cps = [...value].map((c) => c.codePointAt(0)!);
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let flowIndicators = blockIndicators;
  let lineBreaks = false;
  let special = false;
  let tabs = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    const next = cps[i + 1];
    const followedByWhitespace = next === undefined || next === 0x20 || next === 0x09;
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) flowIndicators = blockIndicators = true;
      else if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === '-' && followedByWhitespace) flowIndicators = blockIndicators = true;
    } else if (',?[]{}'.includes(ch)) flowIndicators = true;
    else if (ch === ':') {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (ch === '#' && precededByWhitespace) flowIndicators = blockIndicators = true;
    if (c === 0x09) tabs = true;
    else if (!isPrintable(c)) special = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.has(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = c === 0x20 || c === 0x09 || BREAKS.has(c) || c === 0;
  }
  const a: Analysis = { multiline: lineBreaks, flowPlain: true, blockPlain: true, singleQuoted: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.flowPlain = a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.flowPlain = a.blockPlain = a.singleQuoted = false;
  if (spaceBreak || tabs || special) a.flowPlain = a.blockPlain = a.singleQuoted = false;
  if (spaceBreak || special) a.block = false;
  if (lineBreaks) a.flowPlain = a.blockPlain = false;
  if (flowIndicators) a.flowPlain = false;
  if (blockIndicators) a.blockPlain = false;
  return a;
}

/** libyaml's is_printable (on code points): tab excluded; no BOM, U+FFFE/F or non-BMP characters. */
function isPrintable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

/** A port of libyaml's emitter state for the events plain data produces. */
class Emitter {
  flowLevel = 0;
  private readonly out: string[] = [];
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];

  constructor(
    private readonly best: number,
    private readonly numbersAsStrings: boolean,
    private readonly keepKeyOrder: boolean,
  ) {}

  text(): string {
    return this.out.join('');
  }

  /** Emits a node; `seqItem` says the parent is a block sequence item, `simpleKey` that this is a simple mapping key. */
  node(v: PlainValue, seqItem: boolean, simpleKey: boolean): void {
    if (v === null) this.scalar('null', 'plain', seqItem, simpleKey);
    else if (typeof v === 'boolean') this.scalar(v ? 'true' : 'false', 'plain', seqItem, simpleKey);
    else if (v instanceof NumberText) {
      if (this.numbersAsStrings) this.scalar(v.text, stringStyle(v.text), seqItem, simpleKey);
      else this.scalar(NUMBER_SPELLINGS.get(v.text) ?? v.text, 'plain', seqItem, simpleKey);
    } else if (typeof v === 'string') this.scalar(v, stringStyle(v), seqItem, simpleKey);
    else if (Array.isArray(v)) {
      if (this.flowLevel > 0 || v.length === 0) this.flowCollection('[', ']', v.map((e) => [undefined, e] as const), seqItem);
      else this.blockSequence(v, seqItem);
    } else {
      const keys = this.keepKeyOrder ? [...v.keys()] : [...v.keys()].sort(compareNatural);
      const entries = keys.map((k) => [k, v.get(k)!] as const);
      if (this.flowLevel > 0 || entries.length === 0) this.flowCollection('{', '}', entries, seqItem);
      else this.blockMapping(entries, seqItem);
    }
  }

  private blockSequence(items: readonly PlainValue[], seqItem: boolean): void {
    this.increaseIndent(false, seqItem);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, true, false);
    }
    this.indent = this.indents.pop()!;
  }

  private blockMapping(entries: ReadonlyArray<readonly [string, PlainValue]>, seqItem: boolean): void {
    this.increaseIndent(false, seqItem);
    for (const [k, v] of entries) {
      this.writeIndent();
      if (isSimpleKey(k)) {
        this.node(k, false, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(k, false, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(v, false, false);
    }
    this.indent = this.indents.pop()!;
  }

  private flowCollection(open: string, close: string, entries: ReadonlyArray<readonly [string | undefined, PlainValue]>, seqItem: boolean): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, seqItem);
    this.flowLevel++;
    entries.forEach(([k, v], i) => {
      if (i > 0) this.writeIndicator(',', false, false, false);
      if (k !== undefined) {
        if (isSimpleKey(k)) {
          this.node(k, false, true);
          this.writeIndicator(':', false, false, false);
        } else {
          this.writeIndicator('?', true, false, false);
          this.node(k, false, false);
          this.writeIndicator(':', true, false, false);
        }
      }
      this.node(v, false, false);
    });
    this.flowLevel--;
    this.indent = this.indents.pop()!;
    this.writeIndicator(close, false, false, false);
  }

  /** Writes a scalar with the requested style, falling back as yaml_emitter_select_scalar_style does. */
  scalar(value: string, requested: ScalarStyle, seqItem: boolean, simpleKey: boolean): void {
    const a = analyze(value);
    let style = requested;
    if (simpleKey && a.multiline) style = 'double';
    if (style === 'plain') {
      if ((this.flowLevel > 0 && !a.flowPlain) || (this.flowLevel === 0 && !a.blockPlain)) style = 'single';
      if (value === '' && (this.flowLevel > 0 || simpleKey)) style = 'single';
    }
    if (style === 'single' && !a.singleQuoted) style = 'double';
    if (style === 'literal' && (!a.block || this.flowLevel > 0 || simpleKey)) style = 'double';
    this.increaseIndent(true, seqItem);
    if (style === 'plain') this.writePlain(value);
    else if (style === 'single') this.writeSingle(value);
    else if (style === 'double') this.writeDouble(value);
    else this.writeLiteral(value);
    this.indent = this.indents.pop()!;
  }

  private increaseIndent(flow: boolean, seqItem: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? this.best : 0;
    // yaml.v3: the first indent inside a sequence item only skips the "- " indicator.
    else if (seqItem) this.indent += 2;
    else this.indent = this.best * Math.floor((this.indent + this.best) / this.best);
  }

  private put(s: string): void {
    this.out.push(s);
    this.column += [...s].length;
  }

  private putBreak(): void {
    this.out.push('\n');
    this.column = 0;
    this.indention = true;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) this.put(' '.repeat(indent - this.column));
    this.whitespace = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private writePlain(value: string): void {
    if (value !== '' && !this.whitespace) this.put(' ');
    this.put(value);
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(value: string): void {
    this.writeIndicator("'", true, false, false);
    this.put(value.replace(/'/g, "''"));
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(value: string): void {
    this.writeIndicator('"', true, false, false);
    let s = '';
    for (const ch of value) {
      const c = ch.codePointAt(0)!;
      if (!isPrintable(c) || c === 0xfeff || BREAKS.has(c) || c === 0x22 || c === 0x5c) s += doubleEscape(c);
      else s += ch;
    }
    this.put(s);
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false);
    const cps = [...value];
    // Block scalar hints: an indentation indicator when the text starts with a space or break,
    // and the chomping indicator for the trailing line breaks.
    // yaml.v3 writes its configured indent as the indicator, which is wrong where its own indentation
    // is not one step (inside sequence items) and makes invalid YAML; we write the true offset.
    if (cps[0] === ' ' || BREAKS.has(cps[0]!.codePointAt(0)!)) {
      this.writeIndicator(String(this.indent - Math.max(this.indents[this.indents.length - 1]!, 0)), false, false, false);
    }
    const last = cps[cps.length - 1]!.codePointAt(0)!;
    if (!BREAKS.has(last)) this.writeIndicator('-', false, false, false);
    else if (cps.length === 1 || BREAKS.has(cps[cps.length - 2]!.codePointAt(0)!)) this.writeIndicator('+', false, false, false);
    this.putBreak();
    this.whitespace = true;
    let breaks = true;
    for (const ch of cps) {
      if (BREAKS.has(ch.codePointAt(0)!)) {
        if (ch === '\n') this.putBreak();
        else {
          this.out.push(ch);
          this.column = 0;
          this.indention = true;
        }
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

// Numbers from YAML floats may be NaN or infinite; yaml.v3 writes Go's float64 values with these spellings.
const NUMBER_SPELLINGS = new Map([
  ['NaN', '.nan'],
  ['+Inf', '.inf'],
  ['-Inf', '-.inf'],
]);

/** yaml_emitter_check_simple_key for a string key: one line and at most 128 bytes. */
function isSimpleKey(k: string): boolean {
  return utf8Length(k) <= 128 && ![...k].some((c) => BREAKS.has(c.codePointAt(0)!));
}

const SHORT_ESCAPES: Record<number, string> = {
  0: '0', 7: 'a', 8: 'b', 9: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

function doubleEscape(c: number): string {
  const short = SHORT_ESCAPES[c];
  if (short !== undefined) return '\\' + short;
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return '\\x' + hex.padStart(2, '0');
  if (c <= 0xffff) return '\\u' + hex.padStart(4, '0');
  return '\\U' + hex.padStart(8, '0');
}
