// Messages between the language server's main thread (the LSP connection and the scheduler) and its
// service workers (documents, checks and editor features). Plain data only: everything crosses a
// structured clone.

import type { DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, Diagnostic as LspDiagnostic, WorkspaceFolder } from 'vscode-languageserver';
import type { Settings } from './settings';

/** Main → worker: a job (answered) or a notification (not answered). */
export type ToWorker =
  | { readonly kind: 'job'; readonly id: number; readonly job: Job }
  | { readonly kind: 'notify'; readonly note: Note };

/** Jobs a worker answers, one at a time. */
export type Job =
  | { readonly type: 'check'; readonly uri: string }
  | { readonly type: 'request'; readonly method: string; readonly params: unknown }
  /**
   * Another worker now holds the document's model. A job, not a notification: requests already
   * queued for this worker are answered from the old model first, and checks queued after it see
   * no model.
   */
  | { readonly type: 'drop'; readonly uri: string }
  /** One round of JIT warm-up (see service/warmup.ts). */
  | { readonly type: 'warmup' };

/** Notifications every worker receives, in order, so that each mirrors the editor's state. */
export type Note =
  | { readonly type: 'init'; readonly folders: readonly WorkspaceFolder[]; readonly settings: Settings; readonly capabilities: ClientFeatures }
  | { readonly type: 'open'; readonly params: DidOpenTextDocumentParams }
  | { readonly type: 'change'; readonly params: DidChangeTextDocumentParams }
  | { readonly type: 'close'; readonly params: DidCloseTextDocumentParams }
  | { readonly type: 'settings'; readonly settings: Settings }
  | { readonly type: 'folders'; readonly folders: readonly WorkspaceFolder[] }
  | { readonly type: 'filesChanged'; readonly paths: readonly string[] };

/** What the server needs to know of the client's capabilities. */
export interface ClientFeatures {
  readonly snippets: boolean;
  readonly markdown: boolean;
  readonly hierarchicalSymbols: boolean;
  readonly documentChanges: boolean;
  readonly resourceOperations: boolean;
  readonly relatedInformation: boolean;
}

/** Worker → main: the answer to a job, or a log line. */
export type FromWorker =
  | { readonly kind: 'done'; readonly id: number; readonly result: unknown }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string; readonly code?: number }
  | { readonly kind: 'log'; readonly level: 'error' | 'warn' | 'info'; readonly message: string };

/** The result of a `check` job. */
export interface CheckResult {
  readonly uri: string;
  /** The document version that was checked. */
  readonly version: number;
  /** Whether the document is an environment document this server serves (else it gets no diagnostics). */
  readonly served: boolean;
  readonly diagnostics: LspDiagnostic[];
  /** Absolute paths of the files the check read (the document's imports, transitively). */
  readonly dependencies: string[];
  /** Absolute path of the document itself, when it is a file. */
  readonly path?: string;
  /** True when the check produced a model features can answer from (the document parsed). */
  readonly model: boolean;
  /** Milliseconds spent parsing and checking. */
  readonly millis: number;
  /** Whether only the edited entries were reparsed (for traces and tests). */
  readonly incremental?: boolean;
}
