// Cross-file invalidation: edits to an imported environment, in a buffer or on disk, re-diagnose the
// open documents that import it, directly or transitively.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LspClient, TempWorkspace } from '../util/lspClient';

let ws: TempWorkspace;
let client: LspClient;

before(async () => {
  ws = new TempWorkspace({
    'environments/default/base.yaml': 'values:\n  region: us\n',
    'environments/default/mid.yaml': 'imports:\n  - base\nvalues:\n  m: ${region}\n',
    'environments/app/top.yaml': 'imports:\n  - mid\nvalues:\n  t: ${region}-${m}\n',
  });
  client = new LspClient();
  await client.initialize(ws.dir);
});

after(() => {
  client.kill();
  ws.dispose();
});

const messages = (ds: { message: unknown }[]) => ds.map((d) => String(d.message));

test('invalidation: editing an import buffer re-diagnoses a transitive importer', async () => {
  const top = client.open(ws.path('environments/app/top.yaml'), 'imports:\n  - mid\nvalues:\n  t: ${region}-${m}\n');
  assert.deepEqual(await client.waitForDiagnostics(top), []);
  const base = client.open(ws.path('environments/default/base.yaml'), 'values:\n  region: us\n');
  await client.waitForDiagnostics(base);
  const before = client.publishCount(top);
  client.replace(base, 'values:\n  zone: us\n');
  const after = await client.waitForDiagnostics(top, (p) => p.diagnostics.length > 0);
  assert.ok(client.publishCount(top) > before);
  assert.ok(messages(after).some((m) => m.includes('unknown property "region"')), JSON.stringify(after));
  client.replace(base, 'values:\n  region: eu\n');
  assert.deepEqual(await client.waitForDiagnostics(top, (p) => p.diagnostics.length === 0), []);
  client.close(base);
});

test('invalidation: changes on disk re-diagnose importers', async () => {
  const top = client.uriOf('environments/app/top.yaml', ws);
  ws.write('environments/default/base.yaml', 'values:\n  other: 1\n');
  client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('environments/default/base.yaml'), type: 2 }] });
  const diags = await client.waitForDiagnostics(top, (p) => p.diagnostics.length > 0);
  assert.ok(messages(diags).some((m) => m.includes('unknown property "region"')));
  ws.write('environments/default/base.yaml', 'values:\n  region: ap\n');
  client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('environments/default/base.yaml'), type: 2 }] });
  assert.deepEqual(await client.waitForDiagnostics(top, (p) => p.diagnostics.length === 0), []);
});

test('invalidation: a missing import appears on disk', async () => {
  const text = 'imports:\n  - later\nvalues: {}\n';
  const uri = client.open(ws.path('environments/app/waits.yaml'), text);
  const first = await client.waitForDiagnostics(uri);
  assert.ok(messages(first).some((m) => m.includes('not found')), JSON.stringify(first));
  ws.write('environments/default/later.yaml', 'values:\n  ok: true\n');
  client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('environments/default/later.yaml'), type: 1 }] });
  assert.deepEqual(await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0), []);
  client.close(uri);
});

test('invalidation: errors inside an import are shown on the import', async () => {
  const text = 'imports:\n  - bad\nvalues: {}\n';
  ws.write('environments/default/bad.yaml', 'values:\n  a: [1\n');
  const uri = client.open(ws.path('environments/app/uses-bad.yaml'), text);
  const diags = await client.waitForDiagnostics(uri);
  assert.equal(diags.length > 0, true);
  assert.equal(diags[0]!.range.start.line, 1);
  assert.match(String(diags[0]!.message), /^bad:\d+:\d+: /);
  assert.equal(diags[0]!.relatedInformation?.[0]?.location.uri, ws.uri('environments/default/bad.yaml'));
  client.close(uri);
});
