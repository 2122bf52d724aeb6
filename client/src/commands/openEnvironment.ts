// ESC: Open Environment (`esc.openEnvironment`) and ESC: Show Secrets in This Document
// (`esc.revealSecrets`): an environment evaluated by the server, shown in a read-only virtual document
// beside its editor, in a chosen format, secrets masked unless the user asks for this document.
//
// Arguments: (target?, { format?: 'json'|'yaml'|'detailed'|'string'|'dotenv'|'shell', showSecrets?: boolean }).

import * as vscode from 'vscode';
import type { OpenFormat } from '../../../server/src/protocol';
import { openParams, resolveTarget } from '../environmentTarget';
import { openDocumentUri, parseOpenDocumentUri } from '../openDocumentProvider';
import { oneOf, optionsArg, type Services } from './services';

const FORMATS: readonly { format: OpenFormat; label: string; detail: string }[] = [
  { format: 'json', label: 'JSON', detail: 'the values, as `esc-local open` prints them' },
  { format: 'yaml', label: 'YAML', detail: 'the values as YAML' },
  { format: 'dotenv', label: 'dotenv', detail: 'the environment variables, as a .env file' },
  { format: 'shell', label: 'shell', detail: 'the environment variables as `export` lines' },
  { format: 'detailed', label: 'detailed', detail: 'every value with where it is defined and what it overrides' },
  { format: 'string', label: 'string', detail: 'the values as text' },
];

/** Registers the open and reveal commands. */
export function registerOpenCommands(services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('esc.openEnvironment', (arg?: unknown, options?: unknown) => openEnvironment(services, arg, optionsArg(options))),
    vscode.commands.registerCommand('esc.revealSecrets', (arg?: unknown) => revealSecrets(services, arg)),
  );
}

/** Opens an environment in a virtual document and returns the document (undefined when cancelled). */
async function openEnvironment(services: Services, arg: unknown, options: Record<string, unknown>): Promise<vscode.TextDocument | undefined> {
  const ref = await resolveTarget(arg, services.index, 'open');
  if (ref === undefined) return undefined;
  const format = oneOf(options['format'], FORMATS.map((f) => f.format)) ?? (await pickFormat());
  if (format === undefined) return undefined;
  const uri = openDocumentUri(ref.label, { target: openParams(ref), format, showSecrets: options['showSecrets'] === true });
  return show(services, uri, vscode.ViewColumn.Beside);
}

/** Opens the active (or given) virtual document again with its secrets shown. */
async function revealSecrets(services: Services, arg: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  const query = uri !== undefined ? parseOpenDocumentUri(uri) : undefined;
  if (uri === undefined || query === undefined) return undefined;
  const label = decodeURIComponent(uri.path.slice(1)).replace(/( \(detailed\))?\.[a-z]+$/, '');
  return show(services, openDocumentUri(label, { ...query, showSecrets: true }), vscode.ViewColumn.Active);
}

async function show(services: Services, uri: vscode.Uri, viewColumn: vscode.ViewColumn): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { viewColumn, preview: false });
  const result = services.documents.lastResult(uri);
  if (result !== undefined && result.diagnostics.length > 0) {
    const first = result.diagnostics[0]!;
    const more = result.diagnostics.length > 1 ? ` (and ${result.diagnostics.length - 1} more)` : '';
    const text = `ESC: ${result.environment}: ${first.message}${more}`;
    void (result.ok ? vscode.window.showWarningMessage(text) : vscode.window.showErrorMessage(text));
  }
  return doc;
}

async function pickFormat(): Promise<OpenFormat | undefined> {
  const chosen = await vscode.window.showQuickPick(
    FORMATS.map((f) => ({ label: f.label, detail: f.detail, format: f.format })),
    { placeHolder: 'Format' },
  );
  return chosen?.format;
}
