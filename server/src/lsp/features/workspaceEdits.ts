// Turning the analysis layer's workspace changes (text edits by environment, environments to create
// or rename) into an LSP workspace edit: text edits on the current texts, then file operations.

import { join, extname } from 'node:path';
import type { CreateFile, RenameFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { WorkspaceChange } from '../../../../engine/src/index';
import { parseEnvironmentName } from '../../host/environmentNames';
import { pathToUri } from '../service/roots';
import type { Snapshot } from '../service/snapshot';

/** A workspace edit, or why none can be made. */
export type EditResult = { ok: true; edit: WorkspaceEdit } | { ok: false; error: string };

/** Converts a workspace change computed from a snapshot's model. */
export function toWorkspaceEdit(s: Snapshot, change: WorkspaceChange): EditResult {
  const byUri = new Map<string, TextEdit[]>();
  for (const e of change.edits) {
    const at = s.location(e.range);
    if (at === undefined) return { ok: false, error: 'the document changed where this edit applies; try again' };
    byUri.set(at.uri, [...(byUri.get(at.uri) ?? []), { range: at.range, newText: e.newText }]);
  }
  const files = change.renameEnvironments ?? [];
  const creates = change.createEnvironments ?? [];
  const features = s.service.features;
  if ((files.length > 0 || creates.length > 0) && !(features.documentChanges && features.resourceOperations)) {
    return { ok: false, error: 'this editor cannot create or rename files through the language server' };
  }
  if (!features.documentChanges) {
    const changes: Record<string, TextEdit[]> = {};
    for (const [uri, edits] of byUri) changes[uri] = edits;
    return { ok: true, edit: { changes } };
  }
  const documentChanges: (TextDocumentEdit | CreateFile | RenameFile)[] = [];
  for (const [uri, edits] of byUri) documentChanges.push({ textDocument: { uri, version: s.versionOf(uri) }, edits });
  const root = s.model.place.root;
  for (const r of files) {
    const from = s.workspace.pathOf(r.from);
    const to = environmentPath(root, r.to, from === undefined ? '.yaml' : extname(from));
    if (from === undefined || to === undefined) return { ok: false, error: `cannot find the file of environment ${r.from}` };
    documentChanges.push({ kind: 'rename', oldUri: s.service.uriOf(from), newUri: pathToUri(to), options: { overwrite: false, ignoreIfExists: false } });
  }
  for (const c of creates) {
    const path = environmentPath(root, c.name, '.yaml');
    if (path === undefined) return { ok: false, error: `"${c.name}" is not an environment name` };
    const uri = pathToUri(path);
    documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: c.text }] });
  }
  return { ok: true, edit: { documentChanges } };
}

/** Returns the file an environment name lives in under a root (`ROOT/<project>/<env><ext>`). */
export function environmentPath(root: string, name: string, ext: string): string | undefined {
  const parsed = parseEnvironmentName(name);
  return parsed.ok ? join(root, parsed.name.project, `${parsed.name.env}${ext}`) : undefined;
}
