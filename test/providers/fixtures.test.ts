// Fixtures: the file format, its problems as diagnostics, matching by environment and inputs,
// secrets, precedence over local providers, and reading the file from a workspace root.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadFixtures, parseFixtures } from '../../server/src/host/providers/index';
import { evaluate, expectAt, found, shown, valueOf, yaml } from '../catalogue/harness';

const FILE = '.esc-local/fixtures.yaml';

const FIXTURES = yaml(
  'providers:',
  '  aws-secrets:',
  '    - environment: prod/app',
  '      outputs: {db: prod-password}',
  '    - inputs:',
  '        region: eu-west-1',
  '        get: {db: {secretId: app/db}}',
  '      outputs: {db: eu-password}',
  '    - outputs: {db: dev-password}',
  '  aws-login:',
  '    outputs:',
  '      accessKeyId: AKIAFIXTURE',
  '      secretAccessKey: {fn::secret: fixture-secret}',
  '    secret: false',
  '  pulumi-stacks:',
  '    outputs: {net: {vpcId: vpc-123, subnets: [a, b], count: 2}}',
);

function secretsCall(region: string): string {
  return yaml(
    'values:',
    '  creds: {accessKeyId: a, secretAccessKey: b}',
    '  secrets:',
    '    fn::open::aws-secrets:',
    `      region: ${region}`,
    '      login: ${creds}',
    '      get: {db: {secretId: app/db}}',
  );
}

describe('fixtures', () => {
  const { fixtures, diagnostics } = parseFixtures(FILE, FIXTURES);

  test('parse without problems', () => {
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(fixtures.providers(), ['aws-secrets', 'aws-login', 'pulumi-stacks']);
  });

  test('cases match by inputs, in order, with a fallback; results are secret by default', async () => {
    const eu = await evaluate(secretsCall('eu-west-1'), { fixtures });
    assert.deepEqual(found(eu.diagnostics), []);
    assert.deepEqual(shown(valueOf(eu, 'secrets')), { db: { secret: 'eu-password' } });
    const us = await evaluate(secretsCall('us-east-1'), { fixtures });
    assert.deepEqual(shown(valueOf(us, 'secrets')), { db: { secret: 'dev-password' } });
  });

  test('cases match by the environment the call is written in', async () => {
    const { fixtures: only } = parseFixtures(FILE, yaml('providers:', '  aws-secrets:', '    - environment: [other, default/test]', '      outputs: {db: x}'));
    const r = await evaluate(secretsCall('us-east-1'), { fixtures: only });
    assert.deepEqual(shown(valueOf(r, 'secrets')), { db: { secret: 'x' } });
    const { fixtures: elsewhere } = parseFixtures(FILE, yaml('providers:', '  aws-secrets:', '    environment: prod/app', '    outputs: {db: x}'));
    const doc = secretsCall('us-east-1');
    const missed = await evaluate(doc, { fixtures: elsewhere });
    assert.deepEqual(found(missed.diagnostics), [
      expectAt(
        doc,
        'fn::open::aws-secrets',
        `provider aws-secrets is not available locally: it reads AWS Secrets Manager; add an entry for aws-secrets to ${FILE} to open this environment offline`,
      ),
    ]);
  });

  test('a fixture stands in for a local provider; fn::secret marks single values', async () => {
    const doc = yaml('values:', '  aws:', '    fn::open::aws-login: {oidc: {roleArn: "arn:aws:iam::123456789012:role/r", sessionName: s1}}');
    const r = await evaluate(doc, { fixtures });
    assert.deepEqual(found(r.diagnostics), []);
    assert.deepEqual(shown(valueOf(r, 'aws')), { accessKeyId: 'AKIAFIXTURE', secretAccessKey: { secret: 'fixture-secret' } });
  });

  test('outputs keep their types, and references into them work', async () => {
    const doc = yaml('values:', '  stacks:', '    fn::open::pulumi-stacks: {stacks: {net: {stack: network/prod}}}', '  vpc: ${stacks.net.vpcId}', '  second: ${stacks.net.subnets[1]}');
    const r = await evaluate(doc, { fixtures });
    assert.deepEqual(found(r.diagnostics), []);
    assert.deepEqual(shown(valueOf(r, 'stacks')), { net: { vpcId: { secret: 'vpc-123' }, subnets: [{ secret: 'a' }, { secret: 'b' }], count: { secret: '2' } } });
    assert.deepEqual(shown(valueOf(r, 'second')), { secret: 'b' });
  });

  test('problems in the file are diagnostics at their place', () => {
    const text = yaml(
      'providers:',
      '  aws-secret:',
      '    outputs: {a: b}',
      '  vault-secrets:',
      '    - inputs: {read: x}',
      '    - outputs: [1, 2]',
      '    - outputs: {a: b}',
      '      secret: maybe',
      '      extra: 1',
      'values: {}',
    );
    const r = parseFixtures(FILE, text);
    assert.deepEqual(
      r.diagnostics.map((d) => ({ severity: d.severity, summary: d.summary, line: d.range?.begin.line, column: d.range?.begin.column })),
      [
        { severity: 'warning', summary: 'unknown provider "aws-secret"; did you mean "aws-secrets"?', ...at(text, 'aws-secret:') },
        { severity: 'error', summary: 'a fixture needs `outputs`', ...at(text, 'inputs: {read') },
        { severity: 'error', summary: '`outputs` must be a mapping: the value the provider returns', ...at(text, '[1, 2]') },
        { severity: 'error', summary: '`secret` must be true or false', ...at(text, 'maybe') },
        { severity: 'error', summary: 'unknown key "extra": a fixture has environment, inputs, outputs, secret', ...at(text, 'extra') },
        { severity: 'error', summary: 'unknown key "values": fixtures have only `providers`', ...at(text, 'values:') },
      ],
    );
    assert.deepEqual(r.fixtures.providers(), []);
    const broken = parseFixtures(FILE, 'providers: [');
    assert.equal(broken.diagnostics[0]?.severity, 'error');
  });

  test('are read from .esc-local/fixtures.yaml (or .yml) under the root', async () => {
    const root = mkdtempSync(join(tmpdir(), 'esc-local-fixtures-'));
    try {
      assert.deepEqual(loadFixtures(root), { diagnostics: [] });
      mkdirSync(join(root, '.esc-local'));
      writeFileSync(join(root, '.esc-local', 'fixtures.yml'), FIXTURES);
      const loaded = loadFixtures(root);
      assert.equal(loaded.path, join(root, '.esc-local', 'fixtures.yml'));
      assert.deepEqual(loaded.diagnostics, []);
      const r = await evaluate(secretsCall('us-east-1'), { fixtures: loaded.fixtures! });
      assert.deepEqual(shown(valueOf(r, 'secrets')), { db: { secret: 'dev-password' } });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

function at(text: string, marker: string): { line: number; column: number } {
  return { line: expectAt(text, marker, '').line!, column: expectAt(text, marker, '').column! };
}
