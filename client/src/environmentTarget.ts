// Which environment a command acts on. Commands are called from the palette (the active editor's
// environment, else one picked from a list), from menus and CodeLens (a document URI), from the
// environments view (a tree node) or programmatically (`{ environment, workspaceUri }` or `{ uri }`).

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OpenEnvironmentParams } from '../../server/src/protocol';
import type { EnvironmentIndex, IndexedEnvironment } from './environmentIndex';

/** The environment a command acts on. */
export interface EnvironmentRef {
  /** What to call it: the canonical name for an environment of a root, else the file's name. */
  readonly label: string;
  /** Its document. */
  readonly uri: vscode.Uri;
  /** Its entry in a root; absent for standalone files (`*.esc.yaml` outside the root). */
  readonly indexed?: IndexedEnvironment;
}

/** Something that carries an indexed environment, such as a node of the environments view. */
export interface HasEnvironment {
  readonly environment: IndexedEnvironment;
}

/** Returns the `esc/open` parameters naming `ref` by its document, so that unsaved edits count. */
export function openParams(ref: EnvironmentRef): OpenEnvironmentParams {
  return { uri: ref.uri.toString() };
}

/** Resolves a command argument (or the active editor, or the user's pick) to an environment; undefined when the user cancels. */
export async function resolveTarget(arg: unknown, index: EnvironmentIndex, purpose: string): Promise<EnvironmentRef | undefined> {
  await index.ready();
  if (arg instanceof vscode.Uri) return fromUri(arg, index);
  if (isRecord(arg)) {
    if (isRecord(arg['environment']) && isRecord((arg['environment'] as Record<string, unknown>)['entry'])) {
      const indexed = (arg as unknown as HasEnvironment).environment;
      return { label: indexed.entry.name, uri: vscode.Uri.parse(indexed.entry.uri), indexed };
    }
    if (typeof arg['uri'] === 'string') return fromUri(vscode.Uri.parse(arg['uri']), index);
    if (typeof arg['environment'] === 'string') return await fromName(arg['environment'], typeof arg['workspaceUri'] === 'string' ? arg['workspaceUri'] : undefined, index);
  }
  const editor = vscode.window.activeTextEditor;
  if (editor !== undefined && editor.document.languageId === 'esc') return fromUri(editor.document.uri, index);
  return pick(index, purpose);
}

function fromUri(uri: vscode.Uri, index: EnvironmentIndex): EnvironmentRef {
  const indexed = index.byUri(uri);
  return { label: indexed?.entry.name ?? path.posix.basename(uri.path), uri, indexed };
}

async function fromName(name: string, workspaceUri: string | undefined, index: EnvironmentIndex): Promise<EnvironmentRef | undefined> {
  const folder = workspaceUri !== undefined ? vscode.Uri.parse(workspaceUri).fsPath : undefined;
  const find = () => {
    for (const root of index.allRoots()) {
      if (folder !== undefined && (root.folderUri === undefined || vscode.Uri.parse(root.folderUri).fsPath !== folder)) continue;
      const indexed = index.byName(root, name);
      if (indexed !== undefined) return indexed;
    }
    return undefined;
  };
  // A file created a moment ago may not be listed yet: ask the server once more before giving up.
  let indexed = find();
  if (indexed === undefined) {
    await index.refresh();
    indexed = find();
  }
  if (indexed === undefined) {
    void vscode.window.showErrorMessage(`ESC: no environment named ${name} in the workspace root.`);
    return undefined;
  }
  return { label: indexed.entry.name, uri: vscode.Uri.parse(indexed.entry.uri), indexed };
}

async function pick(index: EnvironmentIndex, purpose: string): Promise<EnvironmentRef | undefined> {
  const all = index.all();
  if (all.length === 0) {
    void vscode.window.showInformationMessage('ESC: no environments found. Open an environment file, or put environments under environments/<project>/<env>.yaml (or the escLocal.root setting).');
    return undefined;
  }
  const severalRoots = index.allRoots().length > 1;
  const items = all
    .sort((a, b) => a.entry.name.localeCompare(b.entry.name))
    .map((indexed) => ({
      label: indexed.entry.name,
      description: severalRoots && indexed.root.folderUri !== undefined ? path.posix.basename(vscode.Uri.parse(indexed.root.folderUri).path) : undefined,
      detail: indexed.entry.broken ? '$(warning) has errors' : undefined,
      indexed,
    }));
  const chosen = await vscode.window.showQuickPick(items, { placeHolder: `Environment to ${purpose}`, matchOnDescription: true });
  return chosen !== undefined ? { label: chosen.label, uri: vscode.Uri.parse(chosen.indexed.entry.uri), indexed: chosen.indexed } : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
