// Workspace trust. In an untrusted workspace the extension still checks files (the language server
// never executes anything while editing) and opens environments without opening providers, but it
// never runs commands, opens providers or writes files. Commands that would are refused here, and the
// manifest hides them from menus (`isWorkspaceTrusted`).

import * as vscode from 'vscode';

/** Returns true when the workspace is trusted; otherwise tells the user why `action` is refused. */
export function requireTrust(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  const manage = 'Manage Workspace Trust';
  void vscode.window
    .showWarningMessage(`ESC: ${action} needs a trusted workspace: it opens providers and runs or writes things. Environment files are still checked.`, manage)
    .then((choice) => (choice === manage ? vscode.commands.executeCommand('workbench.trust.manage') : undefined));
  return false;
}
