// ESC: Export Environment (`esc.exportEnvironment`): an environment rendered by the server, written
// to a file the user chooses or copied to the clipboard. Exports carry secrets in plaintext (that is
// what a .env file is for), so when there are any the user is warned first and may mask them instead.
// Needs a trusted workspace: it opens providers and writes files.
//
// Arguments: (target?, { format?: 'dotenv'|'json'|'yaml'|'shell', destination?: 'clipboard' | <file URI string>, secrets?: 'mask' }).
// Returns { destination, secretsInPlaintext } or undefined when cancelled or refused.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OpenEnvironmentResult, OpenFormat } from '../../../server/src/protocol';
import { openParams, resolveTarget, type EnvironmentRef } from '../environmentTarget';
import { requireTrust } from '../trust';
import { oneOf, optionsArg, type Services } from './services';

type ExportFormat = Extract<OpenFormat, 'dotenv' | 'json' | 'yaml' | 'shell'>;

const FORMATS: readonly { format: ExportFormat; label: string; extension: string }[] = [
  { format: 'dotenv', label: '.env file (environment variables)', extension: 'env' },
  { format: 'json', label: 'JSON (values)', extension: 'json' },
  { format: 'yaml', label: 'YAML (values)', extension: 'yaml' },
  { format: 'shell', label: 'shell script (export lines)', extension: 'sh' },
];

/** What an export did. */
export interface ExportOutcome {
  /** `clipboard` or the URI of the file written. */
  readonly destination: string;
  readonly secretsInPlaintext: boolean;
}

/** Registers the export command. */
export function registerExportCommand(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand('esc.exportEnvironment', (arg?: unknown, options?: unknown) => exportEnvironment(services, arg, optionsArg(options)));
}

async function exportEnvironment(services: Services, arg: unknown, options: Record<string, unknown>): Promise<ExportOutcome | undefined> {
  if (!requireTrust('Export Environment')) return undefined;
  const ref = await resolveTarget(arg, services.index, 'export');
  if (ref === undefined) return undefined;
  const format = oneOf(options['format'], FORMATS.map((f) => f.format)) ?? (await pickFormat());
  if (format === undefined) return undefined;
  const destination = options['destination'] === 'clipboard' ? 'clipboard' : typeof options['destination'] === 'string' ? vscode.Uri.parse(options['destination']) : await pickDestination(ref, format);
  if (destination === undefined) return undefined;

  const open = (showSecrets: boolean) => services.client.open({ ...openParams(ref), format, showSecrets, trusted: true });
  let result = await open(options['secrets'] !== 'mask');
  if (!result.ok) {
    reportFailure(ref, result);
    return undefined;
  }
  if (result.revealsSecrets) {
    const where = destination === 'clipboard' ? 'the clipboard' : path.basename(destination.fsPath);
    const write = 'Export with Secrets';
    const mask = 'Export with Secrets Masked';
    const choice = await vscode.window.showWarningMessage(
      `${ref.label} has secrets: ${where} will hold them in plaintext.`,
      { modal: true, detail: 'Anyone who can read it can read the secrets. Masked, they read [secret].' },
      write,
      mask,
    );
    if (choice === undefined) return undefined;
    if (choice === mask) result = await open(false);
    if (!result.ok) {
      reportFailure(ref, result);
      return undefined;
    }
  }

  if (destination === 'clipboard') await vscode.env.clipboard.writeText(result.text);
  else await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(result.text));
  const filesNote = (result.files ?? []).length > 0 ? ` Its files (${result.files!.map((f) => f.name).join(', ')}) are not part of the export.` : '';
  const done = destination === 'clipboard' ? `ESC: copied ${ref.label} to the clipboard.${filesNote}` : `ESC: exported ${ref.label} to ${vscode.workspace.asRelativePath(destination)}.${filesNote}`;
  void vscode.window.showInformationMessage(done);
  return { destination: destination === 'clipboard' ? 'clipboard' : destination.toString(), secretsInPlaintext: result.revealsSecrets };
}

function reportFailure(ref: EnvironmentRef, result: OpenEnvironmentResult): void {
  const first = result.diagnostics.find((d) => d.severity === 'error') ?? result.diagnostics[0];
  void vscode.window.showErrorMessage(`ESC: ${ref.label} could not be exported${first !== undefined ? `: ${first.message}` : ''}`);
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const chosen = await vscode.window.showQuickPick(FORMATS.map((f) => ({ label: f.label, format: f.format })), { placeHolder: 'Export as' });
  return chosen?.format;
}

async function pickDestination(ref: EnvironmentRef, format: ExportFormat): Promise<vscode.Uri | 'clipboard' | undefined> {
  const chosen = await vscode.window.showQuickPick(
    [
      { label: '$(save) Save to a File…', destination: 'file' as const },
      { label: '$(clippy) Copy to the Clipboard', destination: 'clipboard' as const },
    ],
    { placeHolder: `Export ${ref.label} to` },
  );
  if (chosen === undefined) return undefined;
  if (chosen.destination === 'clipboard') return 'clipboard';
  const extension = FORMATS.find((f) => f.format === format)!.extension;
  const base = (ref.label.split('/').pop() ?? 'environment').replace(/(\.esc)?\.ya?ml$/, '');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    title: `Export ${ref.label}`,
    saveLabel: 'Export',
    ...(folder !== undefined ? { defaultUri: vscode.Uri.joinPath(folder, `${base}.${extension}`) } : {}),
    filters: { [format]: [extension], 'All files': ['*'] },
  });
}
