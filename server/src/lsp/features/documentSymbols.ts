// textDocument/documentSymbol: the outline (imports, then values as a tree).

import { type DocumentSymbol, type DocumentSymbolParams, type SymbolInformation } from 'vscode-languageserver';
import { analysis } from '../../../../engine/src/index';
import { symbolKind } from '../convert';
import type { Snapshot } from '../service/snapshot';

/** At most this many symbols: beyond it an outline is no help, and sending it costs (yaml-language-server's default too). */
const MAX_SYMBOLS = 5000;

/** Answers the outline from the document's last model (hierarchical when the client supports it). */
export function provideDocumentSymbols(s: Snapshot, _params: DocumentSymbolParams): DocumentSymbol[] | SymbolInformation[] {
  const outline = analysis.documentSymbols(s.model.doc, MAX_SYMBOLS);
  const convert = (sym: analysis.OutlineSymbol): DocumentSymbol[] => {
    const range = s.range(sym.range);
    const selectionRange = s.range(sym.selectionRange);
    if (range === undefined || selectionRange === undefined) return [];
    const children = sym.children.flatMap(convert);
    return [{ name: sym.name || '""', kind: symbolKind(sym.kind), range, selectionRange, ...(sym.detail !== undefined ? { detail: sym.detail } : {}), ...(children.length > 0 ? { children } : {}) }];
  };
  const symbols = outline.flatMap(convert);
  if (s.service.features.hierarchicalSymbols) return symbols;
  const flat: SymbolInformation[] = [];
  const walk = (list: DocumentSymbol[], container?: string) => {
    for (const d of list) {
      flat.push({ name: d.name, kind: d.kind, location: { uri: s.model.uri, range: d.selectionRange }, ...(container !== undefined ? { containerName: container } : {}) });
      walk(d.children ?? [], d.name);
    }
  };
  walk(symbols);
  return flat;
}
