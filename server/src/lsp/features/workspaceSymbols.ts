// workspace/symbol: environments and their top-level values across every workspace root.

import type { SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import { analysis } from '../../../../engine/src/index';
import { lspRange, symbolKind } from '../convert';
import type { Service } from '../service/service';

/** Answers workspace symbols from the files of every root (open buffers win). */
export function provideWorkspaceSymbols(service: Service, params: WorkspaceSymbolParams): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const { folder, root } of service.roots.allRoots()) {
    const ws = service.rootWorkspace(folder, root);
    for (const sym of analysis.workspaceSymbols(ws, params.query)) {
      const where = ws.sourceOf(sym.range.environment);
      if (where === undefined) continue;
      out.push({ name: sym.name, kind: symbolKind(sym.kind), location: { uri: where.uri, range: lspRange(where.source, sym.range) }, ...(sym.container !== undefined ? { containerName: sym.container } : {}) });
    }
  }
  return out;
}
