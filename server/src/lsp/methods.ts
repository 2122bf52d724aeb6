// The LSP methods the service workers answer, with the answer given when a document has no model,
// and the semantic token legend. Kept free of the engine so that the main thread, which only routes,
// starts without loading it.

/** Document methods and their fallback answers. */
export const DOCUMENT_METHODS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['textDocument/hover', null],
  ['textDocument/definition', []],
  ['textDocument/references', []],
  ['textDocument/prepareRename', null],
  ['textDocument/rename', null],
  ['textDocument/completion', { isIncomplete: false, items: [] }],
  ['textDocument/documentSymbol', []],
  ['textDocument/foldingRange', []],
  ['textDocument/selectionRange', []],
  ['textDocument/documentLink', []],
  ['textDocument/inlayHint', []],
  ['textDocument/semanticTokens/full', { data: [] }],
  ['textDocument/semanticTokens/range', { data: [] }],
  ['textDocument/codeAction', []],
]);

/** Workspace methods (answered by the less busy worker). */
export const WORKSPACE_METHODS: readonly string[] = ['workspace/symbol', 'esc/open', 'esc/environments'];

/** The semantic token legend: the analysis layer's TOKEN_TYPES and TOKEN_MODIFIERS (a test checks they agree). */
export const TOKEN_LEGEND = {
  tokenTypes: ['namespace', 'variable', 'property', 'function', 'type', 'operator', 'string', 'number'],
  tokenModifiers: ['defaultLibrary', 'readonly', 'secret'],
};
