// Malformed input, out-of-range positions, edit storms and cancellations: the server answers
// afterwards, and its diagnostics describe the final text.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspClient, positionOf, TempWorkspace } from '../util/lspClient';

let ws: TempWorkspace;
let client: LspClient;

before(async () => {
  ws = new TempWorkspace({ 'environments/default/base.yaml': 'values:\n  region: us\n' });
  client = new LspClient();
  await client.initialize(ws.dir);
});

after(() => {
  client.kill();
  ws.dispose();
});

/** Asks for a hover that must work, proving the server is alive and answering. */
async function alive(): Promise<void> {
  const text = 'values:\n  alive: yes\n';
  const uri = client.open(ws.path(`environments/probe/p${Math.random().toString(36).slice(2)}.yaml`), text);
  await client.waitForDiagnostics(uri);
  const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'alive', 1) });
  assert.ok((h.contents as { value: string }).value.includes('"yes"'));
  client.close(uri);
}

test('robustness: malformed documents', async () => {
  const docs = [
    '',
    '\u0000\u0001\u0002',
    'values: [',
    'values:\n  a: *alias\n',
    '- just\n- a list\n',
    'values:\n' + '  '.repeat(1) + 'x: ' + '['.repeat(5000) + '\n',
    'values:\n  a: ${' + 'x.'.repeat(2000) + '\n',
    'imports:\n  - ../../etc/passwd\n  - /abs\n  - { }\nvalues: {a: ${imports}}\n',
    'values:\n  big: ' + 'x'.repeat(200_000) + '\n',
    '\ufeffvalues:\n  "\ud800": 1\n',
  ];
  for (const [i, text] of docs.entries()) {
    const uri = client.open(ws.path(`environments/bad/doc${i}.yaml`), text);
    await client.waitForDiagnostics(uri);
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/documentSymbol', 'textDocument/semanticTokens/full', 'textDocument/foldingRange']) {
      await client.request(method, { textDocument: { uri }, position: { line: 1, character: 3 } });
    }
    client.close(uri);
  }
  await alive();
});

test('robustness: out-of-range and nonsense positions', async () => {
  const text = 'values:\n  a: ${b}\n  b: 1\n';
  const uri = client.open(ws.path('environments/bad/positions.yaml'), text);
  await client.waitForDiagnostics(uri);
  for (const position of [{ line: 10_000, character: 5 }, { line: 1, character: 10_000 }, { line: -1, character: -1 }]) {
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references', 'textDocument/prepareRename', 'textDocument/selectionRange', 'textDocument/codeAction', 'textDocument/inlayHint']) {
      const params = { textDocument: { uri }, position, positions: [position], range: { start: position, end: position }, context: { diagnostics: [], includeDeclaration: true } };
      await client.request(method, params);
    }
  }
  // Requests about documents that are not open, and without parameters.
  await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.yaml' }, position: { line: 0, character: 0 } });
  await client.request('textDocument/hover', null);
  await client.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:Untitled-1' } });
  client.close(uri);
  await alive();
});

test('robustness: an edit storm ends with the diagnostics of the last text', async () => {
  let text = 'values:\n  a: 1\n';
  const uri = client.open(ws.path('environments/bad/storm.yaml'), text);
  await client.waitForDiagnostics(uri);
  for (let i = 0; i < 300; i++) {
    const insert = i % 7 === 0 ? '  x: ${nope' : `  k${i}: ${i}\n`;
    const pos = positionOf(text, 'values:\n', 8);
    client.edit(uri, { start: pos, end: pos }, insert);
    text = text.slice(0, 8) + insert + text.slice(8);
    if (i % 10 === 0) void client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
  }
  client.replace(uri, 'values:\n  final: ${missing}\n');
  const diags = await client.waitForDiagnostics(uri);
  assert.deepEqual(diags.map((d) => String(d.message)), ['unknown property "missing"']);
  client.close(uri);
  await alive();
});

test('robustness: cancelled requests answer RequestCancelled, and the server goes on', async () => {
  const text = 'values:\n  a: 1\n';
  const uri = client.open(ws.path('environments/bad/cancel.yaml'), text);
  await client.waitForDiagnostics(uri);
  const { CancellationTokenSource } = await import('vscode-languageserver-protocol');
  const outcomes: string[] = [];
  const pending: Promise<void>[] = [];
  for (let i = 0; i < 20; i++) {
    const source = new CancellationTokenSource();
    const p = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } }, source.token).then(
      () => void outcomes.push('answered'),
      (e: { code?: number }) => void outcomes.push(e.code === -32800 ? 'cancelled' : `error ${e.code}`),
    );
    source.cancel();
    pending.push(p);
  }
  await Promise.all(pending);
  assert.ok(outcomes.every((o) => o === 'answered' || o === 'cancelled'), JSON.stringify(outcomes));
  assert.ok(outcomes.includes('cancelled'));
  client.close(uri);
  await alive();
});

test('robustness: unknown methods and notifications do not disturb the server', async () => {
  await assert.rejects(client.request('esc/doesNotExist', {}), /Unhandled method|not found/i);
  client.connection.sendNotification('esc/whatever', { x: 1 });
  client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never-opened.yaml', version: 2 }, contentChanges: [{ text: 'x' }] });
  client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///never-opened.yaml' } });
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { escLocal: { context: 'not an object', files: 3 } } });
  await alive();
});
