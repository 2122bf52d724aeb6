// Code actions: "did you mean" fixes for misspelt properties, providers and top-level keys; creating
// the missing environment of an unresolved import; wrapping a plaintext value in `fn::secret`; and
// exporting a value through `environmentVariables`.

import type { Diagnostic } from '../diagnostics.js';
import type { Range } from '../model.js';
import type { ObjectNode, StringNode, SyntaxNode } from '../syntax/nodes.js';
import type { AnalysisContext, TextEdit, WorkspaceChange } from './document.js';
import { interpolationsOf } from './interpolations.js';
import { isBuiltinCall, nodePath, siteAt, type PathStep } from './locate.js';
import { formatAccess } from './paths.js';
import { comparePos, touches } from './ranges.js';
import { resolveTarget } from './resolve.js';
import { RESERVED_VALUE_KEYS } from './vocabulary.js';

/** A code action: a titled change, the diagnostic it fixes (for quick fixes) and whether it is the obvious one. */
export interface CodeActionInfo {
  readonly title: string;
  readonly kind: 'quickfix' | 'refactor.rewrite';
  readonly change: WorkspaceChange;
  readonly diagnostic?: Diagnostic;
  readonly preferred?: boolean;
}

/** Returns the actions for a selection `[start, end]` (UTF-16 offsets) of the document. */
export function codeActions(ctx: AnalysisContext, start: number, end: number): CodeActionInfo[] {
  const doc = ctx.document;
  const from = doc.source.pos(start);
  const to = doc.source.pos(end);
  const out: CodeActionInfo[] = [];
  for (const d of doc.diagnostics) {
    if (d.range === undefined || d.range.environment !== doc.name) continue;
    if (comparePos(d.range.end, from) < 0 || comparePos(to, d.range.begin) < 0) continue;
    const fix = didYouMean(ctx, d) ?? createEnvironment(ctx, d);
    if (fix !== undefined) out.push(fix);
  }
  const secret = wrapInSecret(ctx, from);
  if (secret !== undefined) out.push(secret);
  const exported = addEnvironmentVariable(ctx, from);
  if (exported !== undefined) out.push(exported);
  return out;
}

const DID_YOU_MEAN = /^unknown (?:property|provider|rotator) ("(?:[^"\\]|\\.)*")(?:.*?); did you mean ("(?:[^"\\]|\\.)*")\?$/;
const UNKNOWN_FIELD = /^Field '(.*)' does not exist on Object 'environment'\. Existing fields are: '([^']*)'/;

/** Replaces the misspelt name inside the diagnostic's range with the suggestion of its message. */
function didYouMean(ctx: AnalysisContext, d: Diagnostic): CodeActionInfo | undefined {
  let wrong: string;
  let right: string;
  const m = DID_YOU_MEAN.exec(d.summary);
  const f = UNKNOWN_FIELD.exec(d.summary);
  if (m !== null) {
    wrong = unquote(m[1]!);
    right = unquote(m[2]!);
  } else if (f !== null) {
    wrong = f[1]!;
    right = f[2]!;
  } else return undefined;
  const source = ctx.document.source;
  const s = source.offsetOfPos(d.range!.begin.line, d.range!.begin.column);
  const e = source.offsetOfPos(d.range!.end.line, d.range!.end.column);
  const at = source.text.slice(s, e).lastIndexOf(wrong);
  if (wrong === '' || at < 0) return undefined;
  const range = source.range(ctx.document.name, s + at, s + at + wrong.length);
  return { title: `Change to '${right}'`, kind: 'quickfix', change: { edits: [{ range, newText: right }] }, diagnostic: d, preferred: true };
}

/** Offers to create the environment an import names when it does not exist. */
function createEnvironment(ctx: AnalysisContext, d: Diagnostic): CodeActionInfo | undefined {
  for (const i of ctx.document.loaded.decl?.imports ?? []) {
    const node = i.environment.syntax;
    if (node === undefined || !touches(node.range, d.range!.begin)) continue;
    const info = ctx.workspace.environmentInfo(i.environment.value);
    if (info === undefined || ctx.workspace.document(info.name) !== undefined || info.name === ctx.document.name) return undefined;
    const location = ctx.workspace.describeLocation(info.name);
    return {
      title: `Create environment ${info.name}${location !== undefined ? ` (${location})` : ''}`,
      kind: 'quickfix',
      change: { edits: [], createEnvironments: [{ name: info.name, text: 'values: {}\n' }] },
      diagnostic: d,
    };
  }
  return undefined;
}

/** Offers to wrap a one-line plaintext string value in `fn::secret`. */
function wrapInSecret(ctx: AnalysisContext, pos: Range['begin']): CodeActionInfo | undefined {
  const path = nodePath(ctx.document.loaded.decl?.syntax, pos);
  const site = siteAt(ctx.document.loaded.decl?.syntax, pos);
  if (site.kind !== 'value' || site.onKey || site.path.length === 0) return undefined;
  const node = site.frame.node;
  if (node.kind !== 'string' || node.range.begin.line !== node.range.end.line || interpolationsOf(node).length > 0) return undefined;
  if (node.style === 'literal' || node.style === 'folded') return undefined;
  const frames = path.frames;
  const parent = frames[frames.length - 2]?.node;
  if (parent === undefined || (parent.kind === 'object' && isBuiltinCall(parent))) return undefined;
  const source = ctx.document.source;
  const start = offsetOf(ctx, node.range.begin);
  const end = offsetOf(ctx, node.range.end);
  const text = source.text.slice(start, end);
  const parentStart = offsetOf(ctx, parent.range.begin);
  const inFlow = source.text[parentStart] === '{' || source.text[parentStart] === '[';
  let edit: TextEdit;
  if (inFlow || parent.kind === 'array') edit = { range: node.range, newText: inFlow ? `{fn::secret: ${text}}` : `fn::secret: ${text}` };
  else {
    const key = site.frame.key!;
    const keyStart = offsetOf(ctx, key.range.begin);
    const lineStart = source.offsetAt({ line: source.lspPosition(keyStart).line, character: 0 });
    const indent = ' '.repeat(keyStart - lineStart);
    const afterKey = offsetOf(ctx, key.range.end);
    const colon = source.text.indexOf(':', afterKey);
    if (colon < 0 || colon > start) return undefined;
    edit = { range: source.range(ctx.document.name, colon + 1, end), newText: `\n${indent}  fn::secret: ${text}` };
  }
  return { title: 'Wrap in fn::secret', kind: 'refactor.rewrite', change: { edits: [edit] } };
}

/** Offers to export a string value as an environment variable named after its path. */
function addEnvironmentVariable(ctx: AnalysisContext, pos: Range['begin']): CodeActionInfo | undefined {
  const site = siteAt(ctx.document.loaded.decl?.syntax, pos);
  // Inside a builtin call (such as fn::secret), the value exported is what the call produces.
  if ((site.kind !== 'value' && site.kind !== 'builtinArg') || site.path.length === 0 || RESERVED_VALUE_KEYS.has(String(site.path[0]))) return undefined;
  const target = resolveTarget(ctx, site.path);
  const isString = target?.kind === 'value' && (typeof target.value?.value === 'string' || target.schema.type === 'string');
  if (!isString) return undefined;
  const values = ctx.document.loaded.decl?.valuesSyntax;
  if (values === undefined || values.entries.length === 0) return undefined;
  const name = variableName(site.path);
  const line = `${name}: \${${formatAccess(site.path)}}`;
  const existing = values.entries.find((e) => e.key.value === 'environmentVariables');
  const edit = existing === undefined ? appendEntry(ctx, values, `environmentVariables:\n${' '.repeat(indentOf(ctx, values) + 2)}${line}`) : appendToMapping(ctx, existing.key, existing.value, line);
  if (edit === undefined) return undefined;
  return { title: `Export as environment variable ${name}`, kind: 'refactor.rewrite', change: { edits: [edit] } };
}

/** Builds `DB_PASSWORD` from `db.password`. */
export function variableName(path: readonly PathStep[]): string {
  const words = path
    .filter((p): p is string => typeof p === 'string')
    .map((p) => p.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_'))
    .join('_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return /^[A-Z_]/.test(words) ? words : `_${words}`;
}

function appendEntry(ctx: AnalysisContext, mapping: ObjectNode, text: string): TextEdit | undefined {
  if (isFlow(ctx, mapping)) return undefined;
  return insertAfter(ctx, mapping.entries[mapping.entries.length - 1]!.value, `${' '.repeat(indentOf(ctx, mapping))}${text}`);
}

function appendToMapping(ctx: AnalysisContext, key: StringNode, value: SyntaxNode, line: string): TextEdit | undefined {
  if (value.kind === 'null') {
    const pad = ' '.repeat(columnOf(ctx, key.range.begin) + 2);
    const at = offsetOf(ctx, key.range.end);
    const colon = ctx.document.source.text.indexOf(':', at);
    if (colon < 0) return undefined;
    return { range: ctx.document.source.range(ctx.document.name, colon + 1, colon + 1), newText: `\n${pad}${line}` };
  }
  if (value.kind !== 'object' || value.entries.length === 0 || isFlow(ctx, value)) return undefined;
  return insertAfter(ctx, value.entries[value.entries.length - 1]!.value, `${' '.repeat(indentOf(ctx, value))}${line}`);
}

/** Inserts a line after the line where `last` ends. */
function insertAfter(ctx: AnalysisContext, last: SyntaxNode, text: string): TextEdit {
  const source = ctx.document.source;
  const end = offsetOf(ctx, last.range.end);
  const line = source.lspPosition(end).line;
  const lineEnd = source.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
  // A block scalar ends at the start of the line after it.
  if (end > 0 && source.text[end - 1] === '\n') return { range: source.range(ctx.document.name, end, end), newText: `${text}\n` };
  return { range: source.range(ctx.document.name, lineEnd, lineEnd), newText: `\n${text}` };
}

function indentOf(ctx: AnalysisContext, mapping: ObjectNode): number {
  return columnOf(ctx, mapping.entries[0]!.key.range.begin);
}

function columnOf(ctx: AnalysisContext, p: Range['begin']): number {
  const source = ctx.document.source;
  return source.lspPosition(offsetOf(ctx, p)).character;
}

function isFlow(ctx: AnalysisContext, node: SyntaxNode): boolean {
  return ctx.document.source.text[offsetOf(ctx, node.range.begin)] === '{';
}

function offsetOf(ctx: AnalysisContext, p: Range['begin']): number {
  return ctx.document.source.offsetOfPos(p.line, p.column);
}

function unquote(s: string): string {
  try {
    return JSON.parse(s) as string;
  } catch {
    return s.slice(1, -1);
  }
}
