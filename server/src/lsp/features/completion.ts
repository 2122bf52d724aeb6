// textDocument/completion: candidates at a position of the current text, with values from the last model.

import { InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams, type Range as LspRange } from 'vscode-languageserver';
import { analysis, SourceText } from '../../../../engine/src/index';
import { completionKind, lspRange } from '../convert';
import type { Snapshot } from '../service/snapshot';

/** Answers completion: the place is read from the current text, values from the document's last model. */
export function provideCompletion(s: Snapshot, params: CompletionParams): CompletionList {
  const text = s.mirror.text;
  const offset = s.mirror.offsetAt(params.position);
  // The place depends only on the lines from the top-level key above the cursor to the cursor's line;
  // indexing that window instead of the whole text keeps completion cheap in huge documents between
  // a keystroke and the check that follows it.
  const start = blockStart(text, offset);
  const lineEnd = text.indexOf('\n', offset);
  const window = new SourceText(text.slice(start, lineEnd < 0 ? text.length : lineEnd));
  const firstLine = s.mirror.positionAt(start).line;
  const toDocument = (r: LspRange): LspRange => ({
    start: { line: r.start.line + firstLine, character: r.start.character },
    end: { line: r.end.line + firstLine, character: r.end.character },
  });
  const snippets = s.service.features.snippets;
  const items: CompletionItem[] = [];
  for (const c of analysis.completionsAt(s.ctx, window, offset - start)) {
    if (c.snippet && !snippets && c.insertText.includes('\n')) continue;
    const newText = c.snippet && !snippets ? plainText(c.insertText) : c.insertText;
    const item: CompletionItem = {
      label: c.label,
      kind: completionKind(c.kind),
      textEdit: { range: toDocument(lspRange(window, c.range)), newText },
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

/** Returns the offset of the start of the nearest line at or above `offset` whose content starts in column 0 (a top-level key), else 0. */
function blockStart(text: string, offset: number): number {
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  for (;;) {
    const c = text[lineStart];
    if (c !== undefined && c !== ' ' && c !== '\t' && c !== '#' && c !== '\n' && c !== '\r') return lineStart;
    if (lineStart === 0) return 0;
    lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  }
}

/** Removes snippet syntax: placeholders keep their default text, tab stops vanish. */
function plainText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}
