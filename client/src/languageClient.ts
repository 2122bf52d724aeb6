// The language client: starts the bundled server (dist/server.js) on VS Code's Node, for documents
// of language `esc` on disk and untitled, and sends the custom `esc/*` requests. Its log and traces go
// to the "ESC Local" output channel; secrets never reach it (the server masks them in what it logs).

import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  EnvironmentsRequest,
  OpenEnvironmentRequest,
  SETTINGS_SECTION,
  type EnvironmentsResult,
  type OpenEnvironmentParams,
  type OpenEnvironmentResult,
} from '../../server/src/protocol';

/** The server's state as the status bar shows it. */
export type ServerState = 'starting' | 'running' | 'stopped';

/** The language server connection of the extension. */
export class EscLanguageClient implements vscode.Disposable {
  private readonly client: LanguageClient;
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  private started: Promise<void> | undefined;

  /** Fires when the server starts, runs or stops. */
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(context: vscode.ExtensionContext, readonly output: vscode.LogOutputChannel) {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      // Only documents on disk and untitled ones: documents that other extensions open from elsewhere
      // (a cloud, a virtual file system) are theirs to serve.
      documentSelector: [
        { language: 'esc', scheme: 'file' },
        { language: 'esc', scheme: 'untitled' },
      ],
      synchronize: { configurationSection: SETTINGS_SECTION },
      outputChannel: output,
    };
    // The id `escLocal` makes the client read `escLocal.trace.server`.
    this.client = new LanguageClient('escLocal', 'ESC Local', serverOptions, clientOptions);
    this.client.onDidChangeState((e) => this.stateEmitter.fire(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped'));
  }

  /** Returns the server's current state. */
  get state(): ServerState {
    return this.client.state === State.Running ? 'running' : this.client.state === State.Starting ? 'starting' : 'stopped';
  }

  /** Starts the server once; later calls return the same promise. */
  start(): Promise<void> {
    this.started ??= this.client.start().catch((e: unknown) => {
      this.started = undefined;
      this.output.error(`the language server did not start: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    });
    return this.started;
  }

  /** Stops and starts the server again. */
  async restart(): Promise<void> {
    if (this.started !== undefined) await this.client.restart();
    else await this.start();
  }

  /** Sends `esc/open`: the environment rendered in a format, secrets masked unless asked. */
  async open(params: OpenEnvironmentParams): Promise<OpenEnvironmentResult> {
    await this.start();
    return this.client.sendRequest(OpenEnvironmentRequest, params);
  }

  /** Sends `esc/environments`: the environments of every workspace root and their imports. */
  async environments(): Promise<EnvironmentsResult> {
    await this.start();
    return this.client.sendRequest(EnvironmentsRequest, {});
  }

  dispose(): void {
    this.stateEmitter.dispose();
  }

  /** Stops the server (on deactivation). */
  stop(): Promise<void> {
    return this.started !== undefined ? this.client.stop() : Promise.resolve();
  }
}
