// The custom requests esc/open and esc/environments over the protocol.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EnvironmentsRequest, OpenEnvironmentRequest, type EnvironmentsResult, type OpenEnvironmentResult } from '../../server/src/protocol';
import { LspClient, TempWorkspace } from '../util/lspClient';

let ws: TempWorkspace;
let client: LspClient;

const DEV = [
  'imports:',
  '  - base',
  'values:',
  '  creds:',
  '    fn::open::aws-login:',
  '      static:',
  '        accessKeyId: AKIAEXAMPLE',
  '        secretAccessKey:',
  '          fn::secret: s3cr3t-key',
  '  environmentVariables:',
  '    AWS_ACCESS_KEY_ID: ${creds.accessKeyId}',
  '    REGION: ${region}',
  '  files:',
  '    NOTE: hello',
  '',
].join('\n');

before(async () => {
  ws = new TempWorkspace({
    'environments/default/base.yaml': 'values:\n  region: us-west-2\n  token:\n    fn::secret: tok-123\n',
    'environments/app/dev.yaml': DEV,
    'environments/app/broken.yaml': 'imports:\n  - nowhere\nvalues: {}\n',
  });
  client = new LspClient();
  await client.initialize(ws.dir);
});

after(() => {
  client.kill();
  ws.dispose();
});

test('esc/open: a trusted workspace opens local providers; secrets are masked', async () => {
  const r = await client.request<OpenEnvironmentResult>(OpenEnvironmentRequest.method, { environment: 'app/dev', format: 'json', trusted: true });
  assert.equal(r.ok, true, JSON.stringify(r.diagnostics));
  assert.equal(r.evaluated, true);
  const json = JSON.parse(r.text);
  // aws-login's outputs are secret as a whole.
  assert.equal(json.creds, '[secret]');
  assert.equal(json.token, '[secret]');
  assert.equal(json.region, 'us-west-2');
  assert.equal(r.revealsSecrets, false);
});

test('esc/open: secrets shown when asked', async () => {
  const r = await client.request<OpenEnvironmentResult>(OpenEnvironmentRequest.method, { environment: 'app/dev', format: 'json', trusted: true, showSecrets: true });
  assert.equal(JSON.parse(r.text).token, 'tok-123');
  assert.equal(JSON.parse(r.text).creds.accessKeyId, 'AKIAEXAMPLE');
  assert.equal(r.revealsSecrets, true);
});

test('esc/open: untrusted workspaces open no provider', async () => {
  const r = await client.request<OpenEnvironmentResult>(OpenEnvironmentRequest.method, { uri: ws.uri('environments/app/dev.yaml'), format: 'json', trusted: false });
  assert.equal(r.evaluated, false);
  assert.equal(JSON.parse(r.text).creds, '[unknown]');
  assert.ok(r.diagnostics.some((d) => d.message.includes('not trusted')));
});

test('esc/open: dotenv and shell formats, with files returned separately', async () => {
  const masked = await client.request<OpenEnvironmentResult>(OpenEnvironmentRequest.method, { environment: 'app/dev', format: 'shell', trusted: true });
  assert.equal(masked.text, "export AWS_ACCESS_KEY_ID='[secret]'\nexport REGION='us-west-2'\n");
  const r = await client.request<OpenEnvironmentResult>(OpenEnvironmentRequest.method, { environment: 'app/dev', format: 'shell', trusted: true, showSecrets: true });
  assert.equal(r.text, "export AWS_ACCESS_KEY_ID='AKIAEXAMPLE'\nexport REGION='us-west-2'\n");
  assert.deepEqual(r.files, [{ name: 'NOTE', content: 'hello' }]);
  const path = await client.request<OpenEnvironmentResult>(OpenEnvironmentRequest.method, { environment: 'app/dev', format: 'string', path: 'environmentVariables.REGION', trusted: true });
  assert.equal(path.text, 'us-west-2\n');
});

test('esc/open: errors come back as diagnostics with locations', async () => {
  const r = await client.request<OpenEnvironmentResult>(OpenEnvironmentRequest.method, { environment: 'app/broken', trusted: true });
  assert.equal(r.ok, false);
  assert.equal(r.text, '');
  const d = r.diagnostics.find((x) => x.message.includes('nowhere'));
  assert.equal(d?.uri, ws.uri('environments/app/broken.yaml'));
  assert.equal(d?.line, 1);
  const bad = await client.request<OpenEnvironmentResult>(OpenEnvironmentRequest.method, { environment: 'app/none' });
  assert.equal(bad.ok, false);
  const format = await client.request<OpenEnvironmentResult>(OpenEnvironmentRequest.method, { environment: 'app/dev', format: 'xml' });
  assert.match(format.diagnostics[0]!.message, /unknown output format/);
});

test('esc/open: an unsaved buffer is what is opened', async () => {
  const uri = client.open(ws.path('environments/app/dev.yaml'), 'values:\n  unsaved: yes\n');
  await client.waitForDiagnostics(uri);
  const r = await client.request<OpenEnvironmentResult>(OpenEnvironmentRequest.method, { uri, trusted: true });
  assert.deepEqual(JSON.parse(r.text), { unsaved: 'yes' });
  client.close(uri);
});

test('esc/environments: the environments and their import graph', async () => {
  const r = await client.request<EnvironmentsResult>(EnvironmentsRequest.method, {});
  assert.equal(r.roots.length, 1);
  assert.equal(r.roots[0]!.rootUri, ws.uri('environments'));
  const byName = new Map(r.roots[0]!.environments.map((e) => [e.name, e]));
  assert.deepEqual([...byName.keys()], ['app/broken', 'app/dev', 'base']);
  assert.deepEqual(byName.get('app/dev')!.imports, ['base']);
  assert.deepEqual(byName.get('base')!.importedBy, ['app/dev']);
  assert.equal(byName.get('app/broken')!.broken, true);
  assert.equal(byName.get('app/dev')!.broken, false);
  assert.equal(byName.get('base')!.uri, ws.uri('environments/default/base.yaml'));
});
