// textDocument/foldingRange: mappings, lists and block scalars that span lines.

import type { FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import { analysis } from '../../../../engine/src/index';
import type { Snapshot } from '../service/snapshot';

/** Answers folding ranges from the document's last model, mapped onto the current text. */
export function provideFoldingRanges(s: Snapshot, _params: FoldingRangeParams): FoldingRange[] {
  const source = s.model.doc.source;
  const lineOf = (modelLine: number, end: boolean): number | undefined => {
    const offset = source.offsetAt({ line: modelLine - 1, character: end ? Number.MAX_SAFE_INTEGER : 0 });
    const current = s.currentOffset(offset);
    return current === undefined ? undefined : s.mirror.positionAt(current).line;
  };
  const out: FoldingRange[] = [];
  for (const f of analysis.foldingSpans(s.model.doc)) {
    const startLine = lineOf(f.startLine, false);
    const endLine = lineOf(f.endLine, true);
    if (startLine !== undefined && endLine !== undefined && endLine > startLine) out.push({ startLine, endLine });
  }
  return out;
}
