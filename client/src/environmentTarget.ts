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
  /** Its document, when it has one. */
  readonly uri?: vscode.Uri;
  /** Its entry in a root; absent for standalone files (`*.esc.yaml` outside the root). */
  readonly indexed?: IndexedEnvironment;
}

/** Something that carries an indexed environment, such as a node of the environments view. */
export interface HasEnvironment {
  readonly environment: IndexedEnvironment;
}

/** Returns the `esc/open` parameters naming `ref`: its document (so unsaved edits count), else its name. */
export function openParams(ref: EnvironmentRef): OpenEnvironmentParams {
  if (ref.uri !== undefined) return { uri: ref.uri.toString() };
  const { entry, root } = ref.indexed!;
  return { environment: entry.name, ...(root.folderUri !== undefined ? { workspaceUri: root.folderUri } : {}) };
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
    if (typeof arg['environment'] === 'string') return fromName(arg['environment'], typeof arg['workspaceUri'] === 'string' ? arg['workspaceUri'] : undefined, index);
  }
  const editor = vscode.window.activeTextEditor;
  if (editor !== undefined && editor.document.languageId === 'esc') return fromUri(editor.document.uri, index);
  return pick(index, purpose);
}

function fromUri(uri: vscode.Uri, index: EnvironmentIndex): EnvironmentRef {
  const indexed = index.byUri(uri);
  return { label: indexed?.entry.name ?? path.posix.basename(uri.path), uri, indexed };
}

function fromName(name: string, workspaceUri: string | undefined, index: EnvironmentIndex): EnvironmentRef {
  const folder = workspaceUri !== undefined ? vscode.Uri.parse(workspaceUri).fsPath : undefined;
  const roots = index.allRoots().filter((r) => folder === undefined || (r.folderUri !== undefined && vscode.Uri.parse(r.folderUri).fsPath === folder));
  for (const root of roots) {
    const indexed = index.byName(root, name);
    if (indexed !== undefined) return { label: indexed.entry.name, uri: vscode.Uri.parse(indexed.entry.uri), indexed };
  }
  // Not listed (yet): let the server resolve the name, and report if it cannot.
  const folderUri = workspaceUri ?? roots[0]?.folderUri;
  const root = roots[0] ?? { rootUri: folderUri ?? '', environments: [] };
  return { label: name, indexed: { entry: { name, project: '', env: name, uri: '', imports: [], importedBy: [], broken: true }, root: { ...root, ...(folderUri !== undefined ? { folderUri } : {}) } } };
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
