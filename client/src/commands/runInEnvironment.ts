// ESC: Run Command in Environment (`esc.runInEnvironment`): asks for a command and runs it in a new
// integrated terminal through the bundled CLI, `esc-local run --root ROOT ENV -- SHELL -c COMMAND`.
// The CLI opens the environment, sets its variables, writes its files to a private folder and removes
// them when the command ends (or the terminal closes and the shell hangs up), and redacts secrets from
// the output unless `escLocal.run.redact` is off. The command is typed in the terminal shell's own
// syntax, and that shell runs it inside the environment, so `$VARIABLE` sees the environment's values.
// Needs a trusted workspace.
//
// Arguments: (target?, { command?: string }). Returns the terminal, or undefined when cancelled or refused.

import * as vscode from 'vscode';
import { resolveTarget } from '../environmentTarget';
import { redactRunOutput } from '../settings';
import { commandLine, shellInvocation, shellKind } from '../shellQuoting';
import { requireTrust } from '../trust';
import { optionsArg, type Services } from './services';
import type { EnvironmentsRoot } from '../../../server/src/protocol';

const SHELL_INTEGRATION_WAIT_MS = 4_000; // after this, type the command without shell integration
const LAST_COMMANDS_KEY = 'escLocal.lastRunCommands';

/** Registers the run command. */
export function registerRunCommand(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand('esc.runInEnvironment', (arg?: unknown, options?: unknown) => runInEnvironment(services, arg, optionsArg(options)));
}

async function runInEnvironment(services: Services, arg: unknown, options: Record<string, unknown>): Promise<vscode.Terminal | undefined> {
  if (!requireTrust('Run Command in Environment')) return undefined;
  const ref = await resolveTarget(arg, services.index, 'run a command in');
  if (ref === undefined) return undefined;
  // An environment of a root is run by name; a standalone file by its path, with the root of its
  // workspace folder (where its imports resolve).
  const root = ref.indexed?.root ?? standaloneRoot(services, ref.uri);
  if (root === undefined) {
    void vscode.window.showErrorMessage(`ESC: ${ref.label} is not in a workspace folder; open its folder to run commands in it.`);
    return undefined;
  }
  const name = ref.indexed?.entry.name ?? ref.label;
  const target = ref.indexed?.entry.name ?? ref.uri.fsPath;
  const last = services.context.workspaceState.get<Record<string, string>>(LAST_COMMANDS_KEY, {});
  const command = typeof options['command'] === 'string' ? options['command'] : await vscode.window.showInputBox({ title: `Run in ${name}`, prompt: 'A command line, in the terminal shell\'s syntax', value: last[name] ?? '', placeHolder: 'npm test' });
  if (command === undefined || command.trim() === '') return undefined;
  await services.context.workspaceState.update(LAST_COMMANDS_KEY, { ...last, [name]: command });

  // The CLI reads environments from disk: unsaved edits of environments would not count.
  await Promise.all(vscode.workspace.textDocuments.filter((d) => d.languageId === 'esc' && d.isDirty && d.uri.scheme === 'file').map((d) => d.save()));

  const shell = vscode.env.shell || '/bin/sh';
  const kind = shellKind(shell);
  // In desktop VS Code process.execPath is Electron, which runs as plain Node with ELECTRON_RUN_AS_NODE;
  // the command itself must not inherit that variable.
  const electron = process.versions['electron'] !== undefined;
  const inner = shellInvocation(shell, command);
  const child = electron && kind !== 'pwsh' && kind !== 'cmd' ? ['env', '-u', 'ELECTRON_RUN_AS_NODE', ...inner] : inner;
  const cli = services.context.asAbsolutePath('dist/cli.js');
  const args = [process.execPath, cli, 'run', '--root', vscode.Uri.parse(root.rootUri).fsPath, ...(redactRunOutput() ? [] : ['-i']), target, '--', ...child];
  const cwd = vscode.Uri.parse(root.folderUri ?? root.rootUri);
  const terminal = vscode.window.createTerminal({
    name: `ESC: ${name}`,
    cwd,
    shellPath: shell,
    iconPath: new vscode.ThemeIcon('symbol-namespace'),
    ...(electron ? { env: { ELECTRON_RUN_AS_NODE: '1' } } : {}),
  });
  terminal.show();
  const line = commandLine(args, kind);
  const integration = terminal.shellIntegration ?? (await shellIntegrationOf(terminal));
  // With shell integration VS Code knows where the command starts and ends (exit status, output).
  if (integration !== undefined) integration.executeCommand(line);
  else terminal.sendText(line, true);
  return terminal;
}

/** Returns the root of the workspace folder containing a standalone file. */
function standaloneRoot(services: Services, uri: vscode.Uri): EnvironmentsRoot | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder === undefined) return undefined;
  return services.index.allRoots().find((r) => r.folderUri === folder.uri.toString());
}

/** Resolves with the terminal's shell integration once it activates, or undefined if it does not soon. */
function shellIntegrationOf(terminal: vscode.Terminal): Promise<vscode.TerminalShellIntegration | undefined> {
  return new Promise((resolve) => {
    const done = (value: vscode.TerminalShellIntegration | undefined) => {
      clearTimeout(timer);
      listeners.forEach((l) => l.dispose());
      resolve(value);
    };
    const timer = setTimeout(() => done(undefined), SHELL_INTEGRATION_WAIT_MS);
    const listeners = [
      vscode.window.onDidChangeTerminalShellIntegration((e) => e.terminal === terminal && done(e.shellIntegration)),
      vscode.window.onDidCloseTerminal((t) => t === terminal && done(undefined)),
    ];
  });
}
