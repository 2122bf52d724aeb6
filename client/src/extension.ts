// The VS Code extension: wiring only. It starts the bundled language server for ESC documents and
// contributes commands, a virtual document provider, CodeLens, the environments view and status bar
// items. It holds no ESC semantics: evaluation, formats and names come from the server (`esc/open`,
// `esc/environments`), and commands run through the bundled CLI (`dist/cli.js run`).
//
// The manifest also activates the extension on YAML files (the root may be configured anywhere), but
// the server starts only in a workspace that has environments: an `esc` document, an `environments/`
// folder, the `escLocal.root` setting, or `*.esc.yaml` files.

import * as vscode from 'vscode';
import { EnvironmentCodeLens } from './codeLens';
import { registerActivateCommands } from './commands/activateEnvironment';
import { registerExportCommand } from './commands/exportEnvironment';
import { registerOpenCommands } from './commands/openEnvironment';
import { registerRunCommand } from './commands/runInEnvironment';
import type { Services } from './commands/services';
import { EnvironmentIndex } from './environmentIndex';
import { EnvironmentsView } from './environmentsView';
import { LanguageAssociation } from './languageAssociation';
import { EscLanguageClient } from './languageClient';
import { OPEN_SCHEME, OpenDocumentProvider, parseOpenDocumentUri } from './openDocumentProvider';
import { affectsEnvironmentLayout, rootConfigured } from './settings';
import { createStatusBar } from './statusBar';
import { TerminalEnvironment } from './terminalEnvironment';

/** What the extension exports to other extensions (and to its end-to-end tests). */
export interface EscLocalApi {
  /** Starts the language server if it has not started, and resolves when it runs. */
  readonly ready: () => Promise<void>;
  /** The data of the environments view. */
  readonly environmentsView: EnvironmentsView;
  /** The environment new terminals use: its name, the names of its variables and its files folder (never values). */
  readonly terminalEnvironment: () => { label: string; variables: readonly string[]; filesFolder: string | undefined } | undefined;
}

let client: EscLanguageClient | undefined;

/** Activates the extension. */
export async function activate(context: vscode.ExtensionContext): Promise<EscLocalApi> {
  const output = vscode.window.createOutputChannel('ESC Local', { log: true });
  client = new EscLanguageClient(context, output);
  const index = new EnvironmentIndex(client);
  const documents = new OpenDocumentProvider(client);
  const terminalEnvironment = new TerminalEnvironment(context.environmentVariableCollection, client);
  const environmentsView = new EnvironmentsView(index);
  const services: Services = { context, client, index, documents, terminalEnvironment };
  const esc: vscode.DocumentSelector = { language: 'esc' };

  context.subscriptions.push(
    output,
    client,
    index,
    documents,
    terminalEnvironment,
    environmentsView,
    vscode.workspace.registerTextDocumentContentProvider(OPEN_SCHEME, documents),
    vscode.window.createTreeView('escEnvironments', { treeDataProvider: environmentsView, showCollapseAll: true }),
    vscode.languages.registerCodeLensProvider(esc, new EnvironmentCodeLens()),
    registerOpenCommands(services),
    registerExportCommand(services),
    registerRunCommand(services),
    registerActivateCommands(services),
    vscode.commands.registerCommand('esc.refreshEnvironments', async () => {
      await index.refresh();
      await association?.settled();
    }),
    vscode.commands.registerCommand('esc.restartServer', () => client?.restart()),
    vscode.commands.registerCommand('esc.showOutput', () => output.show(true)),
    // Opened environments and the terminals' environment follow their sources.
    index.onDidChange(() => {
      documents.scheduleRefresh();
      void terminalEnvironment.refresh();
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => documents.forget(doc.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => affectsEnvironmentLayout(e) && index.scheduleRefresh()),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      const query = editor !== undefined ? parseOpenDocumentUri(editor.document.uri) : undefined;
      void vscode.commands.executeCommand('setContext', 'escLocal.secretsShown', query?.showSecrets === true);
    }),
  );

  let association: LanguageAssociation | undefined;
  let started: Promise<void> | undefined;
  const start = (): Promise<void> => {
    started ??= (async () => {
      association = new LanguageAssociation(index);
      context.subscriptions.push(createStatusBar(client!, terminalEnvironment), association);
      await vscode.commands.executeCommand('setContext', 'escLocal.active', true);
      await client!.start();
    })();
    return started;
  };
  if (await hasEnvironments()) void start();
  else {
    // Activated by a YAML file in a workspace without environments: start once one appears.
    const check = async () => {
      if (started === undefined && (await hasEnvironments())) {
        void start();
        triggers.dispose();
      }
    };
    const triggers = vscode.Disposable.from(
      vscode.workspace.onDidOpenTextDocument((doc) => doc.languageId === 'esc' && void check()),
      vscode.workspace.onDidChangeConfiguration((e) => affectsEnvironmentLayout(e) && void check()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void check()),
    );
    context.subscriptions.push(triggers);
  }

  return {
    ready: start,
    environmentsView,
    terminalEnvironment: () => {
      const active = terminalEnvironment.active;
      return active !== undefined ? { label: active.ref.label, variables: active.variables, filesFolder: terminalEnvironment.filesFolder } : undefined;
    },
  };
}

/** Stops the language server. */
export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}

/** Returns whether the workspace has environments: an open `esc` document, a root, or `*.esc.yaml` files. */
async function hasEnvironments(): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((d) => d.languageId === 'esc') || rootConfigured()) return true;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    try {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, 'environments'));
      if (stat.type & vscode.FileType.Directory) return true;
    } catch {
      // No environments/ folder here.
    }
  }
  return (await vscode.workspace.findFiles('**/*.{esc.yaml,esc.yml}', '**/node_modules/**', 1)).length > 0;
}
