// The features a service worker answers, by LSP method: each a thin adapter from LSP parameters to
// the analysis layer and back. Features of a document answer from its snapshot (last model and
// current text); workspace-wide ones from the service.

import type { Service } from '../service/service';
import type { Snapshot } from '../service/snapshot';
import { provideCodeActions } from './codeActions';
import { provideCompletion } from './completion';
import { provideDefinition } from './definition';
import { provideDocumentLinks } from './documentLinks';
import { provideDocumentSymbols } from './documentSymbols';
import { provideEnvironments } from './escEnvironments';
import { provideOpen } from './escOpen';
import { provideFoldingRanges } from './folding';
import { provideHover } from './hover';
import { provideInlayHints } from './inlayHints';
import { providePrepareRename, provideRename } from './rename';
import { provideReferences } from './references';
import { provideSelectionRanges } from './selectionRanges';
import { provideSemanticTokens, provideSemanticTokensRange } from './semanticTokens';
import { provideWorkspaceSymbols } from './workspaceSymbols';

/** A feature of one document: answered from its snapshot, with a fallback when there is none. */
export interface DocumentFeature {
  readonly answer: (s: Snapshot, params: never) => unknown;
  /** The answer when the document has no model (never parsed) or is not served. */
  readonly fallback: unknown;
}

/** Features of documents, by method. */
export const DOCUMENT_FEATURES: ReadonlyMap<string, DocumentFeature> = new Map<string, DocumentFeature>([
  ['textDocument/hover', { answer: provideHover, fallback: null }],
  ['textDocument/definition', { answer: provideDefinition, fallback: [] }],
  ['textDocument/references', { answer: provideReferences, fallback: [] }],
  ['textDocument/prepareRename', { answer: providePrepareRename, fallback: null }],
  ['textDocument/rename', { answer: provideRename, fallback: null }],
  ['textDocument/completion', { answer: provideCompletion, fallback: { isIncomplete: false, items: [] } }],
  ['textDocument/documentSymbol', { answer: provideDocumentSymbols, fallback: [] }],
  ['textDocument/foldingRange', { answer: provideFoldingRanges, fallback: [] }],
  ['textDocument/selectionRange', { answer: provideSelectionRanges, fallback: [] }],
  ['textDocument/documentLink', { answer: provideDocumentLinks, fallback: [] }],
  ['textDocument/inlayHint', { answer: provideInlayHints, fallback: [] }],
  ['textDocument/semanticTokens/full', { answer: provideSemanticTokens, fallback: { data: [] } }],
  ['textDocument/semanticTokens/range', { answer: provideSemanticTokensRange, fallback: { data: [] } }],
  ['textDocument/codeAction', { answer: provideCodeActions, fallback: [] }],
]);

/** Features of the workspace, by method. */
export const WORKSPACE_FEATURES: ReadonlyMap<string, (service: Service, params: never) => unknown> = new Map<string, (service: Service, params: never) => unknown>([
  ['workspace/symbol', provideWorkspaceSymbols],
  ['esc/open', provideOpen],
  ['esc/environments', provideEnvironments],
]);
