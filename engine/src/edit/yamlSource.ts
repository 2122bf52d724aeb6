// A YAML document opened for minimal text edits: the `yaml` package's tree with its source tokens,
// plus the geometry edits need (where a value starts including its tag and anchor, where its text
// ends, the `:` or `-` before it, the column of a collection). Edits are splices of the original
// text, so everything they do not touch stays byte-identical, comments included.

import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type CST, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { decodeYAML } from '../syntax/decodeYaml.js';

/** A replacement of the text between two offsets. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Where a value sits: in a mapping (after `key:`), in a sequence (after `-` or in a flow list), or at the root. */
export interface Slot {
  parent: YAMLMap | YAMLSeq | undefined;
  /** The source item of the pair or element (undefined at the root). */
  item: CST.CollectionItem | undefined;
  /** The value node; undefined when the pair has no value at all (`{a, b: 1}`). */
  node: Node | undefined;
  /** The pair, for mapping values. */
  pair?: Pair;
}

/** The parsed document, or the parser's first error. */
export type OpenResult = { ok: true; source: YamlSource } | { ok: false; error: string };

/** Opens YAML text for editing (only its first document, as ESC reads only that one). */
export function openYaml(text: string): OpenResult {
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, { keepSourceTokens: true, uniqueKeys: false, schema: 'failsafe', prettyErrors: false });
  } catch (e) {
    // Only a stack overflow on absurdly nested input is a property of the document; anything else is a bug.
    if (e instanceof RangeError) return { ok: false, error: 'yaml: document nests too deeply' };
    throw e;
  }
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (doc && doc.errors.length > 0) {
    // Prefer the syntax layer's yaml.v3 wording of the problem (what ESC itself would report).
    const reported = decodeYAML('', text).diagnostics.find((d) => d.severity === 'error');
    return { ok: false, error: reported?.summary ?? `yaml: ${doc.errors[0]!.message}` };
  }
  return { ok: true, source: new YamlSource(text, (doc?.contents ?? undefined) as Node | undefined) };
}

/** Applies non-overlapping splices to a text; new line breaks follow the text's own (`\r\n` or `\n`). */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const crlf = text.includes('\r\n');
  let out = '';
  let at = 0;
  for (const s of [...splices].sort((a, b) => a.start - b.start || a.end - b.end)) {
    out += text.slice(at, s.start) + (crlf ? s.text.replace(/\n/g, '\r\n') : s.text);
    at = s.end;
  }
  return out + text.slice(at);
}

/**
 * A splice writing `text` over [start, end). When `text` spans lines (a block scalar) and a comment
 * follows `end` on its line, the comment moves to the end of the first line (the block header), where
 * it stays a comment instead of becoming part of the scalar's last line.
 */
export function spliceKeepingComment(src: YamlSource, start: number, end: number, text: string): Splice {
  const nl = text.indexOf('\n');
  const lineEnd = src.lineEnd(end);
  const rest = src.text.slice(end, lineEnd);
  if (nl < 0 || !/^[ \t]+#/.test(rest)) return { start, end, text };
  return { start, end: lineEnd, text: text.slice(0, nl) + ' ' + rest.trim() + text.slice(nl) };
}

/** Shifts every non-empty line of `block` right by `column` spaces. */
export function indentLines(block: string, column: number): string {
  const pad = ' '.repeat(column);
  // Split on \n only: a multi-line regex would also break at \r and U+2028 inside quoted scalars.
  return block
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

/** A parsed document with the geometry that minimal edits need. */
export class YamlSource {
  /** Spaces per nesting level used by this document (2 when it shows none). */
  readonly step: number;

  constructor(readonly text: string, readonly root: Node | undefined) {
    this.step = this.detectStep();
  }

  /** The slots of a collection's values, aligned with its source items. */
  slots(c: YAMLMap | YAMLSeq): Slot[] {
    const token = c.srcToken as CST.BlockMap | CST.BlockSequence | CST.FlowCollection | undefined;
    // A flow collection's trailing comma makes an empty source item without a node.
    const items = (token?.items ?? []).filter((it) => token?.type !== 'flow-collection' || it.key !== undefined || it.value !== undefined || (it as { sep?: unknown }).sep !== undefined);
    return c.items.map((e, i) => {
      const item = items[i];
      if (isPair(e)) return { parent: c, item, node: (e.value ?? undefined) as Node | undefined, pair: e as Pair };
      return { parent: c, item, node: e as Node };
    });
  }

  /** The decoded key of a pair (undefined for complex keys). */
  keyOf(pair: Pair): string | undefined {
    return isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
  }

  /** Whether the collection is written in flow style (`{…}`, `[…]`). */
  isFlow(c: YAMLMap | YAMLSeq): boolean {
    return c.flow === true;
  }

  /** Whether a slot is inside a flow collection (so new values must be flow style). */
  inFlow(slot: Slot): boolean {
    return slot.parent !== undefined && this.isFlow(slot.parent);
  }

  /** Offset just after the `:` or `-` that introduces the slot's value (undefined in flow lists and at the root). */
  indicatorEnd(slot: Slot): number | undefined {
    const tokens = slot.pair ? ((slot.item as { sep?: CST.SourceToken[] } | undefined)?.sep ?? []) : (slot.item?.start ?? []);
    const ind = tokens.find((t) => t.type === 'map-value-ind' || t.type === 'seq-item-ind');
    return ind ? ind.offset + 1 : undefined;
  }

  /** Where the slot's value begins, including its tag and anchor. */
  valueStart(slot: Slot): number {
    const node = slot.node!;
    const tokens = slot.pair ? ((slot.item as { sep?: CST.SourceToken[] } | undefined)?.sep ?? []) : (slot.item?.start ?? []);
    const after = this.indicatorEnd(slot) ?? -1;
    const props = tokens.find((t) => (t.type === 'tag' || t.type === 'anchor') && t.offset >= after && t.offset < node.range![0]);
    return props ? props.offset : node.range![0];
  }

  /** Where a node's text ends: its last character, not the line breaks, comments or blank lines after it. */
  contentEnd(node: Node): number {
    if (isMap(node) || isSeq(node)) {
      if (node.flow) return node.range![1];
      const last = node.items[node.items.length - 1];
      if (last === undefined) return node.range![1];
      if (isPair(last)) {
        const v = last.value as Node | null;
        const keyEnd = isScalar(last.key) ? this.contentEnd(last.key as Node) : node.range![0];
        return v && v.range ? Math.max(this.contentEnd(v), keyEnd) : keyEnd;
      }
      return this.contentEnd(last as Node);
    }
    let end = node.range![1];
    // Only YAML whitespace: a plain scalar may end with a no-break space, which JavaScript counts as whitespace.
    while (end > node.range![0] && /[ \t\r\n]/.test(this.text[end - 1]!)) end--;
    return end;
  }

  /** The offset after the line that ends `node` (after the line break), for inserting a following line. */
  lineAfter(node: Node): number {
    // The last line of a block collection is that of its last value.
    if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
      const last = node.items[node.items.length - 1]!;
      const inner = isPair(last) ? ((last.value as Node | null) ?? (last.key as Node)) : (last as Node);
      if (inner && inner.range) return this.lineAfter(inner);
    }
    // Block scalars own their trailing line breaks (and, when kept with `|+`, blank lines).
    if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && this.text[node.range![1] - 1] === '\n') {
      return node.range![1];
    }
    const nl = this.text.indexOf('\n', this.contentEnd(node));
    return nl < 0 ? this.text.length : nl + 1;
  }

  /** The offset of the start of the line containing `offset`. */
  lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The offset of the line break (`\n` or `\r\n`) ending the line containing `offset` (or the text's end). */
  lineEnd(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    if (nl < 0) return this.text.length;
    return nl > offset && this.text[nl - 1] === '\r' ? nl - 1 : nl;
  }

  /** The column (0-based, in UTF-16 units, equal to spaces for indentation) of `offset`. */
  column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** Whether only spaces precede `offset` on its line. */
  startsLine(offset: number): boolean {
    return /^[ \t]*$/.test(this.text.slice(this.lineStart(offset), offset));
  }

  /** The column of a block collection's items (keys or dashes). */
  indentOf(c: YAMLMap | YAMLSeq): number {
    return (c.srcToken as { indent?: number } | undefined)?.indent ?? this.column(c.range![0]);
  }

  /** The column of the key (or dash) that owns a slot in a block collection; 0 at the root. */
  ownerColumn(slot: Slot): number {
    if (slot.parent === undefined) return 0;
    if (slot.pair && isScalar(slot.pair.key)) return this.column((slot.pair.key as Node).range![0]);
    const ind = this.indicatorEnd(slot);
    return ind !== undefined ? this.column(ind - 1) : this.indentOf(slot.parent);
  }

  private detectStep(): number {
    const todo: Node[] = this.root ? [this.root] : [];
    while (todo.length > 0) {
      const n = todo.shift()!;
      if (!(isMap(n) || isSeq(n)) || n.flow) continue;
      for (const slot of this.slots(n)) {
        const v = slot.node;
        if (!v || !(isMap(v) || isSeq(v)) || v.flow) continue;
        const d = this.indentOf(v) - this.ownerColumn(slot);
        if (slot.pair && d > 0) return d;
        todo.push(v);
      }
    }
    return 2;
  }
}
