// Incremental reparsing: a new version of a document's text is decoded by reparsing only the entries
// the edit fell in, when the edit stays inside the entries of one top-level block mapping (typically
// values under `values:`). The other entries keep their nodes; those after the edit move by the
// edit's line, byte and UTF-16 deltas, in place. Any doubt falls back to a full decode, so the
// result is always the one `decodeYAML` gives (a property test compares the two on random edits).
//
// Why this is equivalent to a full decode: the reparsed text starts at a line start with a key at
// the mapping's indentation k, every line of it is a key at k, blank, a comment, or indented deeper
// than k, and what follows (the next entry, or the next top-level key) starts a line at indentation
// k or 0. Composed alone, without problems, as a block mapping at k, it yields the tokens the whole
// document would: nothing in it can continue past its end (an unclosed quote or bracket would be a
// problem), and nothing before it changed. Decodes with problems or diagnostics are not reused.

import { composeYaml } from './compose.js';
import { isRecordingReferenceRanges } from './referenceRanges.js';
import type { DecodeResult } from './decodeYaml.js';
import { ObjectNodeImpl, StringNodeImpl } from './nodeClasses.js';
import type { SyntaxDocument, SyntaxNode } from './nodes.js';
import type { Pos, Range } from '../model.js';
import { SourceText } from '../text/sourceText.js';
import { utf8Length } from '../text/utf8.js';
import { firstControlCharacter } from './controlCharacters.js';

/** Whether a decode can be the base of an incremental reparse: a clean mapping document. */
export function isReparseBase(decoded: DecodeResult): boolean {
  return decoded.diagnostics.length === 0 && decoded.node instanceof ObjectNodeImpl;
}

/**
 * Decodes `text`, a new version of the text of `previous`, by reparsing only the edited entries.
 * Returns undefined when the edit is not confined to the entries of one top-level block mapping or
 * they do not reparse cleanly on their own; the caller then decodes the whole text. `previous`
 * (which `isReparseBase` must accept) is consumed either way: its nodes are reused and moved.
 */
export function redecodeYAML(previous: DecodeResult, text: string): DecodeResult | undefined {
  const root = previous.node;
  if (!(root instanceof ObjectNodeImpl) || previous.diagnostics.length > 0 || isRecordingReferenceRanges()) return undefined;
  const oldSource = previous.doc.source;
  const oldText = oldSource.text;
  if (oldText === text) return previous;
  const edit = editedSpan(oldText, text);
  const place = findEntries(root, oldSource, edit.start, edit.oldEnd);
  if (place === undefined) return undefined;
  const { top, mapping, first, last, start, end, indent } = place;
  const newEnd = end + (text.length - oldText.length);
  if (newEnd <= start || (newEnd < text.length && !isLineBreak(text.charCodeAt(newEnd - 1)))) return undefined;
  if (!isEntriesText(text, start, newEnd, indent) || firstControlCharacter(text, start, newEnd) >= 0) return undefined;

  // From here on `previous` is being rewritten into the new version.
  const newSource = new SourceText(text);
  const doc = previous.doc as { source: SourceText } & SyntaxDocument;
  doc.source = newSource;
  const composed = composeYaml(doc, { start, end: newEnd, path: mapping.path, depth: 2 });
  const part = composed.node;
  if (composed.problems.length > 0 || composed.diagnostics.length > 0 || !(part instanceof ObjectNodeImpl) || part.entries.length === 0) return undefined;
  const firstKey = part.entries[0]!.key.range.begin;
  if (newSource.offsetOfPos(firstKey.line, firstKey.column) !== start + indent) return undefined;

  const delta: Shift = {
    offset: text.length - oldText.length,
    line: newSource.lineCount - oldSource.lineCount,
    byte: utf8Length(text, start, newEnd) - utf8Length(oldText, start, end),
  };
  // Replace entries first..last with the new ones (without spreading: there may be many).
  const entries = mapping.entries;
  const tail = entries.splice(first);
  for (const e of part.entries) entries.push(e);
  const next = entries.length;
  for (let i = last - first + 1; i < tail.length; i++) entries.push(tail[i]!);
  const after: SyntaxNode[] = [];
  for (let i = next; i < entries.length; i++) after.push(entries[i]!.key, entries[i]!.value);
  for (let i = top + 1; i < root.entries.length; i++) after.push(root.entries[i]!.key, root.entries[i]!.value);
  const moved = new Set<Pos>();
  moveNodes(after, delta, moved);
  // A collection ends with its last child: re-derive the ends the edited entries may have moved.
  if (next === entries.length) mapping.range = endAt(mapping.range, entries[next - 1]!.value.range.end);
  else movePos(mapping.range.end, delta, moved);
  if (top === root.entries.length - 1) root.range = endAt(root.range, mapping.range.end);
  else movePos(root.range.end, delta, moved);
  return { node: root, doc, diagnostics: [] };
}

/** The edited span: the first differing offset, and where the difference ends in the old and new text. */
function editedSpan(oldText: string, text: string): { start: number; oldEnd: number } {
  const n = Math.min(oldText.length, text.length);
  let start = 0;
  while (start < n && oldText.charCodeAt(start) === text.charCodeAt(start)) start++;
  let suffix = 0;
  const max = n - start;
  while (suffix < max && oldText.charCodeAt(oldText.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { start, oldEnd: oldText.length - suffix };
}

/** Where an edit lies: entries `first`..`last` of `mapping` (the value of top-level entry `top`, a block mapping at `indent`) span `[start, end)` of the old text. */
interface EntriesPlace {
  top: number;
  mapping: ObjectNodeImpl;
  first: number;
  last: number;
  start: number;
  end: number;
  indent: number;
}

/**
 * Finds the entries of a top-level block mapping whose lines contain the old span `[from, to)`.
 * An edit at the very start of an entry's line (a line inserted before it) also takes the entry
 * before, so that the reparsed text starts with an unchanged key line.
 */
function findEntries(root: ObjectNodeImpl, source: SourceText, from: number, to: number): EntriesPlace | undefined {
  const top = root.entries;
  for (let j = 0; j < top.length; j++) {
    const mapping = top[j]!.value;
    if (!(mapping instanceof ObjectNodeImpl) || mapping.entries.length === 0) continue;
    const blockEnd = j + 1 < top.length ? lineStartOf(source, top[j + 1]!.key.range) : source.text.length;
    // An insertion at the mapping's very end (the next top-level line) extends its last entry.
    if (from < lineStartOf(source, mapping.entries[0]!.key.range) || from > blockEnd || (from === blockEnd && to > from)) continue;
    // The mapping must be a block mapping starting at its first key, each key alone at the start of its line.
    const keyOffset = (r: Range) => source.offsetOfPos(r.begin.line, r.begin.column);
    if (keyOffset(mapping.range) !== keyOffset(mapping.entries[0]!.key.range)) return undefined;
    const entries = mapping.entries;
    const startOf = (i: number) => (i < entries.length ? lineStartOf(source, entries[i]!.key.range) : blockEnd);
    let first = entryAt(entries.length, startOf, from);
    if (first > 0 && startOf(first) === from) first--;
    const last = to > from ? entryAt(entries.length, startOf, to - 1) : first;
    const start = startOf(first);
    const end = startOf(last + 1);
    const indent = keyOffset(entries[first]!.key.range) - start;
    if (to > end || last < first || indent < 1 || !/^ *$/.test(source.text.slice(start, start + indent))) return undefined;
    return { top: j, mapping, first, last, start, end, indent };
  }
  return undefined;
}

/** The index of the last of `count` entries whose line starts at or before `offset` (entries are in text order). */
function entryAt(count: number, startOf: (i: number) => number, offset: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (startOf(mid) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether `[start, end)` of `text` is entries' lines: a key at `indent` first, then keys at `indent`, blank, comment or deeper lines. */
function isEntriesText(text: string, start: number, end: number, indent: number): boolean {
  let i = start;
  let first = true;
  while (i < end) {
    let spaces = 0;
    while (i < end && text.charCodeAt(i) === 0x20) {
      spaces++;
      i++;
    }
    const c = i < end ? text.charCodeAt(i) : 0x0a;
    if (first) {
      if (spaces !== indent || c === 0x23 || isLineBreak(c) || c === 0x09) return false;
      first = false;
    } else if (!isLineBreak(c) && c !== 0x23 && (spaces < indent || c === 0x09)) return false;
    while (i < end && !isLineBreak(text.charCodeAt(i))) i++;
    if (i < end && text.charCodeAt(i) === 0x0d) {
      // A lone CR breaks lines for libyaml but not inside every construct of the `yaml` parser.
      if (i + 1 >= end || text.charCodeAt(i + 1) !== 0x0a) return false;
      i++;
    }
    i++;
  }
  return true;
}

/** How far the text after an edit moved. */
interface Shift {
  offset: number;
  line: number;
  byte: number;
}

/** Moves every position of the given subtrees (each shared position once). */
function moveNodes(nodes: SyntaxNode[], delta: Shift, moved: Set<Pos>): void {
  if (delta.offset === 0 && delta.line === 0 && delta.byte === 0) return;
  const stack = nodes;
  while (stack.length > 0) {
    const node = stack.pop()!;
    movePos(node.range.begin, delta, moved);
    movePos(node.range.end, delta, moved);
    if (node instanceof StringNodeImpl) {
      node.moveSource(delta.offset);
      if (node.source.referenceStart !== null) movePos(node.source.referenceStart, delta, moved);
    } else if (node.kind === 'object') for (const e of node.entries) stack.push(e.key, e.value);
    else if (node.kind === 'array') for (const e of node.elements) stack.push(e);
  }
}

function movePos(pos: Pos, delta: Shift, moved: Set<Pos>): void {
  if (moved.has(pos)) return;
  moved.add(pos);
  pos.line += delta.line;
  pos.byte += delta.byte;
}

/** A copy of `range` ending where `end` is. */
function endAt(range: Range, end: Pos): Range {
  return { environment: range.environment, begin: range.begin, end: { line: end.line, column: end.column, byte: end.byte } };
}

function lineStartOf(source: SourceText, range: Range): number {
  return source.offsetOfPos(range.begin.line, 1);
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}
