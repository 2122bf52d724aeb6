// The only place where engine values become LSP values: ranges (through SourceText), diagnostics,
// and the kinds of completion candidates and symbols. Semantic tokens are encoded here too.

import {
  CompletionItemKind,
  DiagnosticSeverity,
  SymbolKind,
  type Diagnostic as LspDiagnostic,
  type DiagnosticRelatedInformation,
  type Range as LspRange,
} from 'vscode-languageserver';
import type { AnalysisDocument, Diagnostic, Range, SourceText } from '../../../engine/src/index';
import { analysis } from '../../../engine/src/index';
import type { DocumentWorkspace } from './service/analysisWorkspace';

/** Converts an engine range to an LSP range of the same text. */
export function lspRange(source: SourceText, r: Range): LspRange {
  return { start: source.lspPositionOfPos(r.begin), end: source.lspPositionOfPos(r.end) };
}

/** Returns the UTF-16 offsets of an engine range in its text. */
export function offsetsOf(source: SourceText, r: Range): [number, number] {
  return [source.offsetOfPos(r.begin.line, r.begin.column), source.offsetOfPos(r.end.line, r.end.column)];
}

/** Converts a severity: warnings stay warnings. */
export function lspSeverity(d: Diagnostic): DiagnosticSeverity {
  return d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
}

/**
 * Converts a document's diagnostics. Problems located in other documents (an import that does not
 * load or check) are shown on the import that brings them in, with their location as related
 * information; the imported document shows them itself when it is open.
 */
export function toLspDiagnostics(doc: AnalysisDocument, workspace: DocumentWorkspace, relatedInformation: boolean): LspDiagnostic[] {
  const out: LspDiagnostic[] = [];
  const seen = new Set<string>();
  for (const d of doc.diagnostics) {
    const converted = toLspDiagnostic(doc, workspace, d, relatedInformation);
    if (converted === undefined) continue;
    const key = `${converted.range.start.line}:${converted.range.start.character}:${converted.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(converted);
  }
  return out;
}

/** Converts one diagnostic of a document, or returns undefined when it is not shown there. */
export function toLspDiagnostic(doc: AnalysisDocument, workspace: DocumentWorkspace, d: Diagnostic, relatedInformation: boolean): LspDiagnostic | undefined {
  const message = d.detail ? `${d.summary}\n${d.detail}` : d.summary;
  const base = { severity: lspSeverity(d), source: 'esc', ...(d.code !== undefined ? { code: d.code } : {}) };
  if (d.range === undefined) return { ...base, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message };
  if (d.range.environment === doc.name) return { ...base, range: lspRange(doc.source, d.range), message };
  // Warnings of imported documents are theirs to show.
  if (d.severity !== 'error') return undefined;
  const imports = doc.loaded.decl?.imports ?? [];
  const via = imports.find((i) => workspace.environmentInfo(i.environment.value)?.name === d.range!.environment) ?? imports[0];
  const at = via?.environment.syntax?.range;
  const range = at !== undefined ? lspRange(doc.source, at) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const where = workspace.sourceOf(d.range.environment);
  const position = `${d.range.environment}:${d.range.begin.line}:${d.range.begin.column}`;
  const related: DiagnosticRelatedInformation[] =
    relatedInformation && where !== undefined ? [{ location: { uri: where.uri, range: lspRange(where.source, d.range) }, message: d.summary }] : [];
  return { ...base, range, message: `${position}: ${message}`, ...(related.length > 0 ? { relatedInformation: related } : {}) };
}

/** Maps the analysis layer's candidate kinds to LSP completion kinds. */
export function completionKind(kind: analysis.CompletionKind): CompletionItemKind {
  switch (kind) {
    case 'property':
      return CompletionItemKind.Property;
    case 'namespace':
      return CompletionItemKind.Module;
    case 'environment':
      return CompletionItemKind.File;
    case 'project':
      return CompletionItemKind.Folder;
    case 'builtin':
      return CompletionItemKind.Function;
    case 'provider':
    case 'rotator':
      return CompletionItemKind.Class;
    case 'keyword':
      return CompletionItemKind.Keyword;
    case 'value':
      return CompletionItemKind.Value;
  }
}

/** Maps the analysis layer's symbol kinds to LSP symbol kinds. */
export function symbolKind(kind: analysis.SymbolKindName): SymbolKind {
  switch (kind) {
    case 'namespace':
      return SymbolKind.Namespace;
    case 'module':
      return SymbolKind.Module;
    case 'object':
      return SymbolKind.Object;
    case 'array':
      return SymbolKind.Array;
    case 'string':
      return SymbolKind.String;
    case 'number':
      return SymbolKind.Number;
    case 'boolean':
      return SymbolKind.Boolean;
    case 'null':
      return SymbolKind.Null;
    case 'function':
      return SymbolKind.Function;
    case 'key':
      return SymbolKind.Key;
  }
}

/**
 * Encodes tokens (already mapped to offsets of the current text) in LSP's relative form; tokens
 * spanning lines are split at line ends, as clients without multiline token support require.
 */
export function encodeTokens(tokens: readonly { start: number; length: number; type: string; modifiers: readonly string[] }[], positionAt: (offset: number) => { line: number; character: number }, lineEnd: (line: number) => number): number[] {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  const typeIndex = new Map<string, number>(analysis.TOKEN_TYPES.map((t, i) => [t, i]));
  const modIndex = new Map<string, number>(analysis.TOKEN_MODIFIERS.map((m, i) => [m, i]));
  const emit = (line: number, char: number, length: number, type: number, mods: number) => {
    if (length <= 0) return;
    data.push(line - prevLine, line === prevLine ? char - prevChar : char, length, type, mods);
    prevLine = line;
    prevChar = char;
  };
  for (const t of tokens) {
    const type = typeIndex.get(t.type);
    if (type === undefined) continue;
    const mods = t.modifiers.reduce((acc, m) => acc | (1 << (modIndex.get(m) ?? 31)), 0);
    let start = positionAt(t.start);
    const end = positionAt(t.start + t.length);
    while (start.line < end.line) {
      emit(start.line, start.character, lineEnd(start.line) - start.character, type, mods);
      start = { line: start.line + 1, character: 0 };
    }
    emit(start.line, start.character, end.character - start.character, type, mods);
  }
  return data;
}
