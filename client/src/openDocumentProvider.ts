// Read-only virtual documents (`esc-env:`) showing an opened environment, rendered by the server's
// `esc/open`. A document's URI says which environment, in which format, and whether the user chose
// to see its secrets for this document; otherwise they read `[secret]`. Documents refresh when an
// environment changes (the environment or any of its imports, on disk or in an editor).

import * as vscode from 'vscode';
import type { OpenEnvironmentParams, OpenEnvironmentResult, OpenFormat } from '../../server/src/protocol';
import type { EscLanguageClient } from './languageClient';

/** The URI scheme of opened environments. */
export const OPEN_SCHEME = 'esc-env';

/** What a virtual document shows. */
export interface OpenDocumentQuery {
  /** The environment, as `esc/open` names it (a document `uri`, or `environment` and `workspaceUri`). */
  readonly target: Pick<OpenEnvironmentParams, 'uri' | 'environment' | 'workspaceUri'>;
  readonly format: OpenFormat;
  /** True when the user chose to see secrets in this document. */
  readonly showSecrets: boolean;
}

const EXTENSIONS: Readonly<Record<OpenFormat, string>> = { json: 'json', yaml: 'yaml', detailed: 'json', string: 'txt', dotenv: 'env', shell: 'sh' };
const REFRESH_DELAY_MS = 200; // one re-evaluation for a burst of keystrokes

/** Returns the URI of a virtual document; `label` names it in the editor tab. */
export function openDocumentUri(label: string, query: OpenDocumentQuery): vscode.Uri {
  const name = `${label}${query.showSecrets ? ' (secrets shown)' : ''}${query.format === 'detailed' ? ' (detailed)' : ''}.${EXTENSIONS[query.format]}`;
  return vscode.Uri.from({ scheme: OPEN_SCHEME, path: `/${name}`, query: JSON.stringify(query) });
}

/** Returns what a virtual document's URI asks for, or undefined when it is not one of ours. */
export function parseOpenDocumentUri(uri: vscode.Uri): OpenDocumentQuery | undefined {
  if (uri.scheme !== OPEN_SCHEME) return undefined;
  try {
    const q = JSON.parse(uri.query) as OpenDocumentQuery;
    return typeof q.format === 'string' && typeof q.target === 'object' && q.target !== null ? { target: q.target, format: q.format, showSecrets: q.showSecrets === true } : undefined;
  } catch {
    return undefined;
  }
}

/** Serves `esc-env:` documents from `esc/open`. */
export class OpenDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly results = new Map<string, OpenEnvironmentResult>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly client: EscLanguageClient) {}

  /** Evaluates the environment of `uri` and returns its rendering, or the reasons there is none. */
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const query = parseOpenDocumentUri(uri);
    if (query === undefined) return `cannot open ${uri.toString()}`;
    let result: OpenEnvironmentResult;
    try {
      result = await this.client.open({ ...query.target, format: query.format, showSecrets: query.showSecrets, trusted: vscode.workspace.isTrusted });
    } catch (e) {
      return `The environment could not be opened: ${e instanceof Error ? e.message : String(e)}\n`;
    }
    this.results.set(uri.toString(), result);
    if (result.ok) return result.text;
    const lines = result.diagnostics.map((d) => `${d.uri !== undefined ? `${vscode.Uri.parse(d.uri).fsPath}:${(d.line ?? 0) + 1}:${(d.character ?? 0) + 1}: ` : ''}${d.severity}: ${d.message}`);
    return [`${result.environment || 'The environment'} could not be opened:`, '', ...lines, ''].join('\n');
  }

  /** Returns the result behind a document, once it has been provided. */
  lastResult(uri: vscode.Uri): OpenEnvironmentResult | undefined {
    return this.results.get(uri.toString());
  }

  /** Re-evaluates every open `esc-env:` document soon (an environment or an import changed). */
  scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === OPEN_SCHEME) this.changeEmitter.fire(doc.uri);
    }, REFRESH_DELAY_MS);
  }

  /** Forgets the result of a closed document. */
  forget(uri: vscode.Uri): void {
    this.results.delete(uri.toString());
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changeEmitter.dispose();
  }
}
