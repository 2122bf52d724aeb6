// CodeLens at the top of an environment document: Open, and in a trusted workspace Export, Run and
// Use in Terminals. They call the commands with the document, so they act on it even when another
// editor is active.

import * as vscode from 'vscode';

/** Provides the environment actions above the first line of `esc` documents. */
export class EnvironmentCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly subscription = vscode.workspace.onDidGrantWorkspaceTrust(() => this.changeEmitter.fire());

  readonly onDidChangeCodeLenses = this.changeEmitter.event;

  /** Returns the lenses of a document. */
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const top = new vscode.Range(0, 0, 0, 0);
    const lens = (title: string, command: string, tooltip: string) => new vscode.CodeLens(top, { title, command, tooltip, arguments: [document.uri] });
    const lenses = [lens('$(open-preview) Open', 'esc.openEnvironment', 'Evaluate this environment and show its values')];
    if (vscode.workspace.isTrusted && document.uri.scheme === 'file') {
      lenses.push(
        lens('$(export) Export', 'esc.exportEnvironment', 'Write this environment to a file or the clipboard'),
        lens('$(play) Run…', 'esc.runInEnvironment', 'Run a command with this environment in a terminal'),
        lens('$(terminal) Use in Terminals', 'esc.activateEnvironment', 'Give new terminals this environment\'s variables'),
      );
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}
