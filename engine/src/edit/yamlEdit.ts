// Setting and deleting values at property paths in YAML text, with minimal edits (spec §9.5).
//
// The reference re-emits the whole document with yaml.v3 after an edit; we deliberately keep the
// user's text instead: only the target value's text is replaced, and new keys or elements are
// inserted as lines with the surrounding indentation. New content is written by yamlEncode.ts (so
// it is quoted and laid out as yaml.v3 writes it). The structural rules are the reference's:
// intermediate mappings and sequences are created as needed, index == length appends, and the
// errors below are reported for the path prefix of the offending collection.

import { isMap, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { formatPropertyPath, type PropertyPathElement } from '../util/propertyPath.js';
import type { PlainValue } from '../util/plain.js';
import { encodeYaml, encodeYamlFlow } from './yamlEncode.js';
import { applySplices, indentLines, openYaml, spliceKeepingComment, type Slot, type Splice, type YamlSource } from './yamlSource.js';

/** The edited text, or the reason the edit is impossible. */
export type EditResult = { ok: true; text: string } | { ok: false; error: string };

/** Sets the value at `path` (creating missing mappings and sequences); the rest of the text is kept. */
export function setYamlValue(text: string, path: readonly PropertyPathElement[], value: PlainValue): EditResult {
  return edit(text, path, value);
}

/** Deletes the value at `path` (a missing path is left alone); an emptied collection becomes `{}` or `[]`. */
export function deleteYamlValue(text: string, path: readonly PropertyPathElement[]): EditResult {
  return edit(text, path, undefined);
}

function edit(text: string, path: readonly PropertyPathElement[], value: PlainValue | undefined): EditResult {
  const opened = openYaml(text);
  if (!opened.ok) return opened;
  const src = opened.source;
  const fail = (i: number, message: string): EditResult => ({ ok: false, error: `${formatPropertyPath(path.slice(0, i))}: ${message}` });
  let slot: Slot = { parent: undefined, item: undefined, node: src.root };
  for (let i = 0; ; i++) {
    if (i === path.length) {
      if (value === undefined) return removeSlot(src, slot);
      return done(src, replaceValue(src, slot, value));
    }
    const node = slot.node;
    const elem = path[i]!;
    if (node === undefined && slot.parent === undefined) {
      // An empty document: its content becomes the new value.
      if (value === undefined) return { ok: true, text };
      const nested = build(path, i, value, fail);
      if ('error' in nested) return nested;
      const body = encodeYaml(nested.value, { indent: src.step });
      return { ok: true, text: text === '' || text.endsWith('\n') ? text + body : `${text}\n${body}` };
    }
    if (node !== undefined && isMap(node)) {
      if (typeof elem !== 'string') return fail(i, 'key for a map must be a string');
      const slots = src.slots(node);
      const found = slots.find((s) => s.pair && src.keyOf(s.pair) === elem);
      if (found) {
        slot = found;
        continue;
      }
      if (value === undefined) return { ok: true, text };
      const nested = build(path, i + 1, value, fail);
      if ('error' in nested) return nested;
      return done(src, addToMap(src, slot, node, elem, nested.value));
    }
    if (node !== undefined && isSeq(node)) {
      if (typeof elem !== 'number') return fail(i, 'key for an array must be an int');
      if (elem < 0 || elem > node.items.length) return fail(i, 'array index out of range');
      if (elem < node.items.length) {
        slot = src.slots(node)[elem]!;
        continue;
      }
      if (value === undefined) return { ok: true, text };
      const nested = build(path, i + 1, value, fail);
      if ('error' in nested) return nested;
      return done(src, appendToSeq(src, slot, node, nested.value));
    }
    return fail(i, 'expected an array or an object');
  }
}

function done(src: YamlSource, splices: Splice[]): EditResult {
  return { ok: true, text: applySplices(src.text, splices) };
}

/** Wraps `value` in the mappings and sequences that path[from…] needs (new sequences only accept index 0). */
function build(path: readonly PropertyPathElement[], from: number, value: PlainValue, fail: (i: number, m: string) => EditResult): { value: PlainValue } | { ok: false; error: string } {
  let v = value;
  for (let i = path.length - 1; i >= from; i--) {
    const e = path[i]!;
    if (typeof e === 'number') {
      if (e !== 0) return fail(i, 'array index out of range') as { ok: false; error: string };
      v = [v];
    } else v = new Map([[e, v]]);
  }
  return { value: v };
}

/** Replaces the value of a slot (the whole document content at the root). */
function replaceValue(src: YamlSource, slot: Slot, value: PlainValue): Splice[] {
  const node = slot.node;
  if (src.inFlow(slot)) return [{ start: node ? src.valueStart(slot) : insertionAfterKey(src, slot), end: node ? src.contentEnd(node) : insertionAfterKey(src, slot), text: (node ? '' : ': ') + encodeYamlFlow(value) }];
  const owner = src.ownerColumn(slot);
  const indicator = src.indicatorEnd(slot);
  const start = node ? src.valueStart(slot) : insertionAfterKey(src, slot);
  // A replaced block collection takes its lines with it, including the comment ending its last line.
  const end = !node ? start : (isMap(node) || isSeq(node)) && !node.flow ? src.lineEnd(src.contentEnd(node)) : src.contentEnd(node);
  const block = isBlockCollection(value);
  // The document's own line break after the value ends the last line; at the very end of a text
  // without one, a kept (`|+`) block scalar needs its final break.
  const encoded = encodeYaml(value, { indent: src.step });
  const rendered = src.lineEnd(end) < src.text.length || !encoded.endsWith('\n\n') ? encoded.replace(/\n$/, '') : encoded;
  const inSeq = slot.parent !== undefined && slot.pair === undefined;
  if (slot.parent === undefined) return [{ start, end, text: rendered }];
  const onOwnLine = indicator !== undefined && src.startsLine(start) && start > indicator;
  if (!block) {
    // A scalar (or `{}`/`[]`): on the indicator's line unless a comment sits between them.
    const text = indentRest(rendered, owner);
    if (onOwnLine && !src.text.slice(indicator, start).includes('#')) return [spliceKeepingComment(src, indicator, end, ' ' + text)];
    const space = indicator !== undefined && start === indicator ? ' ' : '';
    return [spliceKeepingComment(src, start, end, space + text)];
  }
  if (inSeq) {
    // `- key: value` / `- - item`: the collection starts after the dash, later lines align with it.
    if (onOwnLine) return [{ start: src.lineStart(start), end, text: indentLines(rendered, src.column(start)) }];
    if (start === indicator) return [{ start, end, text: ' ' + indentRest(rendered, src.column(start) + 1) }];
    return [{ start, end, text: indentRest(rendered, src.column(start)) }];
  }
  const existing = node && (isMap(node) || isSeq(node)) && !node.flow ? src.indentOf(node) : -1;
  const col = existing > owner ? existing : owner + src.step;
  const lines = indentLines(rendered, col);
  if (onOwnLine) return [{ start: src.lineStart(start), end, text: lines }];
  // The old value sits on the key's line: drop it, keep any comment there, and put the block below.
  const lineEnd = src.lineEnd(end);
  return [
    { start: indicator ?? start, end, text: '' },
    { start: lineEnd, end: lineEnd, text: '\n' + lines },
  ];
}

/** Adds `key: value` to a mapping. */
function addToMap(src: YamlSource, slot: Slot, map: YAMLMap, key: string, value: PlainValue): Splice[] {
  const entry = new Map([[key, value]]);
  if (map.flow) {
    if (map.items.length === 0) {
      // An empty `{}` in block context becomes a block mapping (as the reference does).
      if (!src.inFlow(slot)) return replaceValue(src, slot, entry);
      return [{ start: map.range![0], end: map.range![1], text: encodeYamlFlow(entry) }];
    }
    const at = src.contentEnd(map.items[map.items.length - 1]!.value ? (map.items[map.items.length - 1]!.value as Node) : (map.items[map.items.length - 1]!.key as Node));
    return [{ start: at, end: at, text: ', ' + encodeYamlFlow(entry).slice(1, -1) }];
  }
  const last = map.items[map.items.length - 1]!;
  const lastNode = (last.value as Node | null) ?? (last.key as Node);
  return insertLine(src, src.lineAfter(lastNode), indentLines(encodeYaml(entry, { indent: src.step }), src.indentOf(map)));
}

/** Appends an element to a sequence. */
function appendToSeq(src: YamlSource, slot: Slot, seq: YAMLSeq, value: PlainValue): Splice[] {
  if (seq.flow) {
    if (seq.items.length === 0) {
      if (!src.inFlow(slot)) return replaceValue(src, slot, [value]);
      return [{ start: seq.range![0], end: seq.range![1], text: encodeYamlFlow([value]) }];
    }
    const at = src.contentEnd(seq.items[seq.items.length - 1] as Node);
    return [{ start: at, end: at, text: ', ' + encodeYamlFlow(value) }];
  }
  const last = seq.items[seq.items.length - 1] as Node;
  return insertLine(src, src.lineAfter(last), indentLines(encodeYaml([value], { indent: src.step }), src.indentOf(seq)));
}

/** Removes a slot: its lines in block collections, the element and a comma in flow ones. */
function removeSlot(src: YamlSource, slot: Slot): EditResult {
  const parent = slot.parent;
  if (parent === undefined) return { ok: true, text: '' };
  const slots = src.slots(parent);
  const index = slots.findIndex((s) => s.item === slot.item);
  if (slots.length === 1) {
    // The collection becomes empty: write it as `{}` or `[]`.
    const grand = findSlotOf(src, parent);
    return done(src, replaceValue(src, grand, isMap(parent) ? new Map() : []));
  }
  const startOf = (s: Slot) => (s.pair ? (s.pair.key as Node).range![0] : src.valueStart(s));
  const endOf = (s: Slot) => (s.node ? src.contentEnd(s.node) : (s.pair!.key as Node).range![1]);
  if (parent.flow) {
    const splice = index > 0 ? { start: endOf(slots[index - 1]!), end: endOf(slot), text: '' } : { start: startOf(slot), end: startOf(slots[1]!), text: '' };
    return done(src, [splice]);
  }
  const first = src.lineStart(slot.pair ? startOf(slot) : (src.indicatorEnd(slot) ?? startOf(slot)) - 1);
  const last = slot.node ? src.lineAfter(slot.node) : src.lineAfter(slot.pair!.key as Node);
  return done(src, [{ start: first, end: last, text: '' }]);
}

/** Finds the slot holding a collection node (walking down from the root). */
function findSlotOf(src: YamlSource, target: Node): Slot {
  const todo: Slot[] = [{ parent: undefined, item: undefined, node: src.root }];
  while (todo.length > 0) {
    const s = todo.pop()!;
    if (s.node === target) return s;
    if (s.node && (isMap(s.node) || isSeq(s.node))) todo.push(...src.slots(s.node));
  }
  return { parent: undefined, item: undefined, node: target };
}

function insertLine(src: YamlSource, at: number, lines: string): Splice[] {
  const needsBreak = at > 0 && src.text[at - 1] !== '\n';
  return [{ start: at, end: at, text: (needsBreak ? '\n' : '') + lines }];
}

/** Where a missing value of a pair goes: after its `:` (or after the key when there is none). */
function insertionAfterKey(src: YamlSource, slot: Slot): number {
  return src.indicatorEnd(slot) ?? (slot.pair ? src.contentEnd(slot.pair.key as Node) : 0);
}

/** Indents every line but the first (a multi-line scalar continues below its indicator). */
function indentRest(text: string, column: number): string {
  const nl = text.indexOf('\n');
  return nl < 0 ? text : text.slice(0, nl + 1) + indentLines(text.slice(nl + 1), column);
}

function isBlockCollection(v: PlainValue): boolean {
  return (Array.isArray(v) && v.length > 0) || (v instanceof Map && v.size > 0);
}
