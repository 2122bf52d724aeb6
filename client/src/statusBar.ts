// Two status bar items: the language server's state (click: its log), and the environment new
// terminals use (click: stop using it), shown only while there is one.

import * as vscode from 'vscode';
import type { EscLanguageClient, ServerState } from './languageClient';
import type { ActiveEnvironment, TerminalEnvironment } from './terminalEnvironment';

const SERVER_TEXT: Readonly<Record<ServerState, string>> = {
  starting: '$(loading~spin) ESC',
  running: '$(check) ESC',
  stopped: '$(error) ESC',
};
const SERVER_TOOLTIP: Readonly<Record<ServerState, string>> = {
  starting: 'ESC Local: the language server is starting',
  running: 'ESC Local: the language server is running. Click for its log.',
  stopped: 'ESC Local: the language server is not running. Click for its log.',
};

/** Creates the status bar items and keeps them up to date. */
export function createStatusBar(client: EscLanguageClient, terminalEnvironment: TerminalEnvironment): vscode.Disposable {
  const server = vscode.window.createStatusBarItem('esc.server', vscode.StatusBarAlignment.Right, 100);
  server.name = 'ESC Local Language Server';
  server.command = 'esc.showOutput';
  const showServer = (state: ServerState) => {
    server.text = SERVER_TEXT[state];
    server.tooltip = SERVER_TOOLTIP[state];
    server.backgroundColor = state === 'stopped' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    server.show();
  };
  showServer(client.state);

  const environment = vscode.window.createStatusBarItem('esc.terminalEnvironment', vscode.StatusBarAlignment.Left, 10);
  environment.name = 'ESC Environment in Terminals';
  environment.command = 'esc.clearEnvironment';
  const showEnvironment = (active: ActiveEnvironment | undefined) => {
    void vscode.commands.executeCommand('setContext', 'escLocal.terminalEnvironment', active !== undefined);
    if (active === undefined) {
      environment.hide();
      return;
    }
    environment.text = `$(terminal) ${active.ref.label}`;
    environment.tooltip = `New terminals get the ESC environment ${active.ref.label} (${active.variables.length} variables). Click to stop.`;
    environment.show();
  };
  showEnvironment(terminalEnvironment.active);

  return vscode.Disposable.from(server, environment, client.onDidChangeState(showServer), terminalEnvironment.onDidChange(showEnvironment));
}
