// textDocument/inlayHint: the evaluated value after each interpolated string (secrets masked).

import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { analysis } from '../../../../engine/src/index';
import type { Snapshot } from '../service/snapshot';

/** Answers inlay hints for the visible range from the document's last model. */
export function provideInlayHints(s: Snapshot, params: InlayHintParams): InlayHint[] {
  if (!s.service.settings.inlayHints) return [];
  // Where the visible range starts or ends inside text typed since the model, widen to the whole model.
  const start = s.modelOffset(params.range.start) ?? 0;
  const end = s.modelOffset(params.range.end) ?? Number.MAX_SAFE_INTEGER;
  const out: InlayHint[] = [];
  for (const h of analysis.inlayHints(s.ctx, start, end)) {
    const offset = s.currentOffset(h.offset);
    if (offset === undefined) continue;
    out.push({ position: s.mirror.positionAt(offset), label: h.label, paddingLeft: true });
  }
  return out;
}
