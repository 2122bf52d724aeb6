// The client's reading of the `escLocal.*` settings. The language server reads its own settings
// (root, revealSecrets, context, files, trusted, inlayHints) through workspace/configuration; the
// client reads only the ones it acts on.

import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../server/src/protocol';

/** Returns whether `esc.runInEnvironment` redacts secrets from the command's output (`escLocal.run.redact`). */
export function redactRunOutput(): boolean {
  // A restricted setting: in an untrusted workspace VS Code returns the user's value, never the workspace's.
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('run.redact', true) !== false;
}

/** Returns whether a configuration change concerns the workspace root or standalone file patterns. */
export function affectsEnvironmentLayout(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${SETTINGS_SECTION}.root`) || e.affectsConfiguration(`${SETTINGS_SECTION}.files`);
}

/** Returns whether the `escLocal.root` setting is set in any workspace folder. */
export function rootConfigured(): boolean {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const scopes: readonly (vscode.WorkspaceFolder | undefined)[] = folders.length > 0 ? folders : [undefined];
  return scopes.some((f) => (vscode.workspace.getConfiguration(SETTINGS_SECTION, f).get<string>('root') ?? '').trim() !== '');
}
