// Go encoding/json output (spec §12.6): fn::toJSON, CLI JSON output and the golden files. Maps are
// Go maps (keys sorted by UTF-8 byte order), plain objects are Go structs (fields in order), numbers
// are written verbatim from their text, and strings get Go's escaping, HTML-safe as json.Marshal does.

import { compareCodePoints } from './order.js';
import { NumberText, type JsonData } from './plain.js';

/** Layout of the output: compact (fn::toJSON) or indented (golden files: 4 spaces; CLI: 2 spaces and a final newline). */
export interface JSONEncodeOptions {
  indent?: string;
  trailingNewline?: boolean;
}

/** The encoded text, or Go's error (e.g. `json: invalid number literal "+Inf"`). */
export type JSONEncodeResult = { ok: true; text: string } | { ok: false; error: string };

/** Encodes data as Go's json.Marshal (or json.MarshalIndent with `options.indent`) would. */
export function encodeJSON(data: JsonData, options: JSONEncodeOptions = {}): JSONEncodeResult {
  const indent = options.indent ?? '';
  const newline = (depth: number) => (indent === '' ? '' : '\n' + indent.repeat(depth));
  const colon = indent === '' ? ':' : ': ';
  const out: string[] = [];
  // An explicit work stack (strings to write, values to encode) keeps deep data off the call stack.
  const work: Array<string | { v: JsonData; depth: number }> = [{ v: data, depth: 0 }];
  while (work.length > 0) {
    const w = work.pop()!;
    if (typeof w === 'string') {
      out.push(w);
      continue;
    }
    const { v, depth } = w;
    if (v === null) out.push('null');
    else if (typeof v === 'boolean') out.push(v ? 'true' : 'false');
    else if (typeof v === 'string') out.push(goJsonString(v));
    else if (v instanceof NumberText) {
      // Go encodes the zero json.Number ("") as 0.
      const text = v.text === '' ? '0' : v.text;
      if (!isValidJsonNumber(text)) return { ok: false, error: `json: invalid number literal ${goJsonString(text)}` };
      out.push(text);
    } else {
      let entries: Array<[string | undefined, JsonData]>;
      let open: string;
      let close: string;
      if (isArray(v)) {
        entries = v.map((e) => [undefined, e]);
        [open, close] = ['[', ']'];
      } else if (v instanceof Map) {
        entries = [...v.keys()].sort(compareCodePoints).map((k) => [k, v.get(k)!]);
        [open, close] = ['{', '}'];
      } else {
        entries = Object.entries(v).filter((e): e is [string, JsonData] => e[1] !== undefined);
        [open, close] = ['{', '}'];
      }
      if (entries.length === 0) {
        out.push(open + close);
        continue;
      }
      const items: Array<string | { v: JsonData; depth: number }> = [open];
      entries.forEach(([k, e], i) => {
        items.push(newline(depth + 1) + (k === undefined ? '' : goJsonString(k) + colon));
        items.push({ v: e, depth: depth + 1 });
        if (i < entries.length - 1) items.push(',');
      });
      items.push(newline(depth) + close);
      for (let i = items.length - 1; i >= 0; i--) work.push(items[i]!);
    }
  }
  if (options.trailingNewline) out.push('\n');
  return { ok: true, text: out.join('') };
}

/** Quotes a string as Go's JSON encoder does (with HTML escaping of `<`, `>` and `&`). */
export function goJsonString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26) esc = SHORT[c] ?? '\\u00' + c.toString(16).padStart(2, '0');
    else if (c === 0x2028 || c === 0x2029) esc = '\\u' + c.toString(16);
    else if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        i++;
        continue;
      }
      // A lone surrogate is not UTF-8; Go writes invalid UTF-8 as the escape \ufffd.
      esc = '\\ufffd';
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** Reports whether `s` is a JSON number (Go's isValidNumber). */
export function isValidJsonNumber(s: string): boolean {
  return /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/.test(s);
}

const SHORT: Record<number, string> = { 0x22: '\\"', 0x5c: '\\\\', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t' };

function isArray(v: JsonData): v is readonly JsonData[] {
  return Array.isArray(v);
}
