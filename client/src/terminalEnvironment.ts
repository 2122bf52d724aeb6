// ESC: Use Environment in Terminals: an environment's variables injected into new integrated
// terminals through the extension's environment variable collection, and its `files:` written to a
// private folder (0700, files 0600) whose paths the variables hold. The collection is not persistent,
// so secrets never reach VS Code's stored state, and the folder is removed when the environment is
// cleared, replaced or the extension stops. The values come from the server (`esc/open`, format
// `shell`, secrets shown: the terminals need the real values).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openParams, type EnvironmentRef } from './environmentTarget';
import type { EscLanguageClient } from './languageClient';
import { parseShellExports } from './shellExports';

/** The environment in use in terminals, as the status bar shows it. */
export interface ActiveEnvironment {
  readonly ref: EnvironmentRef;
  /** Names of the variables set (values are not kept here). */
  readonly variables: readonly string[];
}

/** Owns the environment variable collection and the files it points to. */
export class TerminalEnvironment implements vscode.Disposable {
  private current: ActiveEnvironment | undefined;
  private filesDir: string | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<ActiveEnvironment | undefined>();

  /** Fires when an environment is activated, refreshed or cleared. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly collection: vscode.GlobalEnvironmentVariableCollection,
    private readonly client: EscLanguageClient,
  ) {
    // Secrets must not be written to VS Code's workspace storage.
    collection.persistent = false;
    collection.clear();
  }

  /** Returns the environment in use, if any. */
  get active(): ActiveEnvironment | undefined {
    return this.current;
  }

  /** Evaluates `ref` and makes new terminals use it; returns an error message when it cannot. */
  async activate(ref: EnvironmentRef): Promise<string | undefined> {
    const result = await this.client.open({ ...openParams(ref), format: 'shell', showSecrets: true, trusted: true });
    if (!result.ok) {
      const first = result.diagnostics.find((d) => d.severity === 'error') ?? result.diagnostics[0];
      return `${ref.label} could not be opened${first !== undefined ? `: ${first.message}` : ''}`;
    }
    const variables = parseShellExports(result.text);
    if (variables === undefined) return `${ref.label}: the server's shell rendering could not be read`;
    this.removeFiles();
    const files = result.files ?? [];
    if (files.length > 0) {
      this.filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'esc-local-terminal-'));
      fs.chmodSync(this.filesDir, 0o700);
      files.forEach((f, n) => {
        // Named after the key when it is a safe file name; generated names start with "." so they never clash.
        const file = path.join(this.filesDir!, /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(f.name) ? f.name : `.file-${n + 1}`);
        fs.writeFileSync(file, f.content, { mode: 0o600, flag: 'wx' });
        variables.push([f.name, file]);
      });
    }
    this.collection.clear();
    for (const [name, value] of variables) this.collection.replace(name, value);
    this.collection.description = `ESC environment ${ref.label}`;
    this.current = { ref, variables: variables.map(([name]) => name) };
    this.changeEmitter.fire(this.current);
    return undefined;
  }

  /** Evaluates the active environment again (it or an import changed). */
  async refresh(): Promise<void> {
    if (this.current !== undefined) await this.activate(this.current.ref);
  }

  /** Stops injecting variables and removes the files. */
  clear(): void {
    this.collection.clear();
    this.removeFiles();
    const had = this.current !== undefined;
    this.current = undefined;
    if (had) this.changeEmitter.fire(undefined);
  }

  /** Returns the folder holding the active environment's files, if it has any. */
  get filesFolder(): string | undefined {
    return this.filesDir;
  }

  dispose(): void {
    this.clear();
    this.changeEmitter.dispose();
  }

  private removeFiles(): void {
    if (this.filesDir !== undefined) fs.rmSync(this.filesDir, { recursive: true, force: true });
    this.filesDir = undefined;
  }
}
