// A small LSP client for protocol (L3) tests: spawns the bundled server over stdio and speaks to it
// like an editor. Waiting is event-driven with timeouts, never sleeps.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './conformance';
import { offsetOf } from './markers';

/** The bundled server. */
export const SERVER = join(repoRoot, 'dist', 'server.js');
/** The bundled command line (`esc-local lsp --stdio` starts the same server). */
export const CLI = join(repoRoot, 'dist', 'cli.js');

/** The capabilities a modern editor announces. */
export const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] }, didChangeWatchedFiles: { dynamicRegistration: false } },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    rename: { prepareSupport: true },
    semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
  },
};

/** A running server and a connection to it. */
export class LspClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly logs: string[] = [];
  stderr = '';
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private readonly versions = new Map<string, number>();
  settings: unknown = {};
  exited: Promise<number | null>;

  constructor(args: string[] = ['--stdio'], script = SERVER) {
    this.process = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, [...(this.diagnostics.get(p.uri) ?? []), p]);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.accept(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'escLocal' ? this.settings : null)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  /** Initializes the server with one workspace folder. */
  async initialize(folder: string, initializationOptions?: unknown): Promise<InitializeResult> {
    const uri = pathToFileURL(folder).href;
    const result = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'test' }],
      capabilities: CAPABILITIES,
      ...(initializationOptions !== undefined ? { initializationOptions } : {}),
    });
    this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Sends a request; fails after `ms` milliseconds. */
  request<T>(method: string, params: unknown, ms = 20_000): Promise<T> {
    return withTimeout(this.connection.sendRequest(method, params) as Promise<T>, ms, method);
  }

  /** Opens a document and returns its URI. */
  open(path: string, text: string, languageId = 'yaml'): string {
    const uri = pathToFileURL(path).href;
    this.versions.set(uri, 1);
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces a document's whole text (a full-text change); returns the new version. */
  replace(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Applies an incremental change; returns the new version. */
  edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  close(uri: string): void {
    this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Returns the URI of a file of a temporary workspace (as the client names it). */
  uriOf(rel: string, ws: TempWorkspace): string {
    return ws.uri(rel);
  }

  /** Returns the current version of an open document. */
  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /**
   * Waits for diagnostics of `uri` accepted by `accept` (default: for the document's current
   * version); counts earlier publishes when `since` says how many were seen before the action.
   */
  waitForDiagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, ms = 20_000): Promise<Diagnostic[]> {
    const want = accept ?? ((p: PublishDiagnosticsParams) => p.version === undefined || p.version >= this.version(uri));
    const seen = this.diagnostics.get(uri) ?? [];
    const last = seen[seen.length - 1];
    if (last !== undefined && accept === undefined && want(last)) return Promise.resolve(last.diagnostics);
    return withTimeout(
      new Promise<PublishDiagnosticsParams>((resolve) => this.waiters.push({ uri, accept: want, resolve })).then((p) => p.diagnostics),
      ms,
      `diagnostics of ${uri}`,
    );
  }

  /** Returns how many diagnostics notifications arrived for `uri`. */
  publishCount(uri: string): number {
    return this.diagnostics.get(uri)?.length ?? 0;
  }

  /** Shuts the server down politely and waits for it to exit. */
  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null, 5000);
    this.connection.sendNotification('exit');
    const code = await withTimeout(this.exited, 5000, 'exit');
    this.connection.dispose();
    return code;
  }

  /** Kills the server (for tests that end abnormally). */
  kill(): void {
    this.connection.dispose();
    this.process.kill('SIGKILL');
  }
}

/** A temporary workspace folder with files; removed by `dispose`. */
export class TempWorkspace {
  readonly dir: string;

  constructor(files: Record<string, string>) {
    this.dir = mkdtempSync(join(tmpdir(), 'esc-lsp-'));
    for (const [rel, text] of Object.entries(files)) this.write(rel, text);
  }

  /** Writes a file (creating directories). */
  write(rel: string, text: string): string {
    const p = join(this.dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    return p;
  }

  path(rel: string): string {
    return join(this.dir, rel);
  }

  uri(rel: string): string {
    return pathToFileURL(join(this.dir, rel)).href;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Returns the LSP position of the `n`th occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0, n = 0): { line: number; character: number } {
  const offset = offsetOf(text, needle, n) + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
