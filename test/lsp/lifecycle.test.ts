// Protocol tests of the bundled server: start-up, capabilities, diagnostics and shutdown.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CLI, LspClient, positionOf, TempWorkspace } from '../util/lspClient';

let ws: TempWorkspace;
let client: LspClient;

before(async () => {
  ws = new TempWorkspace({
    'environments/default/base.yaml': 'values:\n  region: us-west-2\n',
    'environments/app/dev.yaml': 'imports:\n  - base\nvalues:\n  url: https://${region}.example.com\n',
  });
  client = new LspClient();
  await client.initialize(ws.dir);
});

after(async () => {
  client.kill();
  ws.dispose();
});

test('lifecycle: initialize announces the features', async () => {
  const c = new LspClient();
  try {
    const r = await c.initialize(ws.dir);
    const caps = r.capabilities;
    assert.equal(r.serverInfo?.name, 'esc-local');
    assert.ok(caps.hoverProvider && caps.definitionProvider && caps.referencesProvider && caps.documentSymbolProvider && caps.workspaceSymbolProvider);
    assert.ok(caps.completionProvider && caps.renameProvider && caps.semanticTokensProvider && caps.inlayHintProvider && caps.codeActionProvider);
    assert.ok(caps.documentLinkProvider && caps.foldingRangeProvider && caps.selectionRangeProvider);
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(await c.shutdown(), 0);
  } finally {
    c.kill();
  }
});

test('diagnostics: a clean document has none; errors and warnings keep their severity', async () => {
  const uri = client.open(ws.path('environments/app/dev.yaml'), 'imports:\n  - base\nvalues:\n  url: https://${region}.example.com\n');
  assert.deepEqual(await client.waitForDiagnostics(uri), []);
  const text = 'imports:\n  - base\nvalues:\n  url: https://${regoin}.example.com\nextra: 1\n';
  client.replace(uri, text);
  const diags = await client.waitForDiagnostics(uri);
  const byMessage = new Map(diags.map((d) => [String(d.message), d]));
  const unknown = byMessage.get('unknown property "regoin"; did you mean "region"?');
  assert.ok(unknown, JSON.stringify(diags));
  assert.equal(unknown.severity, 1);
  assert.deepEqual(unknown.range, { start: positionOf(text, 'regoin'), end: positionOf(text, 'regoin', 6) });
  const warning = diags.find((d) => String(d.message).startsWith("Field 'extra' does not exist"));
  assert.equal(warning?.severity, 2);
  client.close(uri);
});

test('diagnostics: YAML syntax errors', async () => {
  const uri = client.open(ws.path('environments/app/broken.yaml'), 'values:\n  a: [1, 2\n');
  const diags = await client.waitForDiagnostics(uri);
  assert.ok(diags.length > 0 && diags.every((d) => d.severity === 1), JSON.stringify(diags));
  client.close(uri);
});

test('diagnostics: plain YAML files outside the root are not environments', async () => {
  const uri = client.open(ws.path('k8s/deployment.yaml'), 'apiVersion: v1\nkind: Pod\n');
  assert.deepEqual(await client.waitForDiagnostics(uri), []);
  client.close(uri);
});

test('diagnostics: standalone *.esc.yaml files anywhere', async () => {
  const uri = client.open(ws.path('elsewhere/app.esc.yaml'), 'imports:\n  - base\nvalues:\n  x: ${nope}\n');
  const diags = await client.waitForDiagnostics(uri);
  assert.deepEqual(diags.map((d) => d.message), ['unknown property "nope"']);
  client.close(uri);
});

test('lifecycle: shutdown and exit end the process with status 0', async () => {
  const c = new LspClient();
  await c.initialize(ws.dir);
  assert.equal(await c.shutdown(), 0);
});

test('lifecycle: esc-local lsp --stdio serves the same server', async () => {
  const c = new LspClient(['lsp', '--stdio'], CLI);
  try {
    await c.initialize(ws.dir);
    const uri = c.open(ws.path('environments/app/dev.yaml'), 'values:\n  a: ${b}\n');
    assert.deepEqual((await c.waitForDiagnostics(uri)).map((d) => String(d.message)), ['unknown property "b"']);
    assert.equal(await c.shutdown(), 0);
  } finally {
    c.kill();
  }
});

test('lifecycle: esc-local lsp without a transport is a one-line error', async () => {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, [CLI, 'lsp'], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /lsp needs a transport/);
});
