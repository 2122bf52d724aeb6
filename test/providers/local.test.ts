// Providers that run locally (Eval mode, end to end through the engine), and the clear failure of
// every provider that needs a cloud.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinKey, catalogue } from '../../engine/src/index';
import { LOCAL_PROVIDERS } from '../../server/src/host/providers/index';
import { evaluate, expectAt, found, shown, valueOf, yaml } from '../catalogue/harness';

describe('local providers', () => {
  test('aws-login with static credentials gives them back, secret', async () => {
    const doc = yaml(
      'values:',
      '  aws:',
      '    fn::open::aws-login:',
      '      static:',
      '        accessKeyId: AKIAEXAMPLE',
      '        secretAccessKey: {fn::secret: s3cr3t}',
      '  key: ${aws.accessKeyId}',
    );
    const r = await evaluate(doc);
    assert.deepEqual(found(r.diagnostics), []);
    assert.deepEqual(shown(valueOf(r, 'aws')), { accessKeyId: { secret: 'AKIAEXAMPLE' }, secretAccessKey: { secret: 's3cr3t' } });
    assert.deepEqual(shown(valueOf(r, 'key')), { secret: 'AKIAEXAMPLE' });
  });

  test('aws-login output feeds aws-secrets, which explains why it cannot run here', async () => {
    const doc = yaml(
      'values:',
      '  aws:',
      '    login:',
      '      fn::open::aws-login: {static: {accessKeyId: a, secretAccessKey: b, sessionToken: t}}',
      '  secrets:',
      '    fn::open::aws-secrets:',
      '      region: us-west-2',
      '      login: ${aws.login}',
      '      get: {db: {secretId: db}}',
    );
    const r = await evaluate(doc);
    assert.deepEqual(found(r.diagnostics), [
      expectAt(
        doc,
        'fn::open::aws-secrets',
        'provider aws-secrets is not available locally: it reads AWS Secrets Manager; add an entry for aws-secrets to .esc-local/fixtures.yaml to open this environment offline',
      ),
    ]);
    assert.deepEqual(shown(valueOf(r, 'aws')), { login: { accessKeyId: { secret: 'a' }, secretAccessKey: { secret: 'b' }, sessionToken: { secret: 't' } } });
    assert.equal(shown(valueOf(r, 'secrets')), '<unknown>');
  });

  test('aws-login with oidc is not available locally, and says what to use instead', async () => {
    const doc = yaml('values:', '  aws:', '    fn::open::aws-login: {oidc: {roleArn: "arn:aws:iam::123456789012:role/r", sessionName: s1}}');
    const r = await evaluate(doc);
    assert.deepEqual(found(r.diagnostics), [
      expectAt(
        doc,
        'fn::open::aws-login',
        'provider aws-login is not available locally with oidc: it exchanges a Pulumi OIDC token for AWS credentials with AWS STS; ' +
          'use static credentials, or add an entry for aws-login to .esc-local/fixtures.yaml to open this environment offline',
      ),
    ]);
  });

  test('vault-login with a token uses that token for the session', async () => {
    const doc = yaml(
      'values:',
      '  vault:',
      '    fn::open::vault-login:',
      '      address: "https://vault.example.com:8200"',
      '      namespace: team',
      '      token: {token: {fn::secret: hvs.parent}, maxTtl: 1h}',
    );
    const r = await evaluate(doc);
    assert.deepEqual(found(r.diagnostics), []);
    assert.deepEqual(shown(valueOf(r, 'vault')), {
      address: { secret: 'https://vault.example.com:8200' },
      namespace: { secret: 'team' },
      token: { secret: 'hvs.parent' },
    });
  });

  test('vault-login with jwt is not available locally', async () => {
    const doc = yaml('values:', '  vault:', '    fn::open::vault-login: {address: "https://v:8200", jwt: {role: r}}');
    const r = await evaluate(doc);
    assert.match(r.diagnostics[0]!.summary, /^provider vault-login is not available locally with jwt: it logs in to the Vault server; use token, or add an entry/);
  });

  test('azure-login with a client secret, gcp-login with an access token', async () => {
    const doc = yaml(
      'values:',
      '  azure:',
      '    fn::open::azure-login: {clientId: c, tenantId: t, subscriptionId: s, clientSecret: x}',
      '  gcp:',
      '    fn::open::gcp-login: {project: 123456789012, accessToken: {accessToken: ya29.token}}',
      '  impersonating:',
      '    fn::open::gcp-login: {project: 1, accessToken: {accessToken: t, serviceAccount: sa@p.iam.gserviceaccount.com}}',
    );
    const r = await evaluate(doc);
    assert.deepEqual(shown(valueOf(r, 'azure')), { clientId: { secret: 'c' }, tenantId: { secret: 't' }, subscriptionId: { secret: 's' }, clientSecret: { secret: 'x' } });
    assert.deepEqual(shown(valueOf(r, 'gcp')), { accessToken: { secret: 'ya29.token' }, tokenType: { secret: 'Bearer' }, project: { secret: '123456789012' } });
    assert.deepEqual(
      found(r.diagnostics).map((d) => d.summary),
      [
        'provider gcp-login is not available locally with a serviceAccount to impersonate: it obtains an access token from Google Cloud STS and IAM; ' +
          'use an accessToken without serviceAccount, or add an entry for gcp-login to .esc-local/fixtures.yaml to open this environment offline',
      ],
    );
  });

  test('every other provider fails on its call, naming what it needs', async () => {
    const remote = catalogue().filter((e) => e.kind === 'provider' && !LOCAL_PROVIDERS.has(e.name));
    assert.equal(remote.length, 15);
    for (const e of remote) {
      const doc = PLAIN_LOGINS + '  x:\n' + e.example.split('\n').map((l) => '    ' + l).join('\n') + '\n';
      const r = await evaluate(doc);
      const expected = `provider ${e.name} is not available locally: it ${e.remoteAction}; add an entry for ${e.name} to .esc-local/fixtures.yaml to open this environment offline`;
      assert.deepEqual(found(r.diagnostics), [expectAt(doc, builtinKey(e), expected)], e.name);
    }
  });
});

/** Logins as plain values, so that the examples' inputs are known in Eval mode. */
const PLAIN_LOGINS = yaml(
  'values:',
  '  aws: {login: {accessKeyId: a, secretAccessKey: b}}',
  '  azure: {login: {clientId: c, tenantId: t}}',
  '  gcp: {login: {accessToken: t, project: 1, tokenType: Bearer}}',
  '  vault: {login: {address: "https://v:8200", token: t}}',
  '  doppler: {login: {accessToken: t}}',
  '  infisical: {login: {accessToken: t}}',
);
