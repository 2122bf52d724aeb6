// textDocument/codeAction: did-you-mean fixes, creating missing environments, fn::secret and
// environmentVariables refactorings.

import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { analysis } from '../../../../engine/src/index';
import { toLspDiagnostic } from '../convert';
import type { Snapshot } from '../service/snapshot';
import { toWorkspaceEdit } from './workspaceEdits';

/** Answers the code actions of a range from the document's last model. */
export function provideCodeActions(s: Snapshot, params: CodeActionParams): CodeAction[] {
  const start = s.modelOffset(params.range.start);
  const end = s.modelOffset(params.range.end);
  if (start === undefined || end === undefined) return [];
  const only = params.context.only;
  const out: CodeAction[] = [];
  for (const a of analysis.codeActions(s.ctx, start, end)) {
    const kind = a.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite;
    if (only !== undefined && !only.some((o) => kind === o || kind.startsWith(o + '.'))) continue;
    const edit = toWorkspaceEdit(s, a.change);
    if (!edit.ok) continue;
    const action: CodeAction = { title: a.title, kind, edit: edit.edit };
    if (a.preferred) action.isPreferred = true;
    if (a.diagnostic !== undefined) {
      const d = toLspDiagnostic(s.model.doc, s.workspace, a.diagnostic, false);
      const range = a.diagnostic.range === undefined ? undefined : s.range(a.diagnostic.range);
      if (d !== undefined && range !== undefined) action.diagnostics = [{ ...d, range }];
    }
    out.push(action);
  }
  return out;
}
