// textDocument/semanticTokens/full and /range: interpolation parts, builtin keys, provider names, secrets.

import type { SemanticTokens, SemanticTokensParams, SemanticTokensRangeParams } from 'vscode-languageserver';
import { analysis } from '../../../../engine/src/index';
import { encodeTokens } from '../convert';
import type { Snapshot } from '../service/snapshot';

/** Answers the tokens of the whole document. */
export function provideSemanticTokens(s: Snapshot, _params: SemanticTokensParams): SemanticTokens {
  return encode(s, analysis.semanticTokens(s.model.doc));
}

/** Answers the tokens of a range of the document. */
export function provideSemanticTokensRange(s: Snapshot, params: SemanticTokensRangeParams): SemanticTokens {
  const start = s.modelOffset(params.range.start) ?? 0;
  const end = s.modelOffset(params.range.end) ?? Number.MAX_SAFE_INTEGER;
  return encode(s, analysis.semanticTokens(s.model.doc, start, end));
}

function encode(s: Snapshot, tokens: readonly analysis.SemanticToken[]): SemanticTokens {
  const mapped = tokens.flatMap((t) => {
    const start = s.currentOffset(t.start);
    const end = s.currentOffset(t.start + t.length);
    return start === undefined || end === undefined || end <= start ? [] : [{ ...t, start, length: end - start }];
  });
  const lineEnd = (line: number) => s.mirror.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }) - s.mirror.offsetAt({ line, character: 0 });
  return { data: encodeTokens(mapped, (o) => s.mirror.positionAt(o), lineEnd) };
}
