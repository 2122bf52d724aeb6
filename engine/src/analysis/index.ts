// The analysis layer: editor questions answered from a document's parse and checked model (ESC's
// analysis package). Pure: no I/O, no LSP or VS Code types. Positions come in as UTF-16 offsets of the
// document text and go out as engine ranges (which name their document); the language server
// converts them. The host supplies the workspace (other environments) through `AnalysisWorkspace`.

export type { AnalysisContext, AnalysisDocument, AnalysisOptions, AnalysisWorkspace, EnvironmentInfo, TextEdit, WorkspaceChange } from './document.js';
export { EMPTY_WORKSPACE } from './document.js';
export { hoverAt, type HoverResult } from './hover.js';
export { definitionAt } from './definitions.js';
export { referencesAt, keyTargetAt, findKeyReferences, dependenciesOf, type KeyTarget, type KeyReferences } from './references.js';
export { renameAt, renameTargetAt, type RenameResult, type RenameTarget } from './rename.js';
export { completionsAt, type CompletionCandidate, type CompletionKind, type Span } from './completion.js';
export { documentSymbols, workspaceSymbols, type OutlineSymbol, type SymbolKindName, type WorkspaceSymbolInfo } from './symbols.js';
export { semanticTokens, TOKEN_TYPES, TOKEN_MODIFIERS, type SemanticToken, type TokenType, type TokenModifier } from './semanticTokens.js';
export { inlayHints, type InlayHintInfo } from './inlayHints.js';
export { documentLinks, type EnvironmentLink } from './links.js';
export { foldingSpans, type FoldingSpan } from './folding.js';
export { selectionRanges } from './selection.js';
export { codeActions, type CodeActionInfo } from './codeActions.js';
export { previewValue, blockValue } from './preview.js';
export { formatAccess } from './paths.js';
export type { PathStep } from './locate.js';
