// textDocument/completion: candidates at a position of the current text, with values from the last model.

import { InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import { analysis } from '../../../../engine/src/index';
import { completionKind } from '../convert';
import type { Snapshot } from '../service/snapshot';

/** Answers completion: the place is read from the current text, values from the document's last model. */
export function provideCompletion(s: Snapshot, params: CompletionParams): CompletionList {
  const offset = s.mirror.offsetAt(params.position);
  const snippets = s.service.features.snippets;
  const items: CompletionItem[] = [];
  for (const c of analysis.completionsAt(s.ctx, s.mirror.text, offset)) {
    if (c.snippet && !snippets && c.insertText.includes('\n')) continue;
    const newText = c.snippet && !snippets ? plainText(c.insertText) : c.insertText;
    const item: CompletionItem = {
      label: c.label,
      kind: completionKind(c.kind),
      textEdit: { range: { start: s.mirror.positionAt(c.range.start), end: s.mirror.positionAt(c.range.end) }, newText },
    };
    if (c.snippet && snippets) item.insertTextFormat = InsertTextFormat.Snippet;
    if (newText.includes('\n')) item.insertTextMode = InsertTextMode.asIs;
    if (c.detail !== undefined) item.detail = c.detail;
    if (c.documentation !== undefined) item.documentation = s.service.features.markdown ? { kind: MarkupKind.Markdown, value: c.documentation } : c.documentation;
    if (c.filterText !== undefined) item.filterText = c.filterText;
    if (c.sortText !== undefined) item.sortText = c.sortText;
    items.push(item);
  }
  return { isIncomplete: false, items };
}

/** Removes snippet syntax: placeholders keep their default text, tab stops vanish. */
function plainText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}
