// Protocol tests of the editor features against the bundled server: each feature once, end to end.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeAction, CompletionList, DocumentSymbol, Hover, InlayHint, Location, SemanticTokens, WorkspaceEdit, SymbolInformation, DocumentLink, FoldingRange, SelectionRange } from 'vscode-languageserver-protocol';
import { LspClient, positionOf, TempWorkspace } from '../util/lspClient';

const BASE = 'values:\n  region: us-west-2\n  db:\n    host: db.internal\n    password:\n      fn::secret: hunter2\n';
const DEV = 'imports:\n  - base\nvalues:\n  url: postgres://${db.host}:5432\n  pw: ${db.password}\n  plain: some-token\n';

let ws: TempWorkspace;
let client: LspClient;
let dev: string;

before(async () => {
  ws = new TempWorkspace({ 'environments/default/base.yaml': BASE, 'environments/app/dev.yaml': DEV });
  client = new LspClient();
  await client.initialize(ws.dir);
  dev = client.open(ws.path('environments/app/dev.yaml'), DEV);
  assert.deepEqual(await client.waitForDiagnostics(dev), []);
});

after(() => {
  client.kill();
  ws.dispose();
});

const at = (needle: string, delta = 1) => ({ textDocument: { uri: dev }, position: positionOf(DEV, needle, delta) });

test('hover: value of an accessor from an import, with provenance', async () => {
  const h = await client.request<Hover>('textDocument/hover', at('.host'));
  const md = (h.contents as { value: string }).value;
  assert.ok(md.includes('"db.internal"') && md.includes('in `base`'), md);
  assert.deepEqual(h.range, { start: positionOf(DEV, '.host'), end: positionOf(DEV, '.host', 5) });
});

test('hover: secrets are masked unless revealing is enabled', async () => {
  const masked = await client.request<Hover>('textDocument/hover', at('.password'));
  const text = (masked.contents as { value: string }).value;
  assert.ok(text.includes('[secret]') && !text.includes('hunter2'), text);
  const other = new LspClient();
  try {
    other.settings = { revealSecrets: true };
    await other.initialize(ws.dir);
    const uri = other.open(ws.path('environments/app/dev.yaml'), DEV);
    await other.waitForDiagnostics(uri);
    const shown = await other.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(DEV, '.password', 1) });
    assert.ok((shown.contents as { value: string }).value.includes('"hunter2"'));
  } finally {
    other.kill();
  }
});

test('definition: into the imported document', async () => {
  const locs = await client.request<Location[]>('textDocument/definition', at('.host'));
  assert.deepEqual(locs, [{ uri: ws.uri('environments/default/base.yaml'), range: { start: positionOf(BASE, 'host'), end: positionOf(BASE, 'host', 4) } }]);
});

test('references: across the workspace, from the definition', async () => {
  const base = client.open(ws.path('environments/default/base.yaml'), BASE);
  await client.waitForDiagnostics(base);
  const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: base }, position: positionOf(BASE, 'host', 1), context: { includeDeclaration: true } });
  assert.deepEqual(
    refs.map((r) => `${r.uri.endsWith('base.yaml') ? 'base' : 'dev'}:${r.range.start.line}:${r.range.start.character}`),
    [`base:${positionOf(BASE, 'host').line}:${positionOf(BASE, 'host').character}`, `dev:${positionOf(DEV, '.host').line}:${positionOf(DEV, '.host').character}`],
  );
  client.close(base);
});

test('rename: a key across documents', async () => {
  const prep = await client.request<{ placeholder: string }>('textDocument/prepareRename', at('.host'));
  assert.equal(prep.placeholder, 'host');
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at('.host'), newName: 'hostname' });
  const changes = (edit.documentChanges ?? []) as { textDocument: { uri: string }; edits: { newText: string }[] }[];
  const summary = changes.map((c) => `${c.textDocument.uri.endsWith('base.yaml') ? 'base' : 'dev'}:${c.edits.map((e) => e.newText).join(',')}`).sort();
  assert.deepEqual(summary, ['base:hostname', 'dev:.hostname']);
});

test('rename: an environment moves its file', async () => {
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: dev }, position: positionOf(DEV, 'base', 1), newName: 'shared' });
  const ops = (edit.documentChanges ?? []) as ({ kind?: string; oldUri?: string; newUri?: string } & { edits?: { newText: string }[] })[];
  assert.ok(ops.some((o) => o.kind === 'rename' && o.oldUri === ws.uri('environments/default/base.yaml') && o.newUri === ws.uri('environments/default/shared.yaml')), JSON.stringify(ops));
  assert.ok(ops.some((o) => o.edits?.some((e) => e.newText === 'shared')));
});

test('rename: refusals are errors', async () => {
  await assert.rejects(client.request('textDocument/rename', { ...at('.host'), newName: 'imports' }), /reserved/);
});

test('completion: members inside ${...} with type and preview', async () => {
  const list = await client.request<CompletionList>('textDocument/completion', at('.host', 1));
  const host = list.items.find((i) => i.label === 'host');
  assert.ok(host, JSON.stringify(list.items.map((i) => i.label)));
  assert.match(host.detail ?? '', /string = "db.internal"/);
  // What it replaces, in document coordinates: the whole accessor, dot included.
  assert.deepEqual((host.textEdit as { range: unknown }).range, { start: positionOf(DEV, '.host'), end: positionOf(DEV, '.host', 5) });
  assert.equal((host.textEdit as { newText: string }).newText, '.host');
  const pw = list.items.find((i) => i.label === 'password');
  assert.match(pw?.detail ?? '', /\[secret\]/);
});

test('completion: imports offer environments', async () => {
  const text = 'imports:\n  - \nvalues: {}\n';
  const uri = client.open(ws.path('environments/app/new.yaml'), text);
  await client.waitForDiagnostics(uri);
  const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, '- ', 2) });
  assert.deepEqual(list.items.map((i) => i.label).sort(), ['app/dev', 'base']);
  client.close(uri);
});

test('symbols: document outline and workspace symbols', async () => {
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: dev } });
  assert.deepEqual(symbols.map((s) => s.name), ['imports', 'values']);
  assert.deepEqual(symbols[1]!.children!.map((s) => s.name), ['url', 'pw', 'plain']);
  const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'regi' });
  assert.deepEqual(found.map((s) => `${s.containerName}:${s.name}`), ['base:region']);
});

test('semantic tokens: interpolation parts are tokens', async () => {
  const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: dev } });
  assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
  // The first token is the `${` of the first interpolation.
  const first = positionOf(DEV, '${');
  assert.deepEqual(tokens.data.slice(0, 3), [first.line, first.character, 2]);
});

test('inlay hints: evaluated interpolations, masked secrets', async () => {
  const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: dev }, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } } });
  assert.deepEqual(hints.map((h) => h.label), ['= "postgres://db.internal:5432"', '= [secret]']);
});

test('links, folding and selection ranges', async () => {
  const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: dev } });
  assert.deepEqual(links.map((l) => l.target), [ws.uri('environments/default/base.yaml')]);
  const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: dev } });
  assert.ok(folds.some((f) => f.startLine === 2));
  const sel = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri: dev }, positions: [positionOf(DEV, '.host', 2)] });
  assert.deepEqual(sel[0]!.range, { start: positionOf(DEV, '.host'), end: positionOf(DEV, '.host', 5) });
  assert.ok(sel[0]!.parent !== undefined);
});

test('code actions: quick fix for a misspelt property, and refactorings', async () => {
  const text = 'imports:\n  - base\nvalues:\n  x: ${regoin}\n  token: abc123\n';
  const uri = client.open(ws.path('environments/app/fix.yaml'), text);
  const diags = await client.waitForDiagnostics(uri);
  const range = { start: positionOf(text, 'regoin'), end: positionOf(text, 'regoin') };
  const fixes = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: diags } });
  const fix = fixes.find((a) => a.title === "Change to 'region'");
  assert.ok(fix?.isPreferred && fix.diagnostics?.[0]?.message === diags[0]!.message, JSON.stringify(fixes));
  const p = positionOf(text, 'abc123', 1);
  const refactors = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: p, end: p }, context: { diagnostics: [] } });
  assert.deepEqual(refactors.map((a) => a.title).sort(), ['Export as environment variable TOKEN', 'Wrap in fn::secret']);
  client.close(uri);
});
