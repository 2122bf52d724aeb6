// Semantic tokens: what the TextMate grammar cannot know. Interpolation delimiters and accessor
// segments (the reserved roots `imports`, `context`, `environments` marked as such), builtin keys,
// provider and rotator names, and the plaintext of secrets.

import type { Pos } from '../model.js';
import type { StringNode, SyntaxNode } from '../syntax/nodes.js';
import type { SourceText } from '../text/sourceText.js';
import type { AnalysisDocument } from './document.js';
import { interpolationsOf } from './interpolations.js';
import { isBuiltinCall } from './locate.js';

/** Token types, in legend order. */
export const TOKEN_TYPES = ['namespace', 'variable', 'property', 'function', 'type', 'operator', 'string', 'number'] as const;
/** Token modifiers, in legend order (`secret` is ours; editors may style it). */
export const TOKEN_MODIFIERS = ['defaultLibrary', 'readonly', 'secret'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

/** A token: a span of UTF-16 offsets of the document text. */
export interface SemanticToken {
  readonly start: number;
  readonly length: number;
  readonly type: TokenType;
  readonly modifiers: readonly TokenModifier[];
}

const ROOTS = new Set(['imports', 'context', 'environments']);

/** Returns the tokens of a document, in order; only those overlapping `[start, end)` when given. */
export function semanticTokens(doc: AnalysisDocument, start = 0, end = Number.MAX_SAFE_INTEGER): SemanticToken[] {
  const root = doc.loaded.decl?.syntax;
  const source = doc.source;
  const out: SemanticToken[] = [];
  if (root === undefined) return out;
  const from = source.pos(start);
  const to = source.pos(Math.min(end, source.text.length));
  const overlaps = (n: SyntaxNode) => !(before(n.range.end, from) || before(to, n.range.begin));
  const stack: { node: SyntaxNode; secret: boolean; call?: string }[] = [{ node: root, secret: false }];
  while (stack.length > 0) {
    const { node, secret, call } = stack.pop()!;
    if (!overlaps(node)) continue;
    if (node.kind === 'string') {
      if (call === '#key') builtinKeyTokens(out, source, node);
      else if (call === 'provider') push(out, source, node.range.begin, node.range.end, 'type', ['defaultLibrary']);
      else if (secret) push(out, source, node.range.begin, node.range.end, 'string', ['secret']);
      else stringTokens(out, source, node);
    } else if (node.kind === 'array') {
      for (let i = node.elements.length - 1; i >= 0; i--) stack.push({ node: node.elements[i]!, secret: false });
    } else if (node.kind === 'object') {
      const builtin = isBuiltinCall(node);
      const entries = node.entries;
      for (let i = entries.length - 1; i >= 0; i--) {
        const { key, value } = entries[i]!;
        const isSecret = builtin && key.value === 'fn::secret';
        // The provider of a long-form fn::open / fn::rotate is a name of the catalogue, like the short form's.
        if ((call === 'fn::open' || call === 'fn::rotate') && key.value === 'provider' && value.kind === 'string') {
          stack.push({ node: value, secret: false, call: 'provider' });
        } else stack.push({ node: value, secret: isSecret, ...(builtin ? { call: key.value } : {}) });
        if (builtin) stack.push({ node: key, secret: false, call: '#key' });
      }
    }
  }
  return withoutOverlaps(out.sort((a, b) => a.start - b.start));
}

/** Drops tokens that overlap an earlier one: editors reject overlapping semantic tokens. */
function withoutOverlaps(sorted: SemanticToken[]): SemanticToken[] {
  const out: SemanticToken[] = [];
  let end = -1;
  for (const t of sorted) {
    if (t.start < end) continue;
    out.push(t);
    end = t.start + t.length;
  }
  return out;
}

function builtinKeyTokens(out: SemanticToken[], source: SourceText, key: StringNode): void {
  if (key.style !== 'plain') return;
  const start = offsetOf(source, key.range.begin);
  const text = key.value;
  const second = text.indexOf('::', 4);
  if (second < 0) {
    out.push({ start, length: text.length, type: 'function', modifiers: ['defaultLibrary'] });
    return;
  }
  out.push({ start, length: second, type: 'function', modifiers: ['defaultLibrary'] });
  if (text.length > second + 2) out.push({ start: start + second + 2, length: text.length - second - 2, type: 'type', modifiers: ['defaultLibrary'] });
}

function stringTokens(out: SemanticToken[], source: SourceText, node: StringNode): void {
  const parts = interpolationsOf(node);
  if (parts.length === 0) return;
  for (const span of braces(node.value)) {
    const open = node.sourceOffset(span.open);
    if (open !== undefined && node.sourceOffset(span.open + 2) === open + 2) out.push({ start: open, length: 2, type: 'operator', modifiers: [] });
    if (span.close !== undefined) {
      const close = node.sourceOffset(span.close);
      if (close !== undefined && node.sourceOffset(span.close + 1) === close + 1) out.push({ start: close, length: 1, type: 'operator', modifiers: [] });
    }
  }
  for (const part of parts) {
    const accessors = part.value?.accessors ?? [];
    accessors.forEach((a, i) => {
      const r = a.range;
      if (r === undefined || r.begin.line === 0) return;
      // The empty name of `${}` has no text of its own (its range is the closing brace).
      if (a.kind === 'name' && a.name === '') return;
      let s = offsetOf(source, r.begin);
      let e = offsetOf(source, r.end);
      // Accessors without their own span (escaped strings) carry the whole node's range.
      if (s === offsetOf(source, node.range.begin) && e === offsetOf(source, node.range.end)) return;
      const text = source.text.slice(s, e);
      if (text.startsWith('.')) s++;
      else if (text.startsWith('["') && text.endsWith('"]')) {
        s += 2;
        e -= 2;
      } else if (text.startsWith('[')) {
        if (text.endsWith(']')) e--;
        s++;
        if (e > s) out.push({ start: s, length: e - s, type: 'number', modifiers: [] });
        return;
      }
      if (e <= s) return;
      if (i === 0) out.push({ start: s, length: e - s, type: ROOTS.has(a.kind === 'name' ? a.name : String(a.index)) ? 'namespace' : 'variable', modifiers: ROOTS.has(a.kind === 'name' ? a.name : String(a.index)) ? ['defaultLibrary'] : [] });
      else out.push({ start: s, length: e - s, type: 'property', modifiers: [] });
    });
  }
}

/** Finds the `${` of each interpolation in a decoded string value, and its closing `}` when present. */
export function braces(value: string): { open: number; close?: number }[] {
  const out: { open: number; close?: number }[] = [];
  let i = 0;
  while (i < value.length) {
    if (value[i] === '$' && value[i + 1] === '$') {
      i += 2;
      continue;
    }
    if (value[i] !== '$' || value[i + 1] !== '{') {
      i++;
      continue;
    }
    const open = i;
    let j = i + 2;
    let close: number | undefined;
    while (j < value.length) {
      const c = value[j]!;
      if (c === '}') {
        close = j;
        break;
      }
      if (c === '[' && value[j + 1] === '"') {
        j += 2;
        while (j < value.length && value[j] !== '"') j += value[j] === '\\' && value[j + 1] === '"' ? 2 : 1;
        j++;
        continue;
      }
      if (/\s/.test(c)) break;
      j++;
    }
    out.push(close === undefined ? { open } : { open, close });
    i = close !== undefined ? close + 1 : j;
  }
  return out;
}

function push(out: SemanticToken[], source: SourceText, begin: Pos, end: Pos, type: TokenType, modifiers: TokenModifier[]): void {
  const s = offsetOf(source, begin);
  const e = offsetOf(source, end);
  if (e > s) out.push({ start: s, length: e - s, type, modifiers });
}

function offsetOf(source: SourceText, p: Pos): number {
  return source.offsetOfPos(p.line, p.column);
}

function before(a: Pos, b: Pos): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}
