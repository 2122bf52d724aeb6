// textDocument/prepareRename and textDocument/rename: value keys across the workspace, and
// environments (imports, accesses and the file).

import { ResponseError, ErrorCodes, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { analysis } from '../../../../engine/src/index';
import type { Snapshot } from '../service/snapshot';
import { toWorkspaceEdit } from './workspaceEdits';

/** Answers what would be renamed at a position, or null. */
export function providePrepareRename(s: Snapshot, params: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const offset = s.modelOffset(params.position);
  if (offset === undefined) return null;
  const t = analysis.renameTargetAt(s.ctx, offset);
  const range = t === undefined ? undefined : s.range(t.range);
  return t === undefined || range === undefined ? null : { range, placeholder: t.placeholder };
}

/** Answers a rename with a workspace edit; refusals are errors the editor shows. */
export function provideRename(s: Snapshot, params: RenameParams): WorkspaceEdit | null {
  const offset = s.modelOffset(params.position);
  if (offset === undefined) throw new ResponseError(ErrorCodes.InvalidRequest, 'the document changed here since it was last checked; try again');
  const r = analysis.renameAt(s.ctx, offset, params.newName);
  if (!r.ok) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
  const edit = toWorkspaceEdit(s, r.change);
  if (!edit.ok) throw new ResponseError(ErrorCodes.InvalidRequest, edit.error);
  return edit.edit;
}
