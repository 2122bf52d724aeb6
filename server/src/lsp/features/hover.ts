// textDocument/hover: the analysis layer's hover, in markdown.

import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { analysis } from '../../../../engine/src/index';
import type { Snapshot } from '../service/snapshot';

/** Answers a hover from the document's last model. */
export function provideHover(s: Snapshot, params: HoverParams): Hover | null {
  const offset = s.modelOffset(params.position);
  if (offset === undefined) return null;
  const h = analysis.hoverAt(s.ctx, offset);
  if (h === undefined) return null;
  const range = s.range(h.range);
  const contents = s.service.features.markdown ? { kind: MarkupKind.Markdown, value: h.markdown } : { kind: MarkupKind.PlainText, value: h.markdown };
  return range === undefined ? { contents } : { contents, range };
}
