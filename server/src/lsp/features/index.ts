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

/** A feature of one document, answered from its snapshot (methods.ts has the fallback when there is none). */
export type DocumentFeature = (s: Snapshot, params: never) => unknown;

/** Features of documents, by method (every method of DOCUMENT_METHODS). */
export const DOCUMENT_FEATURES: ReadonlyMap<string, DocumentFeature> = new Map<string, DocumentFeature>([
  ['textDocument/hover', provideHover],
  ['textDocument/definition', provideDefinition],
  ['textDocument/references', provideReferences],
  ['textDocument/prepareRename', providePrepareRename],
  ['textDocument/rename', provideRename],
  ['textDocument/completion', provideCompletion],
  ['textDocument/documentSymbol', provideDocumentSymbols],
  ['textDocument/foldingRange', provideFoldingRanges],
  ['textDocument/selectionRange', provideSelectionRanges],
  ['textDocument/documentLink', provideDocumentLinks],
  ['textDocument/inlayHint', provideInlayHints],
  ['textDocument/semanticTokens/full', provideSemanticTokens],
  ['textDocument/semanticTokens/range', provideSemanticTokensRange],
  ['textDocument/codeAction', provideCodeActions],
]);

/** Features of the workspace, by method (every method of WORKSPACE_METHODS). */
export const WORKSPACE_FEATURES: ReadonlyMap<string, (service: Service, params: never) => unknown> = new Map<string, (service: Service, params: never) => unknown>([
  ['workspace/symbol', provideWorkspaceSymbols],
  ['esc/open', provideOpen],
  ['esc/environments', provideEnvironments],
]);
