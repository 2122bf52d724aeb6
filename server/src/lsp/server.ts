// The language server's main thread: capabilities, document sync, settings, file events and the
// routing of requests to the service workers. Wiring only; features live in features/, scheduling in
// scheduler.ts, the workers in pool.ts and service/.

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SETTINGS_SECTION } from '../protocol';
import { DOCUMENT_METHODS, TOKEN_LEGEND, WORKSPACE_METHODS } from './methods';
import { Priority, WorkerPool } from './pool';
import { formatError, runSafe } from './runSafe';
import { Scheduler } from './scheduler';
import { uriToPath } from './uris';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';
import type { ClientFeatures, Note } from './workerProtocol';

/** How the server is started. */
export interface ServerOptions {
  /** The script the service workers run (the bundled server). */
  readonly workerScript: string;
  /** Number of service workers (two: one answers while the other checks). */
  readonly workers?: number;
}

/** Warm-up rounds per worker after start-up (see service/warmup.ts). */
const WARMUP_ROUNDS = 12;

/** Wires a language server onto a connection. */
export function startServer(connection: Connection, options: ServerOptions): void {
  const log = {
    error: (m: string) => connection.console.error(m),
    warn: (m: string) => connection.console.warn(m),
    info: (m: string) => connection.console.info(m),
  };
  const texts = new Map<string, TextDocument>();
  let settings: Settings = DEFAULT_SETTINGS;
  let folders: WorkspaceFolder[] = [];
  let capabilities: ClientCapabilities = {};
  let features: ClientFeatures;
  let pool: WorkerPool | undefined;
  let scheduler: Scheduler | undefined;
  const early: Note[] = [];

  const notify = (note: Note) => (pool === undefined ? early.push(note) : pool.notifyAll(note));
  const initNote = (): Note => ({ type: 'init', folders, settings, capabilities: features });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    features = clientFeatures(params.capabilities);
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    // Editors without workspace/configuration (or before it answers) may pass settings here.
    const init = params.initializationOptions as Record<string, unknown> | undefined;
    if (init !== undefined && init !== null && typeof init === 'object') settings = parseSettings(init[SETTINGS_SECTION] ?? init);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        completionProvider: { triggerCharacters: ['.', '{', '[', '"', ':'], resolveProvider: false },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        semanticTokensProvider: { legend: TOKEN_LEGEND, full: true, range: true },
        inlayHintProvider: true,
        documentLinkProvider: { resolveProvider: false },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'esc-local', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    pool = new WorkerPool(options.workerScript, options.workers ?? 2, {
      log: (level, message) => log[level](message),
      replay: () => [initNote(), ...[...texts.values()].map((d): Note => ({ type: 'open', params: { textDocument: { uri: d.uri, languageId: d.languageId, version: d.version, text: d.getText() } } }))],
      restarted: (index) => scheduler?.restarted(index),
    });
    scheduler = new Scheduler(pool, {
      publish: (uri, version, diagnostics) => void connection.sendDiagnostics(version >= 0 ? { uri, version, diagnostics } : { uri, diagnostics }),
      log: (level, message) => log[level](message),
    });
    pool.notifyAll(initNote());
    for (const note of early.splice(0)) pool.notifyAll(note);
    // Warm both workers' JIT in the background; real work overtakes the remaining rounds.
    for (let w = 0; w < pool.size; w++) for (let i = 0; i < WARMUP_ROUNDS; i++) pool.run(w, { type: 'warmup' }, Priority.background).catch(() => undefined);
    for (const d of texts.values()) scheduler.opened(d.uri, uriToPath(d.uri));
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/.esc-local/*' }] });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders = [...folders.filter((f) => !e.removed.some((r) => r.uri === f.uri)), ...e.added];
        notify({ type: 'folders', folders });
        scheduler?.all();
      });
    }
    void pullSettings();
  });

  /** Reads settings through workspace/configuration when the client offers it. */
  async function pullSettings(): Promise<void> {
    if (!capabilities.workspace?.configuration) return;
    try {
      const [raw] = await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
      if (raw !== null && raw !== undefined) applySettings(parseSettings(raw));
    } catch (e) {
      log.warn(`reading settings: ${formatError(e)}`);
    }
  }

  function applySettings(next: Settings): void {
    if (JSON.stringify(next) === JSON.stringify(settings)) return;
    settings = next;
    notify({ type: 'settings', settings });
    scheduler?.all();
  }

  connection.onDidChangeConfiguration((params) => {
    if (capabilities.workspace?.configuration) void pullSettings();
    else {
      const raw = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
      if (raw !== undefined) applySettings(parseSettings(raw));
    }
  });

  connection.onDidOpenTextDocument((params) => {
    const d = params.textDocument;
    texts.set(d.uri, TextDocument.create(d.uri, d.languageId, d.version, d.text));
    notify({ type: 'open', params });
    scheduler?.opened(d.uri, uriToPath(d.uri));
  });

  connection.onDidChangeTextDocument((params) => {
    const doc = texts.get(params.textDocument.uri);
    if (doc === undefined) return;
    try {
      texts.set(doc.uri, TextDocument.update(doc, params.contentChanges, params.textDocument.version));
    } catch (e) {
      log.error(`applying a change to ${doc.uri}: ${formatError(e)}`);
      return;
    }
    notify({ type: 'change', params });
    scheduler?.changed(doc.uri);
  });

  connection.onDidCloseTextDocument((params) => {
    if (!texts.delete(params.textDocument.uri)) return;
    notify({ type: 'close', params });
    scheduler?.closed(params.textDocument.uri);
  });

  connection.onDidChangeWatchedFiles((params) => {
    const paths = params.changes.flatMap((c) => uriToPath(c.uri) ?? []);
    const structural = params.changes.some((c) => c.type !== FileChangeType.Changed);
    notify({ type: 'filesChanged', paths });
    scheduler?.filesChanged(paths, structural);
  });

  /** Forwards a request to a worker: a document's to the worker holding its model. */
  async function forward(method: string, params: unknown, token: CancellationToken): Promise<unknown> {
    if (pool === undefined || scheduler === undefined) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized');
    // Workspace requests (esc/open included) go to the less busy worker, away from a document's model holder.
    const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
    const worker = typeof uri === 'string' ? scheduler.servingWorker(uri) : pool.leastLoaded();
    try {
      return await pool.run(worker, { type: 'request', method, params }, Priority.request, token);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (e instanceof ResponseError) throw e;
      if (typeof code === 'number') throw new ResponseError(code, (e as Error).message);
      throw e;
    }
  }

  for (const [method, fallback] of DOCUMENT_METHODS) {
    connection.onRequest(method, (params: unknown, token: CancellationToken) => runSafe(log, method, token, fallback, () => forward(method, params, token)));
  }
  for (const method of WORKSPACE_METHODS) {
    connection.onRequest(method, (params: unknown, token: CancellationToken) => runSafe(log, method, token, null, () => forward(method, params ?? {}, token)));
  }

  connection.onShutdown(async () => {
    await pool?.dispose();
    pool = undefined;
  });
}

function clientFeatures(c: ClientCapabilities): ClientFeatures {
  return {
    snippets: c.textDocument?.completion?.completionItem?.snippetSupport === true,
    markdown: (c.textDocument?.hover?.contentFormat ?? ['markdown']).includes('markdown'),
    hierarchicalSymbols: c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    documentChanges: c.workspace?.workspaceEdit?.documentChanges === true,
    resourceOperations: (c.workspace?.workspaceEdit?.resourceOperations ?? []).includes('create') && (c.workspace?.workspaceEdit?.resourceOperations ?? []).includes('rename'),
    relatedInformation: c.textDocument?.publishDiagnostics?.relatedInformation === true,
  };
}
