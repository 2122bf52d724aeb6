// The workspace's environments as the language server lists them (`esc/environments`), kept fresh:
// refreshed when an environment file is created, changed or deleted, when a document of language
// `esc` changes, and when the root or file settings change. Names and roots always come from the
// server; the client only looks them up.

import * as vscode from 'vscode';
import type { EnvironmentEntry, EnvironmentsRoot } from '../../server/src/protocol';
import type { EscLanguageClient } from './languageClient';

/** An environment of a root, with the root it belongs to. */
export interface IndexedEnvironment {
  readonly entry: EnvironmentEntry;
  readonly root: EnvironmentsRoot;
}

const REFRESH_DELAY_MS = 300; // coalesces a burst of file events (a branch switch, a save-all) into one request

/** The environments of every workspace root, with change events. */
export class EnvironmentIndex implements vscode.Disposable {
  private roots: EnvironmentsRoot[] = [];
  private byPath = new Map<string, IndexedEnvironment>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loaded: Promise<void> | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];

  /** Fires after each refresh that was asked for by a change. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly client: EscLanguageClient) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
    this.disposables.push(
      watcher,
      watcher.onDidCreate(() => this.scheduleRefresh()),
      watcher.onDidDelete(() => this.scheduleRefresh()),
      watcher.onDidChange(() => this.scheduleRefresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId === 'esc' && e.contentChanges.length > 0) this.scheduleRefresh();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleRefresh()),
      this.changeEmitter,
    );
  }

  /** Returns the environments once they have been listed at least once. */
  ready(): Promise<void> {
    this.loaded ??= this.refresh();
    return this.loaded;
  }

  /** Asks the server again now and fires the change event. */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    try {
      const result = await this.client.environments();
      this.roots = result.roots;
    } catch (e) {
      this.client.output.warn(`listing environments failed: ${e instanceof Error ? e.message : String(e)}`);
      this.roots = [];
    }
    this.byPath = new Map();
    for (const root of this.roots) for (const entry of root.environments) this.byPath.set(vscode.Uri.parse(entry.uri).fsPath, { entry, root });
    this.changeEmitter.fire();
  }

  /** Refreshes soon, once for a burst of changes; nothing until the environments were first asked for. */
  scheduleRefresh(): void {
    // Until then there is nothing to keep fresh, and asking would start the server in a workspace without environments.
    if (this.loaded === undefined) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Returns the roots of the last listing. */
  allRoots(): readonly EnvironmentsRoot[] {
    return this.roots;
  }

  /** Returns every environment of the last listing. */
  all(): IndexedEnvironment[] {
    return [...this.byPath.values()];
  }

  /** Returns the environment whose file is `uri`, if it is one of a root. */
  byUri(uri: vscode.Uri): IndexedEnvironment | undefined {
    return uri.scheme === 'file' ? this.byPath.get(uri.fsPath) : undefined;
  }

  /** Returns the environment named `name` in `root`. */
  byName(root: EnvironmentsRoot, name: string): IndexedEnvironment | undefined {
    const entry = root.environments.find((e) => e.name === name);
    return entry !== undefined ? { entry, root } : undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
