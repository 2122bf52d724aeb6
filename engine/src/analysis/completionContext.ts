// Where a completion is asked for, read from the text itself: while typing, the document is often not
// valid YAML, so the place is recognised from the current line and the indentation of the lines above
// (block style), not from the syntax tree. Flow collections are not looked into.

import { parseInterpolation } from '../ast/interpolation.js';
import type { PathStep } from './locate.js';

/** A completion place. Offsets are UTF-16 offsets of the text; `[start, end)` is what a candidate replaces. */
export type CompletionPlace =
  | {
      readonly kind: 'access';
      /** The keys before the one being typed, e.g. `['a', 'b']` for `${a.b.c‸`. */
      readonly receiver: readonly PathStep[];
      readonly partial: string;
      readonly start: number;
      readonly end: number;
      /** How the typed key is written: after a dot, inside `["…`, or as the first name. */
      readonly form: 'first' | 'dot' | 'quoted';
    }
  | {
      readonly kind: 'key';
      /** The keys of the enclosing mappings from the root; list items are `-1`. */
      readonly parents: readonly PathStep[];
      readonly partial: string;
      readonly start: number;
      readonly end: number;
      /** The column the key starts at (for multi-line insertions). */
      readonly indent: number;
    }
  | { readonly kind: 'value'; readonly parents: readonly PathStep[]; readonly key: string; readonly partial: string; readonly start: number; readonly end: number }
  | { readonly kind: 'item'; readonly parents: readonly PathStep[]; readonly partial: string; readonly start: number; readonly end: number };

/**
 * Returns the completion place at a UTF-16 offset of `text`, or undefined where nothing can be
 * completed. Works on the raw text (no line index), so that it costs little even in huge documents.
 */
export function completionPlace(text: string, offset: number): CompletionPlace | undefined {
  offset = Math.max(0, Math.min(offset, text.length));
  const lineStart = startOfLine(text, offset);
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, endOfLine(text, offset));
  if (isInComment(before)) return undefined;
  const access = accessPlace(before, after, offset);
  if (access !== undefined) return access;
  if (isInFlow(before)) return undefined;
  const m = /^( *)((?:- +)*)(.*)$/.exec(before)!;
  const dashes = m[2]!;
  const rest = m[3]!;
  const col = m[1]!.length + dashes.length;
  const tail = /^[^\s:#]*/.exec(after)![0];
  const kv = /^((?:fn::[\w:.-]+)|[^\s:#'"{[][^:#]*?|"[^"]*"|'[^']*'):( +)(.*)$/.exec(rest);
  if (kv !== undefined && kv !== null) {
    const key = unquote(kv[1]!);
    const value = kv[3]!;
    if (/^[|>&*!{[]/.test(value) || value.includes('${')) return undefined;
    const parents = parentsOf(text, lineStart, col);
    return { kind: 'value', parents, key, partial: value, start: offset - value.length, end: offset + tail.length };
  }
  if (rest.includes(':') && !rest.startsWith('fn:') && !/^fn::[\w:.-]*$/.test(rest)) return undefined;
  if (/^["'{[|>&*!#]/.test(rest)) return undefined;
  if (dashes !== '') {
    // `- ‸` is an item of the list that the key above the dash holds.
    return { kind: 'item', parents: parentsOf(text, lineStart, m[1]!.length), partial: rest, start: offset - rest.length, end: offset + tail.length };
  }
  return { kind: 'key', parents: parentsOf(text, lineStart, col), partial: rest, start: offset - rest.length, end: offset + tail.length, indent: col };
}

/** Recognises `${…‸` on the current line (not `$${`), and what is typed after its last accessor. */
function accessPlace(before: string, after: string, offset: number): CompletionPlace | undefined {
  let open = -1;
  for (let i = 0; i < before.length - 1; i++) {
    if (before[i] !== '$') continue;
    if (before[i + 1] === '$') {
      i++;
      continue;
    }
    if (before[i + 1] === '{') {
      const close = before.indexOf('}', i + 2);
      if (close < 0) open = i;
      else i = close;
    }
  }
  if (open < 0) return undefined;
  const body = before.slice(open + 2);
  if (/\s/.test(body)) return undefined;
  const tail = /^[^\s.[\]}"]*/.exec(after)![0];
  const quoted = /\["((?:[^"\\]|\\.)*)$/.exec(body);
  if (quoted !== null) {
    const receiverText = body.slice(0, quoted.index);
    const receiver = receiverText === '' ? [] : keysOf(receiverText);
    if (receiver === undefined) return undefined;
    const partial = quoted[1]!.replace(/\\"/g, '"');
    return { kind: 'access', receiver, partial, start: offset - quoted[0].length, end: offset + tail.length, form: 'quoted' };
  }
  const lastDot = Math.max(body.lastIndexOf('.'), body.lastIndexOf(']'));
  const partial = body.slice(lastDot + 1);
  if (/[[\]"]/.test(partial)) return undefined;
  const receiverText = lastDot < 0 ? '' : body[lastDot] === '.' ? body.slice(0, lastDot) : body.slice(0, lastDot + 1);
  const receiver = receiverText === '' ? [] : keysOf(receiverText);
  if (receiver === undefined) return undefined;
  const form = lastDot < 0 ? 'first' : 'dot';
  // A dot belongs to what a candidate replaces, so that keys needing `["…"]` can replace it.
  const start = form === 'dot' && body[lastDot] === '.' ? offset - partial.length - 1 : offset - partial.length;
  return { kind: 'access', receiver, partial, start, end: offset + tail.length, form };
}

/** Parses the keys of a complete access text such as `a.b["c"][0]`, or undefined when it does not parse. */
function keysOf(text: string): PathStep[] | undefined {
  const parsed = parseInterpolation('${' + text + '}');
  if (parsed.diagnostics.length > 0 || parsed.parts.length !== 1) return undefined;
  const accessors = parsed.parts[0]!.value?.accessors ?? [];
  return accessors.map((a) => (a.kind === 'name' ? a.name : a.index));
}

/**
 * Returns the keys of the block mappings enclosing the line starting at `lineStart`, whose content
 * starts at column `col`. Lines indented at least as deep as the current limit are skipped after
 * counting their spaces, so the scan up to a distant parent (often `values:` at the top) is cheap.
 */
function parentsOf(text: string, lineStart: number, col: number): PathStep[] {
  const chain: PathStep[] = [];
  let limit = col;
  let end = lineStart;
  while (end > 0 && limit > 0) {
    // `end` is the start of the line below; the line above ends at its line break.
    const breakLength = end >= 2 && text.charCodeAt(end - 2) === 0x0d ? 2 : 1;
    const contentEnd = end - breakLength;
    const start = startOfLine(text, contentEnd);
    end = start;
    let indent = 0;
    while (start + indent < contentEnd && text.charCodeAt(start + indent) === 0x20) indent++;
    // Deeper lines (and blank ones) cannot hold a parent: skip them without looking further.
    if (indent >= limit || start + indent >= contentEnd) continue;
    const m = /^( *)((?:- +)*)(.*)$/.exec(text.slice(start, contentEnd))!;
    const content = m[3]!;
    if (content === '' || content.startsWith('#')) continue;
    const dashCol = m[1]!.length;
    const keyCol = dashCol + m[2]!.length;
    const key = /^((?:fn::[\w:.-]+)|"[^"]*"|'[^']*'|[^\s:#'"{[][^:#]*?):(?:\s+(.*))?$/.exec(content);
    const hasDash = m[2]! !== '';
    if (key !== null && keyCol < limit && (key[2] === undefined || key[2] === '' || key[2].startsWith('#'))) {
      chain.push(unquote(key[1]!));
      if (hasDash) chain.push(-1);
      limit = hasDash ? dashCol : keyCol;
      continue;
    }
    if (hasDash && (keyCol <= limit || dashCol < limit)) {
      chain.push(-1);
      limit = dashCol;
      continue;
    }
    if (keyCol < limit) limit = keyCol;
  }
  return chain.reverse();
}

/**
 * Returns the offset where the line containing `offset` starts (after `\n` or `\r\n`). Lone `\r`
 * line breaks, which no editor writes any more, are not looked for: a native search for `\n` keeps
 * the scan up a huge document fast.
 */
function startOfLine(text: string, offset: number): number {
  return offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** Returns the offset of the end of the content of the line containing `offset` (before `\n` or `\r\n`). */
function endOfLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return end > offset && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
}

function unquote(key: string): string {
  if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.length >= 2 && key.startsWith("'") && key.endsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trimEnd();
}

function isInComment(before: string): boolean {
  // A `#` after white space (or at the start) starts a comment, unless it is inside quotes.
  let quote = '';
  for (let i = 0; i < before.length; i++) {
    const c = before[i]!;
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(before[i - 1]!))) return true;
  }
  return false;
}

function isInFlow(before: string): boolean {
  let depth = 0;
  let quote = '';
  for (const c of before) {
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && depth > 0) depth--;
  }
  return depth > 0;
}
